/**
 * Every answer is a problem, even before routing: what Fastify refuses before any route runs
 * (`frameworkErrors`) and what Node's HTTP parser refuses (`clientErrorHandler`, the server's
 * `clientError` event), over real sockets, in both adapters, the same request answered alike.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { Duplex } from 'node:stream'
import express from 'express'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import problems, { clientErrorHandler, frameworkErrors } from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'
import { closeAll, listen, memoryLogger, portOf, type LogLine } from '../express/helpers.js'

const HEADER = 'x-request-id'

let fastify: FastifyInstance
let fastifyLogs: LogLine[]
let expressServer: Server
let expressLogs: LogLine[]
const ports: Record<string, number> = {}

beforeAll(async () => {
  const fastifyMemory = memoryLogger()
  fastifyLogs = fastifyMemory.logs
  const options = { loggerInstance: fastifyMemory.logger, maxParamLength: 20, frameworkErrors, clientErrorHandler }
  fastify = Fastify(options) as unknown as FastifyInstance
  await fastify.register(problems, { correlationIdHeader: HEADER })
  fastify.get('/items/:id', async () => ({ ok: true }))
  await fastify.listen({ port: 0, host: '127.0.0.1' })
  ports.fastify = (fastify.server.address() as AddressInfo).port

  const expressMemory = memoryLogger()
  expressLogs = expressMemory.logs
  const app = express()
  const { notFound, errorHandler, clientErrorHandler: onClientError } = expressProblems({
    correlationIdHeader: HEADER,
    logger: expressMemory.logger,
  })
  app.get('/items/:id', (_request, response) => {
    response.json({ ok: true })
  })
  app.use(notFound)
  app.use(errorHandler)
  expressServer = await listen(app)
  expressServer.on('clientError', onClientError)
  ports.express = portOf(expressServer)
}, 30_000)

afterAll(async () => {
  await fastify.close()
  await closeAll()
})

/** Sends `bytes` as they are and reads until the server closes the connection (bounded). */
async function rawExchange(port: number, bytes: string): Promise<{ head: string[]; body: string; closed: boolean }> {
  const socket = net.connect(port, '127.0.0.1')
  await once(socket, 'connect')
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.write(bytes)
  const closed = await Promise.race([
    once(socket, 'close').then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
  ])
  socket.destroy()
  const text = Buffer.concat(chunks).toString('latin1')
  const end = text.indexOf('\r\n\r\n')
  return { head: text.slice(0, end).split('\r\n'), body: text.slice(end + 4), closed }
}

function headerOf(head: string[], name: string): string | undefined {
  const line = head.find((entry) => entry.toLowerCase().startsWith(`${name}:`))
  return line?.slice(name.length + 1).trim()
}

