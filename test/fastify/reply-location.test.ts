/**
 * The Location of `reply.created` and `reply.accepted`: a value that cannot be sent is dropped
 * with one warning that says so; `reply.accepted()` without a status monitor has no Location and
 * warns about nothing.
 */
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp, type LogLine } from './helpers.js'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

async function appWithLogs(): Promise<{ app: FastifyInstance; logs: LogLine[] }> {
  const built = await buildApp()
  apps.push(built.app)
  return built
}

const DROPPED = { level: 40, droppedHeaders: ['location'], msg: 'http-problems: Location dropped, the value cannot be sent as a header' }

describe('Location of the reply helpers', () => {
  it.each([
    ['reply.created', 201],
    ['reply.accepted', 202],
  ] as const)('%s drops a Location with a line break and warns once, saying why', async (helper, status) => {
    const { app, logs } = await appWithLogs()
    app.post('/x', async (_request, reply) =>
      helper === 'reply.created' ? reply.created('/x\r\nSet-Cookie: a=b') : reply.accepted('/x\r\nSet-Cookie: a=b'),
    )
    const response = await app.inject({ method: 'POST', url: '/x' })
    expect(response.statusCode).toBe(status)
    expect(response.headers).not.toHaveProperty('location')
    expect(logs.filter((line) => line.level >= 40)).toEqual([expect.objectContaining(DROPPED)])
  })

  it('reply.accepted() without a status monitor: no Location, no warning', async () => {
    const { app, logs } = await appWithLogs()
    app.post('/fire', async (_request, reply) => reply.accepted(undefined, { state: 'queued' }))
    app.post('/bare', async (_request, reply) => reply.accepted())
    for (const url of ['/fire', '/bare']) {
      const response = await app.inject({ method: 'POST', url })
      expect(response.statusCode).toBe(202)
      expect(response.headers).not.toHaveProperty('location')
    }
    expect(logs.filter((line) => line.level >= 40)).toEqual([])
  })
})
