/**
 * One correlation id, configured once: the header is named only in the plugin's (or
 * `problems()`'s) options; `request.correlationId` / `req.correlationId`, every log line of the
 * request (a child logger binding beside Fastify's `reqId`), the problem answer and the client
 * helpers all agree, without being told the header again.
 */
import express from 'express'
import Fastify from 'fastify'
import { pinoHttp } from 'pino-http'
import request from 'supertest'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { correlationHeaders, parseProblem, upstreamProblem } from '../../src/client/index.js'
import { NotFound } from '../../src/index.js'
import { problems } from '../../src/express/index.js'
import { closeAll, memoryLogger } from '../express/helpers.js'
import { buildApp } from '../fastify/helpers.js'

const HEADER = 'x-request-id'
const CONFIGURED = Symbol.for('http-problems.correlationIdHeader')
const globals = globalThis as unknown as Record<symbol, unknown>

beforeEach(() => {
  globals[CONFIGURED] = undefined
})
afterEach(closeAll)

describe('Fastify: the header named once, in the plugin options', () => {
  async function app() {
    const built = await buildApp({ correlationIdHeader: HEADER })
    built.app.get('/orders/:id', async (req) => {
      req.log.info('loading the order')
      return { correlationId: req.correlationId, outgoing: correlationHeaders(req) }
    })
    built.app.get('/fails', async (req) => {
      req.log.info('about to fail')
      throw new NotFound()
    })
    return built
  }

  it('request.correlationId, the outgoing headers and the route\'s own log line carry the incoming id', async () => {
    const { app: fastify, logs } = await app()
    const response = await fastify.inject({ url: '/orders/1', headers: { [HEADER]: 'abc-123' } })
    expect(response.json()).toEqual({ correlationId: 'abc-123', outgoing: { [HEADER]: 'abc-123' } })
    const line = logs.find((entry) => entry.msg === 'loading the order')
    expect(line).toMatchObject({ correlationId: 'abc-123', reqId: expect.stringMatching(/^req-/) })
    await fastify.close()
  })

  it('a request without an id gets one, the same in its log lines and its problem answer', async () => {
    const { app: fastify, logs } = await app()
    const response = await fastify.inject({ url: '/fails', headers: { 'x-correlation-id': 'not-our-header' } })
    const id = response.headers[HEADER]
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.json().correlationId).toBe(id)
    expect(logs.find((entry) => entry.msg === 'about to fail')?.correlationId).toBe(id)
    expect(logs.every((entry) => entry.reqId === undefined || entry.correlationId === id)).toBe(true)
    await fastify.close()
  })

  it('keeps Fastify\'s own request id (genReqId) beside it', async () => {
    const { app: fastify, logs } = await buildApp({ correlationIdHeader: HEADER }, { genReqId: () => 'own-id' })
    fastify.get('/', async (req) => {
      req.log.info('hello')
      return req.id
    })
    const response = await fastify.inject({ url: '/', headers: { [HEADER]: 'corr-9' } })
    expect(response.body).toBe('own-id')
    expect(logs.find((entry) => entry.msg === 'hello')).toMatchObject({ reqId: 'own-id', correlationId: 'corr-9' })
    await fastify.close()
  })

  it('works without a logger too', async () => {
    const fastify = Fastify()
    const { default: plugin } = await import('../../src/index.js')
    await fastify.register(plugin, { correlationIdHeader: HEADER })
    fastify.get('/', async (req) => {
      const first = req.correlationId
      return { first, again: req.correlationId, outgoing: correlationHeaders(req)[HEADER] }
    })
    const minted = (await fastify.inject('/')).json()
    expect(minted.first).toMatch(/^[0-9a-f-]{36}$/)
    expect(minted).toEqual({ first: minted.first, again: minted.first, outgoing: minted.first })
    expect((await fastify.inject({ url: '/', headers: { [HEADER]: 'given' } })).json().first).toBe('given')
    await fastify.close()
  })

  it('the client helpers read the configured header from upstream answers', async () => {
    await buildApp({ correlationIdHeader: HEADER })
    const answer = () =>
      new Response('{"status":503,"title":"Service Unavailable"}', {
        status: 503,
        headers: { 'content-type': 'application/problem+json', [HEADER]: 'upstream-7' },
      })
    expect((await parseProblem(answer())).correlationId).toBe('upstream-7')
    const problem = await upstreamProblem(answer(), { service: 'users' })
    expect(problem.extensions).toMatchObject({ upstreamCorrelationId: 'upstream-7' })
  })
})

