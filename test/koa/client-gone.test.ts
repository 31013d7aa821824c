/**
 * Koa, a client that leaves before the answer: the problem is logged as 499 Client Closed Request
 * and nothing is set on the context, so middleware further up (compression, an access log) has no
 * answer to work on for a connection nobody reads.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import Koa from 'koa'
import { describe, expect, it } from 'vitest'
import { networkRules } from '../../src/mapping/index.js'
import { problems } from '../../src/koa/index.js'
import { memoryLogger, problemLogs } from '../express/helpers.js'
import { listening } from '../fetch/helpers.js'

/** What the outermost middleware saw on the context once the inner ones were done. */
interface Seen {
  body: unknown
  contentType: unknown
}

async function serveLeaving(): Promise<{ server: Server; seen: Seen[]; emitted: unknown[]; logs: ReturnType<typeof memoryLogger>['logs'] }> {
  const { logger, logs } = memoryLogger()
  const seen: Seen[] = []
  const emitted: unknown[] = []
  const app = new Koa()
  app.on('error', (error: unknown) => emitted.push(error))
  app.use(async (ctx, next) => {
    await next()
    seen.push({ body: ctx.body, contentType: ctx.response.headers['content-type'] })
  })
  app.use(problems({ map: networkRules, logger }))
  app.use(async (ctx) => {
    // The route's own call is aborted when its client goes, as with `fetch(url, { signal })`.
    if (!ctx.res.destroyed) await once(ctx.res, 'close')
    throw new DOMException('This operation was aborted', 'AbortError')
  })
  const server = await listening(createServer(app.callback()).listen(0, '127.0.0.1'))
  return { server, seen, emitted, logs }
}

describe('Koa: the client leaves before the answer', () => {
  it('logs 499 Client Closed Request once, emits no Koa error, and sets no problem on the context', async () => {
    const { server, seen, emitted, logs } = await serveLeaving()
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1')
    await once(socket, 'connect')
    const received: Buffer[] = []
    socket.on('data', (chunk: Buffer) => received.push(chunk))
    socket.write('GET /report HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    await new Promise((resolve) => setTimeout(resolve, 100))
    socket.destroy()
    for (let tries = 0; tries < 100 && seen.length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20))

    const line = problemLogs(logs).at(-1)!
    expect(line).toMatchObject({ status: 499, code: 'CLIENT_CLOSED_REQUEST', msg: '499 Client Closed Request (the client closed the connection; nothing was written)' })
    expect(problemLogs(logs)).toHaveLength(1)
    expect(emitted).toEqual([])
    expect(seen).toEqual([{ body: undefined, contentType: undefined }])
    expect(received).toEqual([])
  })
})
