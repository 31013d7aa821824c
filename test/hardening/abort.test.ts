// Client aborts mid-request: while sending the body, while the route is still working (which
// then throws, or answers with reply.problem). No unhandled rejection, no crash, no connection or
// request left behind, and the server keeps serving.
import { connect, type Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { NotFound } from '../../src/index.js'
import { buildApp } from './helpers.js'

let app: FastifyInstance
let port = 0
const inFlight = new Set<string>()
const processFaults: unknown[] = []
const onProcessFault = (reason: unknown): void => void processFaults.push(reason)

/** A promise the test resolves by hand: the route waits on it, so the client can leave first. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}
let entered = deferred()
let proceed = deferred()

beforeAll(async () => {
  process.on('unhandledRejection', onProcessFault)
  process.on('uncaughtException', onProcessFault)
  ;({ app } = await buildApp())
  app.addHook('onRequest', async (request) => void inFlight.add(request.id))
  app.addHook('onResponse', async (request) => void inFlight.delete(request.id))
  app.addHook('onRequestAbort', async (request) => void inFlight.delete(request.id))
  app.post('/upload', async () => ({ received: true }))
  app.get('/slow-throw', async () => {
    entered.resolve()
    await proceed.promise
    throw new Error('too late')
  })
  app.get('/slow-reject-non-error', async () => {
    entered.resolve()
    await proceed.promise
    return Promise.reject('too late, and not an Error')
  })
  app.get('/slow-problem', async (_request, reply) => {
    entered.resolve()
    await proceed.promise
    return reply.problem(new NotFound())
  })
  app.get('/ok', async () => 'ok')
  await app.listen({ host: '127.0.0.1', port: 0 })
  port = (app.server.address() as { port: number }).port
})

afterEach(() => {
  entered = deferred()
  proceed = deferred()
})

afterAll(async () => {
  await app.close()
  process.off('unhandledRejection', onProcessFault)
  process.off('uncaughtException', onProcessFault)
})

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
  })
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve()
    else socket.once('close', () => resolve())
  })
}

/** Waits (by turns of the event loop, without a clock) until the server has let go of everything. */
async function settled(): Promise<void> {
  for (let turn = 0; turn < 400; turn++) {
    const connections = await new Promise<number>((resolve, reject) =>
      app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    )
    if (connections === 0 && inFlight.size === 0) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const connections = await new Promise<number>((resolve) => app.server.getConnections((_e, count) => resolve(count)))
  throw new Error(`still open: ${inFlight.size} request(s), ${connections} connection(s)`)
}

/** A plain request on a connection of its own (fetch would keep one open and count as a leak). */
async function expectStillServing(): Promise<void> {
  const socket = await open()
  let data = ''
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => (data += chunk))
  socket.write('GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
  await closed(socket)
  expect(data).toMatch(/^HTTP\/1\.1 200 [^]*\r\n\r\nok$/)
}

describe('a client that leaves', () => {
  it('in the middle of the body', async () => {
    const socket = await open()
    socket.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"partial":')
    await new Promise((resolve) => setImmediate(resolve))
    socket.destroy()
    await closed(socket)
    await settled()
    expect(processFaults).toEqual([])
    await expectStillServing()
  })

  it.each(['/slow-throw', '/slow-reject-non-error', '/slow-problem'])(
    'before %s answers: the late problem goes nowhere, quietly',
    async (path) => {
      const socket = await open()
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`)
      await entered.promise
      socket.destroy()
      await closed(socket)
      proceed.resolve()
      await settled()
      expect(processFaults).toEqual([])
      await expectStillServing()
    },
  )

  it('a hundred times in a row, leaving nothing behind', async () => {
    for (let round = 0; round < 100; round++) {
      entered = deferred()
      proceed = deferred()
      const socket = await open()
      socket.write('GET /slow-throw HTTP/1.1\r\nHost: x\r\n\r\n')
      await entered.promise
      socket.destroy()
      await closed(socket)
      proceed.resolve()
    }
    await settled()
    expect(inFlight.size).toBe(0)
    expect(processFaults).toEqual([])
    await expectStillServing()
  })
})
