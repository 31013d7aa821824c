// The Hono and Koa demos must keep working: each route answers with the problem its comment promises.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { buildHonoDemo } from '../../examples/hono.js'
import { buildKoaDemo } from '../../examples/koa.js'
import { listening, served } from '../fetch/helpers.js'

type Row = [method: string, path: string, status: number, code: string | undefined]

const DEMOS: Record<string, { start: () => Promise<string>; rows: Row[] }> = {
  Hono: {
    start: () => served(buildHonoDemo().fetch),
    rows: [
      ['GET', '/users/42', 404, 'USER_NOT_FOUND'],
      ['POST', '/users', 422, 'VALIDATION_FAILED'],
      ['GET', '/admin/panel', 401, 'UNAUTHORIZED'],
    ],
  },
  Koa: {
    start: async () => {
      const server = await listening(createServer(buildKoaDemo().callback()).listen(0, '127.0.0.1'))
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    },
    rows: [
      ['GET', '/users/42', 404, 'NOT_FOUND'],
      ['PUT', '/users/1', 428, 'PRECONDITION_REQUIRED'],
    ],
  },
}

/** Rows both demos answer alike. */
const COMMON: Row[] = [
  ['GET', '/users/1', 200, undefined],
  ['DELETE', '/users/1', 405, 'METHOD_NOT_ALLOWED'],
  ['GET', '/rate-limited', 429, 'TOO_MANY_REQUESTS'],
  ['GET', '/maintenance', 503, 'SERVICE_UNAVAILABLE'],
  ['GET', '/crash', 500, 'INTERNAL_SERVER_ERROR'],
  ['GET', '/nowhere', 404, 'NOT_FOUND'],
]

const ROWS = Object.entries(DEMOS).flatMap(([name, demo]) => [...COMMON, ...demo.rows].map((row) => [name, ...row] as const))

describe('Hono and Koa demos', () => {
  it.each(ROWS)('%s: %s %s → %i', async (name, method, path, status, code) => {
    process.env.LOG_LEVEL = 'silent'
    const base = await DEMOS[name]!.start()
    const init: RequestInit = method === 'POST' ? { method, body: '{}', headers: { 'content-type': 'application/json' } } : { method }
    const response = await fetch(`${base}${path}`, init)
    expect(response.status).toBe(status)
    const body = (await response.json()) as { code?: string }
    if (code !== undefined) expect(body.code).toBe(code)
  })

  it('Hono: keeps the challenge of basicAuth and creates users with 201 + Location', async () => {
    process.env.LOG_LEVEL = 'silent'
    const base = await served(buildHonoDemo().fetch)
    expect((await fetch(`${base}/admin/panel`)).headers.get('www-authenticate')).toBe('Basic realm="demo"')
    const created = await fetch(`${base}/users`, { method: 'POST', body: '{"name":"Grace"}', headers: { 'content-type': 'application/json' } })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toMatch(/^\/users\/\d+$/)
  })
})
