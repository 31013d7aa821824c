/**
 * The microservices example end to end: a client, the gateway and the users service, each on its
 * own loopback socket. One correlation id must name the request everywhere: in the client's answer
 * (header and body), in the gateway's log and in the users service's log.
 */
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildGateway } from '../../examples/microservices/gateway.js'
import { CORRUPT_USER_ID, buildUsers } from '../../examples/microservices/users.js'
import { expectProblem } from '../../src/testing/index.js'

type LogLine = Record<string, unknown>

/** A Fastify logger option that keeps every line (pino writes synchronously to it). */
function capture(lines: LogLine[]) {
  return { level: 'info', stream: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } }
}

/** The one problem log line a service wrote for `status`. */
function problemLine(lines: LogLine[], status: number): LogLine {
  const found = lines.filter((line) => line.status === status && typeof line.correlationId === 'string')
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('gateway → users over real sockets', () => {
  const gatewayLog: LogLine[] = []
  const usersLog: LogLine[] = []
  let users: FastifyInstance
  let gateway: FastifyInstance
  let gatewayUrl: string

  beforeAll(async () => {
    users = await buildUsers({ logger: capture(usersLog) })
    const usersUrl = await users.listen({ host: '127.0.0.1', port: 0 })
    gateway = await buildGateway({ usersUrl, logger: capture(gatewayLog) })
    gatewayUrl = await gateway.listen({ host: '127.0.0.1', port: 0 })
  })

  afterAll(async () => {
    await gateway.close()
    await users.close()
  })

  beforeEach(() => {
    gatewayLog.length = 0
    usersLog.length = 0
  })

  it('answers a known user, and both services log the request under the client id', async () => {
    const response = await request(gatewayUrl).get('/api/users/1').set('x-correlation-id', 'e2e-ok-1')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ id: '1', name: 'Ada Lovelace' })
    expect(gatewayLog.some((line) => line.reqId === 'e2e-ok-1')).toBe(true)
    expect(usersLog.some((line) => line.reqId === 'e2e-ok-1')).toBe(true)
  })

  it('passes a users 404 on as a 404, with the same correlation id everywhere', async () => {
    const response = await request(gatewayUrl).get('/api/users/42').set('x-correlation-id', 'e2e-404-1')
    const body = expectProblem(response, { status: 404, code: 'USER_NOT_FOUND', correlationId: 'e2e-404-1' })
    expect(body.detail).toBe('There is no user 42.')
    expect(body.instance).toBe('/api/users/42')
    expect(problemLine(gatewayLog, 404).correlationId).toBe('e2e-404-1')
    expect(problemLine(usersLog, 404).correlationId).toBe('e2e-404-1')
  })

  it('turns a users crash into a 502 that names users and hides its internals', async () => {
    const response = await request(gatewayUrl).get(`/api/users/${CORRUPT_USER_ID}`).set('x-correlation-id', 'e2e-502-1')
    const body = expectProblem(response, { status: 502, code: 'BAD_GATEWAY', correlationId: 'e2e-502-1' })
    expect(body).toMatchObject({ upstreamService: 'users', upstreamStatus: 500, upstreamCorrelationId: 'e2e-502-1' })
    expect(response.text).not.toMatch(/checksum|postgres|10\.1\.2\.3/)
    expect(problemLine(gatewayLog, 502).correlationId).toBe('e2e-502-1')
    const usersLine = problemLine(usersLog, 500)
    expect(usersLine.correlationId).toBe('e2e-502-1')
    // The internal detail is where operators look for it: the users service's log line.
    expect(JSON.stringify(usersLine)).toContain('page checksum mismatch')
  })

  it('makes one id for a client that sent none, and uses it in every service', async () => {
    const response = await request(gatewayUrl).get('/api/users/43')
    const id = response.headers['x-correlation-id'] as string
    const body = expectProblem(response, { status: 404 })
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.correlationId).toBe(id)
    expect(problemLine(gatewayLog, 404).correlationId).toBe(id)
    expect(problemLine(usersLog, 404).correlationId).toBe(id)
  })

  it('replaces an unsafe client id before forwarding it', async () => {
    const response = await request(gatewayUrl).get('/api/users/44').set('x-correlation-id', 'a b <script>')
    const body = expectProblem(response, { status: 404 })
    expect(body.correlationId).not.toContain('script')
    expect(problemLine(usersLog, 404).correlationId).toBe(body.correlationId)
  })

  it('continues a trace: the traceparent trace id is the id everywhere', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
    const response = await request(gatewayUrl).get('/api/users/45').set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
    expectProblem(response, { status: 404, correlationId: traceId })
    expect(problemLine(usersLog, 404).correlationId).toBe(traceId)
  })
})

describe('gateway with users down or silent', () => {
  const gatewayLog: LogLine[] = []

  it('answers 502 when users refuses connections', async () => {
    const closed = createServer()
    closed.listen(0, '127.0.0.1')
    await once(closed, 'listening')
    const usersUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
    closed.close()
    await once(closed, 'close')

    const gateway = await buildGateway({ usersUrl, logger: capture(gatewayLog) })
    try {
      const response = await request(await gateway.listen({ host: '127.0.0.1', port: 0 })).get('/api/users/1').set('x-correlation-id', 'e2e-down-1')
      const body = expectProblem(response, { status: 502, correlationId: 'e2e-down-1' })
      expect(body).toMatchObject({ upstreamService: 'users' })
      expect(body).not.toHaveProperty('upstreamStatus')
      expect(problemLine(gatewayLog, 502).correlationId).toBe('e2e-down-1')
    } finally {
      await gateway.close()
    }
  })

  it('answers 504 when users accepts the call and never answers', async () => {
    const silent = createServer(() => undefined)
    silent.listen(0, '127.0.0.1')
    await once(silent, 'listening')
    const gateway = await buildGateway({
      usersUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      timeoutMs: 50,
      logger: false,
    })
    try {
      const response = await request(await gateway.listen({ host: '127.0.0.1', port: 0 })).get('/api/users/1')
      expectProblem(response, { status: 504, code: 'GATEWAY_TIMEOUT' })
    } finally {
      await gateway.close()
      silent.closeAllConnections()
      silent.close()
      await once(silent, 'close')
    }
  })

  it('answers 504 when users sends its headers, then stalls the body past the timeout', async () => {
    const stalling = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '64' })
      response.write('{"id":"1","na') // then nothing: the rest of the 64 bytes never comes
    })
    stalling.listen(0, '127.0.0.1')
    await once(stalling, 'listening')
    const gateway = await buildGateway({
      usersUrl: `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`,
      timeoutMs: 100,
      logger: capture(gatewayLog),
    })
    try {
      const response = await request(await gateway.listen({ host: '127.0.0.1', port: 0 }))
        .get('/api/users/1')
        .set('x-correlation-id', 'e2e-stall-1')
      const body = expectProblem(response, { status: 504, code: 'GATEWAY_TIMEOUT', correlationId: 'e2e-stall-1' })
      expect(body).toMatchObject({ upstreamService: 'users' })
      expect(problemLine(gatewayLog, 504).correlationId).toBe('e2e-stall-1')
    } finally {
      await gateway.close()
      stalling.closeAllConnections()
      stalling.close()
      await once(stalling, 'close')
    }
  })
})
