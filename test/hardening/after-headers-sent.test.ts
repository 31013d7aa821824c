// Faults after the response started (the route wrote to reply.raw, a stream broke, the reply was
// hijacked, reply.problem after the answer went out): no second write, no crash, one log line.
import { connect } from 'node:net'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { NotFound } from '../../src/index.js'
import { buildApp, type CapturedLogs } from './helpers.js'

let app: FastifyInstance
let logs: CapturedLogs
let port = 0

beforeAll(async () => {
  ;({ app, logs } = await buildApp({}, { genReqId: (request) => String(request.headers['x-test-id'] ?? 'none') }))
  app.get('/raw-then-throw', async (_request, reply) => {
    reply.raw.writeHead(200, { 'content-type': 'text/plain' })
    reply.raw.write('partial-')
    throw new Error('after the head')
  })
  app.get('/raw-then-throw-sync', (_request, reply) => {
    reply.raw.writeHead(200, { 'content-type': 'text/plain' })
    reply.raw.write('partial-')
    throw new Error('after the head, sync')
  })
  app.get('/hijack-then-throw', (_request, reply) => {
    reply.hijack()
    reply.raw.writeHead(200, { 'content-type': 'text/plain', 'content-length': '8' })
    reply.raw.end('hijacked')
    throw new Error('after hijack, sync')
  })
  app.get('/hijack-then-reject', async (_request, reply) => {
    reply.hijack()
    reply.raw.writeHead(200, { 'content-type': 'text/plain', 'content-length': '8' })
    reply.raw.end('hijacked')
    throw new Error('after hijack, async')
  })
  app.get('/problem-after-send', async (_request, reply) => {
    await reply.send({ ok: true })
    return reply.problem(new NotFound())
  })
  app.get('/problem-on-hijacked', async (_request, reply) => {
    reply.hijack()
    reply.problem(new NotFound())
    reply.raw.writeHead(200, { 'content-type': 'text/plain', 'content-length': '8' })
    reply.raw.end('hijacked')
  })
  app.get('/ok', async () => 'ok')
  await app.listen({ host: '127.0.0.1', port: 0 })
  port = (app.server.address() as { port: number }).port
})

afterAll(async () => {
  await app.close()
})

/** Everything the server sent on one connection, until it closed it (or it ended). */
function exchange(path: string, testId: string, to = port): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(to, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Test-Id: ${testId}\r\nConnection: close\r\n\r\n`)
    })
    let data = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (data += chunk))
    socket.on('close', () => resolve(data))
    socket.on('error', reject)
  })
}

/** The lines logged for one request, once the server has finished with it. */
async function linesOf(testId: string): Promise<Record<string, any>[]> {
  // The log stream is written synchronously; one turn lets a pending write land.
  await new Promise((resolve) => setImmediate(resolve))
  return logs.lines.filter((line) => line.reqId === testId)
}

describe('the route wrote the head itself, then threw', () => {
  it.each([
    ['async', '/raw-then-throw'],
    ['sync', '/raw-then-throw-sync'],
  ])('%s: the connection is cut; no second head, no problem body; one log line', async (style, path) => {
    const raw = await exchange(path, `raw-${style}`)
    // What was written before the throw may or may not have left the socket buffer (sync: not yet).
    expect(raw === '' || /^HTTP\/1\.1 200 [^]*partial-/.test(raw)).toBe(true)
    // Cut, not ended: a chunked body that ended cleanly would pass a truncated answer off as whole.
    expect(raw.endsWith('0\r\n\r\n')).toBe(false)
    expect((raw.match(/HTTP\/1\.1 /g) ?? []).length).toBeLessThanOrEqual(1)
    expect(raw).not.toContain('problem')
    const lines = await linesOf(`raw-${style}`)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ status: 500, responseStarted: true })
  })
})

describe('a stream that breaks after its head went out', () => {
  it('Fastify cuts the connection and logs it once; no problem is written over it', async () => {
    // Fastify logs stream errors with its request logging, so this app has it on.
    const streaming = await buildApp({}, { logController: undefined, genReqId: () => 'stream' })
    streaming.app.get('/broken-stream', async (_request, reply) => {
      let chunks = 0
      const stream = new Readable({
        read() {
          if (chunks++ < 2) this.push('chunk-')
          else this.destroy(new Error('the source broke'))
        },
      })
      return reply.type('text/plain').send(stream)
    })
    await streaming.app.listen({ host: '127.0.0.1', port: 0 })
    try {
      const raw = await exchange('/broken-stream', 'stream', (streaming.app.server.address() as { port: number }).port)
      expect(raw.match(/HTTP\/1\.1 /g)).toHaveLength(1)
      expect(raw).not.toContain('problem')
      await new Promise((resolve) => setImmediate(resolve))
      const warnings = streaming.logs.lines.filter((line) => line.level >= 40)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]!.msg).toMatch(/the source broke|headers already sent/)
    } finally {
      await streaming.app.close()
    }
  })
})

describe('a hijacked reply', () => {
  it('sync throw after hijack: our handler stays out (the route owns the socket); one log line', async () => {
    const raw = await exchange('/hijack-then-throw', 'hijack-sync')
    expect(raw.endsWith('hijacked')).toBe(true)
    expect(raw.match(/HTTP\/1\.1 /g)).toHaveLength(1)
    expect(await linesOf('hijack-sync')).toHaveLength(1)
  })

  it('async throw after hijack: one log line, the route answer intact', async () => {
    const raw = await exchange('/hijack-then-reject', 'hijack-async')
    expect(raw.endsWith('hijacked')).toBe(true)
    expect(raw.match(/HTTP\/1\.1 /g)).toHaveLength(1)
    expect(await linesOf('hijack-async')).toHaveLength(1)
  })

  it('reply.problem on a hijacked reply writes nothing and leaves the socket to the route', async () => {
    const raw = await exchange('/problem-on-hijacked', 'problem-hijacked')
    expect(raw).toMatch(/^HTTP\/1\.1 200 /)
    expect(raw.endsWith('hijacked')).toBe(true)
    const lines = await linesOf('problem-hijacked')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ status: 404, responseStarted: true })
  })
})

describe('reply.problem after the answer went out', () => {
  it('writes nothing more, logs once', async () => {
    const raw = await exchange('/problem-after-send', 'after-send')
    expect(raw.match(/HTTP\/1\.1 /g)).toHaveLength(1)
    expect(raw).toMatch(/^HTTP\/1\.1 200 /)
    expect(raw).toContain('{"ok":true}')
    const lines = await linesOf('after-send')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ status: 404, responseStarted: true })
  })
})

describe('afterwards', () => {
  it('the server is still serving', async () => {
    const raw = await exchange('/ok', 'ok')
    expect(raw).toMatch(/^HTTP\/1\.1 200 /)
  })
})