describe.each(['fastify', 'express'])('%s: bad URLs', (adapter) => {
  it.each(['/items/%E0%A4%A', '/nope%ZZ', '/items/%ZZ?token=secret'])('GET %s → a 400 problem with a correlation id', async (path) => {
    const response = await fetch(`http://127.0.0.1:${ports[adapter]}${path}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const id = response.headers.get(HEADER)
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const body = (await response.json()) as { detail: string }
    expect(body).toMatchObject({ status: 400, title: 'Bad Request', code: 'BAD_URL', correlationId: id })
    expect(body.detail).not.toContain('%')
    expect(JSON.stringify(body)).not.toContain('secret')
  })

  it('keeps a valid incoming correlation id', async () => {
    const response = await fetch(`http://127.0.0.1:${ports[adapter]}/nope%ZZ`, { headers: { [HEADER]: 'given-1' } })
    expect(response.headers.get(HEADER)).toBe('given-1')
    expect(((await response.json()) as { correlationId: string }).correlationId).toBe('given-1')
  })
})

describe('both adapters answer a bad URL alike', () => {
  it.each(['/items/%E0%A4%A', '/nope%ZZ'])('%s', async (path) => {
    const init = { headers: { [HEADER]: 'same-id' } }
    const [fromFastify, fromExpress] = await Promise.all([
      fetch(`http://127.0.0.1:${ports.fastify}${path}`, init),
      fetch(`http://127.0.0.1:${ports.express}${path}`, init),
    ])
    expect(fromExpress.status).toBe(fromFastify.status)
    expect(await fromExpress.text()).toBe(await fromFastify.text())
  })
})

describe('fastify: other framework errors', () => {
  it('a parameter over maxParamLength → 414 problem', async () => {
    const response = await fetch(`http://127.0.0.1:${ports.fastify}/items/${'x'.repeat(40)}`)
    expect(response.status).toBe(414)
    expect(await response.json()).toMatchObject({ status: 414, code: 'PARAM_TOO_LONG' })
  })

  it('a failing async constraint → 500 problem, its message kept out of the answer', async () => {
    // An async strategy (its deriveConstraint takes a callback), failing as a database call might.
    const constraints = {
      tenant: {
        name: 'tenant',
        storage: () => {
          const handlers = new Map<string, unknown>()
          return { get: (value: string) => handlers.get(value) ?? null, set: (value: string, store: unknown) => handlers.set(value, store) }
        },
        deriveConstraint: (_request: unknown, _context: unknown, done: (error: Error | null, value?: string) => void) => {
          done(new Error('tenant database down'))
        },
        validate: () => undefined,
        mustMatchWhenDerived: true,
      },
    } as unknown as FastifyServerOptions['constraints']
    const app = Fastify({ frameworkErrors, constraints })
    await app.register(problems)
    app.get('/', { constraints: { tenant: 'a' } }, async () => 'ok')
    const response = await app.inject('/')
    expect(response.statusCode).toBe(500)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.json()).toMatchObject({ status: 500, correlationId: response.headers['x-correlation-id'] })
    expect(response.body).not.toContain('tenant database down')
    await app.close()
  })

  it('without the plugin registered, answers with the default options', async () => {
    const app = Fastify({ frameworkErrors })
    app.get('/items/:id', async () => 'ok')
    const response = await app.inject('/items/%ZZ')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ code: 'BAD_URL' })
    expect(response.headers['x-correlation-id']).toBe(response.json().correlationId)
    await app.close()
  })
})

