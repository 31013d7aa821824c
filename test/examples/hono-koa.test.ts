// The Hono and Koa demos must keep working: each route answers with the problem its comment promises.
import { once } from 'node:events'
import { createServer } from 'node:http'
import request from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { buildHonoDemo } from '../../examples/hono.js'
import { buildKoaDemo } from '../../examples/koa.js'
import { served } from '../fetch/helpers.js'

const silent = () => {
  process.env.LOG_LEVEL = 'silent'
}

describe('Hono demo', () => {
  it.each([
    ['GET', '/users/1', 200, undefined],
    ['GET', '/users/42', 404, 'USER_NOT_FOUND'],
    ['DELETE', '/users/1', 405, 'METHOD_NOT_ALLOWED'],
    ['POST', '/users', 422, 'VALIDATION_FAILED'],
    ['GET', '/admin/panel', 401, 'UNAUTHORIZED'],
    ['GET', '/rate-limited', 429, 'TOO_MANY_REQUESTS'],
    ['GET', '/maintenance', 503, 'SERVICE_UNAVAILABLE'],
    ['GET', '/crash', 500, 'INTERNAL_SERVER_ERROR'],
    ['GET', '/nowhere', 404, 'NOT_FOUND'],
  ])('%s %s → %i', async (method, path, status, code) => {
    silent()
    const base = await served(buildHonoDemo().fetch)
    const init: RequestInit = method === 'POST' ? { method, body: '{}', headers: { 'content-type': 'application/json' } } : { method }
    const response = await fetch(`${base}${path}`, init)
    expect(response.status).toBe(status)
    const body = (await response.json()) as { code?: string }
    if (code !== undefined) expect(body.code).toBe(code)
  })

  it('keeps the challenge of basicAuth and creates users with 201 + Location', async () => {
    silent()
    const base = await served(buildHonoDemo().fetch)
    expect((await fetch(`${base}/admin/panel`)).headers.get('www-authenticate')).toBe('Basic realm="demo"')
    const created = await fetch(`${base}/users`, { method: 'POST', body: '{"name":"Grace"}', headers: { 'content-type': 'application/json' } })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toMatch(/^\/users\/\d+$/)
  })
})

const koaServers: ReturnType<typeof createServer>[] = []
afterEach(async () => {
  await Promise.all(koaServers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

describe('Koa demo', () => {
  it.each([
    ['GET', '/users/1', 200, undefined],
    ['GET', '/users/42', 404, 'NOT_FOUND'],
    ['DELETE', '/users/1', 405, 'METHOD_NOT_ALLOWED'],
    ['PUT', '/users/1', 428, 'PRECONDITION_REQUIRED'],
    ['GET', '/rate-limited', 429, 'TOO_MANY_REQUESTS'],
    ['GET', '/maintenance', 503, 'SERVICE_UNAVAILABLE'],
    ['GET', '/crash', 500, 'INTERNAL_SERVER_ERROR'],
    ['GET', '/nowhere', 404, 'NOT_FOUND'],
  ])('%s %s → %i', async (method, path, status, code) => {
    silent()
    const server = createServer(buildKoaDemo().callback()).listen(0, '127.0.0.1')
    koaServers.push(server)
    await once(server, 'listening')
    const response = await request(server)[method.toLowerCase() as 'get'](path)
    expect(response.status).toBe(status)
    if (code !== undefined) expect(response.body.code).toBe(code)
  })
})
