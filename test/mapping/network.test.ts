// The network rules against real sockets on 127.0.0.1, with Node's global fetch (undici): a port
// nothing listens on, a server that never answers, a server that resets the connection, and a
// client that leaves while the route's own call is still waiting.
import { once } from 'node:events'
import { createServer, connect, type Server, type Socket } from 'node:net'
import express from 'express'
import request from 'supertest'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_ERROR_DETAIL } from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'
import { networkRules } from '../../src/mapping/index.js'
import { buildApp, problemLogs, type LogLine } from '../fastify/helpers.js'
import { memoryLogger } from '../express/helpers.js'

const servers: Server[] = []
const sockets = new Set<Socket>()

/** A TCP server on 127.0.0.1 that hands each connection to `onConnection`. */
async function tcpServer(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    onConnection(socket)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  servers.push(server)
  return (server.address() as { port: number }).port
}

/** A port nothing listens on: opened, then closed again. */
async function refusedPort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

let silentPort = 0
let resettingPort = 0
let closedPort = 0
let app: FastifyInstance
let logs: LogLine[]
let appPort = 0
/** Whether the route's problem was written (`end` on the raw response) after a client left. */
const ended = new Map<string, boolean>()

beforeAll(async () => {
  silentPort = await tcpServer(() => undefined) // accepts, reads, never answers
  resettingPort = await tcpServer((socket) => socket.resetAndDestroy()) // TCP RST at once
  closedPort = await refusedPort()
  ;({ app, logs } = await buildApp({ map: networkRules }))
  app.get('/refused', async () => fetch(`http://127.0.0.1:${closedPort}/`))
  app.get('/silent', async () => fetch(`http://127.0.0.1:${silentPort}/`, { signal: AbortSignal.timeout(150) }))
  app.get('/reset', async () => fetch(`http://127.0.0.1:${resettingPort}/`))
  app.get('/dns', async () => {
    // A name that cannot resolve, without asking any DNS server: `.invalid` is reserved (RFC 2606)
    // and the lookup is answered by a stub that fails exactly as getaddrinfo does.
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND users.invalid'), { code: 'ENOTFOUND', syscall: 'getaddrinfo' })
    throw new TypeError('fetch failed', { cause: error })
  })
  app.get('/own-abort', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    return fetch(`http://127.0.0.1:${silentPort}/`, { signal: controller.signal })
  })
  app.get('/client-leaves', async (req, reply) => {
    // The route's own call follows the client: when the client leaves, the call is aborted.
    const controller = new AbortController()
    reply.raw.on('close', () => controller.abort())
    const end = reply.raw.end.bind(reply.raw)
    ended.set(req.id, false)
    reply.raw.end = ((...args: Parameters<typeof end>) => {
      ended.set(req.id, true)
      return end(...args)
    }) as typeof reply.raw.end
    return fetch(`http://127.0.0.1:${silentPort}/`, { signal: controller.signal })
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  appPort = (app.server.address() as { port: number }).port
})

afterEach(() => {
  for (const socket of sockets) socket.destroy()
})

afterAll(async () => {
  await app.close()
  for (const socket of sockets) socket.destroy()
  await Promise.all(servers.map(async (server) => new Promise((resolve) => server.close(resolve))))
})

function lineFor(correlationId: string): LogLine {
  return problemLogs(logs).find((line) => line.correlationId === correlationId)!
}

describe('network rules, real sockets, global fetch', () => {
  it.each([
    ['/refused', 502, 'BAD_GATEWAY', 'ECONNREFUSED'],
    ['/silent', 504, 'GATEWAY_TIMEOUT', undefined],
    ['/reset', 502, 'BAD_GATEWAY', undefined],
    ['/dns', 502, 'BAD_GATEWAY', undefined],
  ])('GET %s → %d %s', async (path, status, code, causeCode) => {
    const response = await fetch(`http://127.0.0.1:${appPort}${path}`)
    expect(response.status).toBe(status)
    const body = (await response.json()) as { correlationId: string }
    expect(body).toMatchObject({ status, code, detail: SERVER_ERROR_DETAIL })
    // Neither the port, the host nor the driver's words reach the client.
    const text = JSON.stringify(body)
    for (const leak of ['127.0.0.1', 'fetch failed', 'ECONN', 'ENOTFOUND', 'invalid', 'aborted', 'timeout']) expect(text).not.toContain(leak)
    const line = lineFor(body.correlationId)
    expect(line.cause.type).toMatch(/TypeError|DOMException/)
    if (causeCode !== undefined) expect(line.cause.message).toBe('fetch failed')
  })

  it('an AbortError of the route’s own controller, the client still connected, is not the client-closed rule’s: 500', async () => {
    const response = await fetch(`http://127.0.0.1:${appPort}/own-abort`)
    expect(response.status).toBe(500)
  })

  it('the client leaves, the route’s call is aborted: logged as 499 Client Closed Request, nothing written', async () => {
    const before = problemLogs(logs).length
    const socket = connect(appPort, '127.0.0.1')
    await once(socket, 'connect')
    socket.write('GET /client-leaves HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    const received: Buffer[] = []
    socket.on('data', (chunk: Buffer) => received.push(chunk))
    await new Promise((resolve) => setTimeout(resolve, 100)) // the route is waiting on its fetch
    socket.destroy()
    for (let tries = 0; tries < 100 && problemLogs(logs).length === before; tries++) await new Promise((resolve) => setTimeout(resolve, 20))
    const line = problemLogs(logs).at(-1)!
    expect(line).toMatchObject({ status: 499, code: 'CLIENT_CLOSED_REQUEST', msg: '499 Client Closed Request (the client closed the connection; nothing was written)' })
    expect(line.level).toBe(30) // info: the client's choice, not our failure
    expect(line.cause.type).toBe('DOMException')
    expect([...ended.values()].at(-1)).toBe(false)
    expect(received).toEqual([])
  })
})

/** Sends `GET path` on a raw socket, waits `ms`, then closes it without reading an answer. */
async function leaveAfter(port: number, path: string, ms: number): Promise<Buffer[]> {
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  const received: Buffer[] = []
  socket.on('data', (chunk: Buffer) => received.push(chunk))
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
  await new Promise((resolve) => setTimeout(resolve, ms))
  socket.destroy()
  return received
}

describe('network rules in Express', () => {
  it('the client leaves, the route’s call is aborted: logged as 499, nothing written', async () => {
    const { logger, logs: expressLogs } = memoryLogger()
    const expressApp = express()
    let endCalls = 0
    expressApp.get('/client-leaves', async (_req, res) => {
      const controller = new AbortController()
      res.on('close', () => controller.abort())
      const end = res.end.bind(res)
      res.end = ((...args: Parameters<typeof end>) => {
        endCalls += 1
        return end(...args)
      }) as typeof res.end
      return fetch(`http://127.0.0.1:${silentPort}/`, { signal: controller.signal })
    })
    expressApp.use(expressProblems({ map: networkRules, logger }).errorHandler)
    const server = expressApp.listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const received = await leaveAfter((server.address() as { port: number }).port, '/client-leaves', 100)
      for (let tries = 0; tries < 100 && expressLogs.length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(expressLogs[0]).toMatchObject({ status: 499, code: 'CLIENT_CLOSED_REQUEST', level: 30 })
      expect(endCalls).toBe(0)
      expect(received).toEqual([])
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })


  it('a refused port → 502, the cause in the log', async () => {
    const { logger, logs: expressLogs } = memoryLogger()
    const expressApp = express()
    expressApp.get('/refused', async () => fetch(`http://127.0.0.1:${closedPort}/`))
    expressApp.use(expressProblems({ map: networkRules, logger }).errorHandler)
    const response = await request(expressApp).get('/refused')
    expect(response.status).toBe(502)
    expect(response.body.code).toBe('BAD_GATEWAY')
    expect(expressLogs.find((line) => line.status === 502)!.cause).toMatchObject({ type: 'TypeError', message: 'fetch failed' })
  })
})
