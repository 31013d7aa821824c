/**
 * Both adapters over raw sockets and global fetch, where only the wire tells: a body the client
 * can decode, and a connection closed when the client asked for it.
 */
import { connect } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { NotFound, UpgradeRequired } from '../../src/index.js'
import { closeServers, expressServer, fastifyServer } from './helpers.js'

afterEach(closeServers)

/** A route under each adapter: `prepare` sets reply headers the way the framework does, then `thrown` is thrown. */
const ADAPTERS = [
  {
    name: 'Fastify',
    serve: (path: string, headers: Record<string, string>, thrown: () => unknown) =>
      fastifyServer((app) => {
        app.get(path, async (_request, reply) => {
          reply.headers(headers)
          throw thrown()
        })
      }),
  },
  {
    name: 'Express',
    serve: (path: string, headers: Record<string, string>, thrown: () => unknown) =>
      expressServer((app) => {
        app.get(path, (_request, response) => {
          for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
          throw thrown()
        })
      }),
  },
]

/**
 * Sends `request` on a fresh socket and reads until the server closes it or `waitMs` passes.
 * `closed` says which happened; the socket is destroyed either way.
 */
async function rawExchange(base: string, request: string, waitMs = 500): Promise<{ text: string; closed: boolean }> {
  const { port } = new URL(base)
  const socket = connect(Number(port), '127.0.0.1')
  let text = ''
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => {
    text += chunk
  })
  const ended = new Promise<boolean>((resolve) => socket.once('end', () => resolve(true)))
  socket.write(request)
  const closed = await Promise.race([ended, sleep(waitMs, false)])
  socket.destroy()
  return { text, closed }
}

describe.each(ADAPTERS)('$name', ({ serve }) => {
  it('a route that set Content-Encoding: gzip and threw gives a body global fetch can read', async () => {
    const headers = { 'content-encoding': 'gzip', 'content-disposition': 'attachment; filename="r.csv"', etag: '"v7"' }
    const base = await serve('/report.csv', headers, () => new NotFound({ detail: 'No report' }))
    const response = await fetch(`${base}/report.csv`)
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ status: 404, detail: 'No report' })
    for (const name of Object.keys(headers)) expect(response.headers.has(name)).toBe(false)
  })

  it('426 to a client that sent Connection: close says Upgrade, close and closes the socket', async () => {
    const base = await serve('/upgrade', {}, () => new UpgradeRequired({ upgrade: 'h2c' }))
    const closing = await rawExchange(base, 'GET /upgrade HTTP/1.1\r\nHost: a.example\r\nConnection: close\r\n\r\n')
    expect(closing.text).toMatch(/^HTTP\/1\.1 426 /)
    expect(closing.text).toMatch(/\r\nconnection: Upgrade, close\r\n/i)
    expect(closing.text).toMatch(/\r\nupgrade: h2c\r\n/i)
    expect(closing.closed).toBe(true)
  })

  it('426 to a client that keeps the connection alive leaves it open (the check above can fail)', async () => {
    const base = await serve('/upgrade', {}, () => new UpgradeRequired({ upgrade: 'h2c' }))
    const open = await rawExchange(base, 'GET /upgrade HTTP/1.1\r\nHost: a.example\r\n\r\n', 300)
    expect(open.text).toMatch(/\r\nconnection: Upgrade\r\n/i)
    expect(open.closed).toBe(false)
  })

  it('HEAD carries the Content-Length of the GET body', async () => {
    const base = await serve('/gone', {}, () => new NotFound({ detail: 'Gone for good' }))
    const get = await fetch(`${base}/gone`)
    const body = await get.text()
    const head = await rawExchange(base, 'HEAD /gone HTTP/1.1\r\nHost: a.example\r\nConnection: close\r\n\r\n')
    expect(head.text).toMatch(/^HTTP\/1\.1 404 /)
    expect(head.text).toContain(`\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`)
    expect(head.text.endsWith('\r\n\r\n')).toBe(true) // and no body
  })
})