describe('Express: the header named once, in problems()', () => {
  function app(logs: ReturnType<typeof memoryLogger>) {
    const server = express()
    const { correlation, notFound, errorHandler } = problems({ correlationIdHeader: HEADER })
    server.use(pinoHttp({ logger: logs.logger }))
    server.use(correlation)
    server.get('/orders/:id', (req, res) => {
      req.log.info('loading the order')
      res.json({ correlationId: req.correlationId, outgoing: correlationHeaders(req) })
    })
    server.get('/fails', (req) => {
      req.log.info('about to fail')
      throw new NotFound()
    })
    server.use(notFound)
    server.use(errorHandler)
    return server
  }

  it('req.correlationId, the outgoing headers and the route\'s own log line carry the incoming id', async () => {
    const memory = memoryLogger()
    const response = await request(app(memory)).get('/orders/1').set(HEADER, 'abc-123')
    expect(response.body).toEqual({ correlationId: 'abc-123', outgoing: { [HEADER]: 'abc-123' } })
    expect(memory.logs.find((entry) => entry.msg === 'loading the order')?.correlationId).toBe('abc-123')
  })

  it('a request without an id gets one, the same in its log line and its problem answer', async () => {
    const memory = memoryLogger()
    const response = await request(app(memory)).get('/fails')
    const id = response.headers[HEADER]
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.body.correlationId).toBe(id)
    expect(memory.logs.find((entry) => entry.msg === 'about to fail')?.correlationId).toBe(id)
  })

  it('without pino-http: req.correlationId is the id the problem answers with', async () => {
    const server = express()
    const { correlation, notFound, errorHandler } = problems({ correlationIdHeader: HEADER })
    server.use(correlation)
    server.get('/fails', (req, res, next) => {
      res.setHeader('x-seen', req.correlationId ?? 'none')
      next(new NotFound())
    })
    server.use(notFound)
    server.use(errorHandler)
    const response = await request(server).get('/fails').set(HEADER, 'bad id with spaces')
    const id = response.headers[HEADER]
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers['x-seen']).toBe(id)
    expect(response.body.correlationId).toBe(id)
  })
})

describe('the problem line under a logger that binds the id', () => {
  it('writes correlationId once (no duplicate JSON key), in Fastify and Express', async () => {
    const raw: string[] = []
    const { Writable } = await import('node:stream')
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        raw.push(String(chunk))
        callback()
      },
    })
    const fastify = Fastify({ logger: { level: 'info', stream } })
    const { default: plugin } = await import('../../src/index.js')
    await fastify.register(plugin)
    fastify.get('/fails', async () => {
      throw new Error('boom')
    })
    await fastify.inject({ url: '/fails', headers: { 'x-correlation-id': 'once-1' } })
    await fastify.close()

    const pino = (await import('pino')).default
    const server = express()
    const { correlation, notFound, errorHandler } = problems()
    server.use(pinoHttp({ logger: pino({ level: 'info' }, stream), autoLogging: false }))
    server.use(correlation)
    server.use(notFound)
    server.use(errorHandler)
    await request(server).get('/nowhere').set('x-correlation-id', 'once-2')

    const problemLines = raw.join('').split('\n').filter((line) => /"status":(500|404)/.test(line))
    expect(problemLines).toHaveLength(2)
    for (const line of problemLines) expect(line.match(/"correlationId"/g)).toHaveLength(1)
    expect(problemLines[0]).toContain('"correlationId":"once-1"')
    expect(problemLines[1]).toContain('"correlationId":"once-2"')
  })
})