describe.each(['fastify', 'express'])('%s: requests Node\'s parser refuses', (adapter) => {
  const NOT_VALID_HTTP = 'The request is not valid HTTP.'
  it.each([
    ['a malformed request line', 'HELLO THERE\r\n\r\n', 400, NOT_VALID_HTTP],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: a\r\nNo colon here\r\n\r\n', 400, NOT_VALID_HTTP],
    [
      'a header block over maxHeaderSize',
      `GET / HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'The request header fields are larger than the server accepts.',
    ],
  ])('%s → a raw problem, then the connection closes', async (_name, bytes, status, detail) => {
    const { head, body, closed } = await rawExchange(ports[adapter]!, bytes)
    expect(head[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
    expect(headerOf(head, 'content-type')).toMatch(/^application\/problem\+json/)
    expect(headerOf(head, 'connection')).toBe('close')
    expect(Number(headerOf(head, 'content-length'))).toBe(Buffer.byteLength(body))
    const document = JSON.parse(body)
    expect(document).toMatchObject({ status, detail })
    expect(document).not.toHaveProperty('instance')
    expect(document.correlationId).toBe(headerOf(head, HEADER))
    expect(closed).toBe(true)
    const logs = adapter === 'fastify' ? fastifyLogs : expressLogs
    // The client's fault, logged at the client-error level (`info` by default), with the detail it was sent.
    const line = logs.find((entry) => entry.correlationId === document.correlationId)
    expect(line).toMatchObject({ level: 30, status, detail })
  })
})

describe.each(['fastify', 'express'])('%s: a request not received in time', (adapter) => {
  // Node checks its timeouts every connectionsCheckingInterval (30 s by default): short ones here.
  const http = { connectionsCheckingInterval: 50, headersTimeout: 200, requestTimeout: 200 }

  async function timingOutServer(): Promise<{ port: number; logs: LogLine[]; close: () => Promise<void> }> {
    const memory = memoryLogger()
    if (adapter === 'fastify') {
      const app = Fastify({ loggerInstance: memory.logger, clientErrorHandler, http, requestTimeout: http.requestTimeout })
      await app.register(problems, { correlationIdHeader: HEADER })
      await app.listen({ port: 0, host: '127.0.0.1' })
      return { port: (app.server.address() as AddressInfo).port, logs: memory.logs, close: () => app.close() }
    }
    const { clientErrorHandler: onClientError } = expressProblems({ correlationIdHeader: HEADER, logger: memory.logger })
    const server = createServer(http, express())
    server.on('clientError', onClientError)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const close = () => new Promise<void>((resolve) => server.close(() => resolve()))
    return { port: (server.address() as AddressInfo).port, logs: memory.logs, close }
  }

  it('a header block left unfinished → a raw 408 problem, then the connection closes', async () => {
    const server = await timingOutServer()
    try {
      const { head, body, closed } = await rawExchange(server.port, 'GET / HTTP/1.1\r\nHost: a\r\n')
      expect(head[0]).toMatch(/^HTTP\/1\.1 408 /)
      expect(headerOf(head, 'connection')).toBe('close')
      const document = JSON.parse(body)
      expect(document).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' })
      expect(document.correlationId).toBe(headerOf(head, HEADER))
      expect(closed).toBe(true)
      expect(server.logs.find((line) => line.correlationId === document.correlationId)).toMatchObject({ level: 30, status: 408 })
    } finally {
      await server.close()
    }
  })
})

describe('express: clientErrorHandler without a logger', () => {
  it('answers, and warns of nothing: no logger is not a faulty logger', async () => {
    const { clientErrorHandler: onClientError } = expressProblems()
    const server = createServer(express())
    server.on('clientError', onClientError)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const warnings: Error[] = []
    const onWarning = (warning: Error) => warnings.push(warning)
    process.on('warning', onWarning)
    try {
      const { head } = await rawExchange((server.address() as AddressInfo).port, 'HELLO THERE\r\n\r\n')
      expect(head[0]).toMatch(/^HTTP\/1\.1 400 /)
      // Process warnings are emitted on the next tick: give one the time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(warnings.filter((warning) => warning.message.startsWith('http-problems'))).toEqual([])
    } finally {
      process.off('warning', onWarning)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

describe('the raw answer never writes where it cannot', () => {
  function fakeSocket(state: { destroyed?: boolean; writable?: boolean; httpMessage?: object }) {
    const written: string[] = []
    let destroyed = state.destroyed ?? false
    const socket = new Duplex({ read() {}, write(chunk, _encoding, callback) { written.push(String(chunk)); callback() } })
    Object.defineProperty(socket, 'destroyed', { get: () => destroyed })
    Object.defineProperty(socket, 'writable', { get: () => !destroyed && (state.writable ?? true) })
    if (state.httpMessage !== undefined) Object.assign(socket, { _httpMessage: state.httpMessage })
    socket.destroy = () => {
      destroyed = true
      return socket
    }
    return { socket, written, isDestroyed: () => destroyed }
  }
  const parseError = Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' })

  it.each([
    ['a reset connection', Object.assign(new Error('reset'), { code: 'ECONNRESET' }), {}],
    ['an unwritable socket', parseError, { writable: false }],
    ['a socket still carrying a response', parseError, { httpMessage: {} }],
  ])('%s: nothing written, the socket destroyed', (_name, error, state) => {
    const { socket, written, isDestroyed } = fakeSocket(state)
    clientErrorHandler.call(fastify, error, socket as never)
    expect(written).toEqual([])
    expect(isDestroyed()).toBe(true)
  })

  it('a socket that throws on write is still destroyed, and nothing escapes', () => {
    const { socket, isDestroyed } = fakeSocket({})
    socket.write = () => {
      throw new Error('EPIPE')
    }
    expect(() => clientErrorHandler.call(undefined, parseError, socket as never)).not.toThrow()
    expect(isDestroyed()).toBe(true)
  })
})
