// "No work on the success path": with the plugin registered, no request lifecycle hook is added,
// so an answered request runs exactly the code it runs without the plugin.
import Fastify from 'fastify'
import { describe, expect, it, vi } from 'vitest'
import problems from '../../src/index.js'

const REQUEST_HOOKS = [
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
  'onError',
  'onTimeout',
  'onRequestAbort',
]

describe('success path', () => {
  it.each([{}, { openapi: true }, { notFound: false }])('adds no request hook (options %j)', async (options) => {
    const app = Fastify()
    const addHook = vi.spyOn(app, 'addHook')
    await app.register(problems, options)
    app.get('/ok', async () => ({ ok: true }))
    await app.ready()
    const requestHooks = addHook.mock.calls.map(([name]) => name).filter((name) => REQUEST_HOOKS.includes(name))
    expect(requestHooks).toEqual([])
    const response = await app.inject('/ok')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true })
    expect(response.headers['x-correlation-id']).toBeUndefined()
    await app.close()
  })
})
