/**
 * The plugin binds `correlationId` by wrapping Fastify's `childLoggerFactory`. An app's own factory
 * keeps working on either side of it: set before the plugin, it is wrapped and sees the id among
 * its bindings; set after, it wraps the plugin's, which never writes into the bindings it is given.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import problems from '../../src/index.js'

type Line = Record<string, unknown>

function capturingApp(lines: Line[], raw: string[] = []): FastifyInstance {
  const stream = {
    write: (line: string) => {
      raw.push(line)
      lines.push(JSON.parse(line) as Line)
    },
  }
  // Typed as Fastify's base logger: the app's type then matches the FastifyInstance the factories receive.
  return Fastify({ loggerInstance: pino({ level: 'info' }, stream) as FastifyBaseLogger })
}

describe("an app's own childLoggerFactory beside the plugin", () => {
  it('set before the plugin: it is given the correlation id beside reqId, and the bindings it adds stay on every line', async () => {
    const lines: Line[] = []
    const app = capturingApp(lines)
    const seen: Record<string, unknown>[] = []
    app.setChildLoggerFactory(function tenantChild(logger, bindings, options) {
      seen.push({ ...bindings })
      return logger.child({ ...bindings, tenant: 'acme' }, options)
    })
    await app.register(problems)
    app.get('/ok', async () => ({ ok: true }))
    const response = await app.inject({ url: '/ok', headers: { 'x-correlation-id': 'corr-1' } })
    expect(response.statusCode).toBe(200)
    expect(seen).toEqual([{ reqId: 'req-1', correlationId: 'corr-1' }])
    const requestLines = lines.filter((line) => line.reqId === 'req-1')
    expect(requestLines.map((line) => line.msg)).toEqual(['incoming request', 'request completed'])
    for (const line of requestLines) expect(line).toMatchObject({ correlationId: 'corr-1', tenant: 'acme' })
    await app.close()
  })

  it('set after the plugin, handing it frozen bindings: they are copied, not written into, and every line has the id', async () => {
    const lines: Line[] = []
    const raw: string[] = []
    const app = capturingApp(lines, raw)
    await app.register(problems)
    const inner = app.childLoggerFactory
    const handed: Record<string, unknown>[] = []
    app.setChildLoggerFactory(function frozenBindings(this: FastifyInstance, logger, bindings, options, rawRequest) {
      const frozen = Object.freeze({ ...bindings, region: 'eu' })
      handed.push(frozen)
      return inner.call(this, logger, frozen, options, rawRequest)
    })
    app.get('/crash', async () => {
      throw new Error('database down')
    })
    const response = await app.inject({ url: '/crash', headers: { 'x-correlation-id': 'corr-2' } })
    expect(response.statusCode).toBe(500)
    expect(response.json()).toMatchObject({ correlationId: 'corr-2' })
    expect(handed).toEqual([{ reqId: 'req-1', region: 'eu' }])
    const requestLines = lines.filter((line) => line.reqId === 'req-1')
    expect(requestLines.map((line) => line.msg)).toEqual(['incoming request', '500 Internal Server Error', 'request completed'])
    for (const line of requestLines) expect(line).toMatchObject({ correlationId: 'corr-2', region: 'eu' })
    // Bound once: the problem line does not repeat the id (a JSON line with a duplicate key).
    expect(raw.filter((line) => line.includes('"reqId":"req-1"')).map((line) => line.split('"correlationId"').length - 1)).toEqual([1, 1, 1])
    await app.close()
  })
})
