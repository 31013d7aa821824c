/**
 * The automatic 405's `Allow` with Fastify's route constraints: a route constrained by `version`
 * (Accept-Version) or `host` counts for a request that satisfies its constraints, and only then,
 * as Fastify's router would route it. Also without a Host header (HTTP/1.0 allows that), over a
 * real socket since `inject()` always sends one.
 */
import { once } from 'node:events'
import net from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import httpProblems from '../../src/index.js'

let app: FastifyInstance

beforeAll(async () => {
  app = Fastify()
  await app.register(httpProblems)
  app.post('/items', async () => 'created')
  app.get('/items', { constraints: { version: '1.0.0' } }, async () => 'v1')
  app.put('/items', { constraints: { host: 'api.example.com' } }, async () => 'host')
  app.patch('/items', { constraints: { host: 'api.example.com', version: '2.0.0' } }, async () => 'both')
  await app.listen({ port: 0, host: '127.0.0.1' })
})

afterAll(() => app.close())

async function allowFor(headers: Record<string, string>): Promise<string | undefined> {
  const response = await app.inject({ method: 'DELETE', url: '/items', headers })
  expect(response.statusCode).toBe(405)
  expect(JSON.parse(response.body)).toMatchObject({ status: 405 })
  return response.headers.allow as string | undefined
}

describe('Allow of the automatic 405 with constrained routes', () => {
  it('counts only unconstrained routes for a request that meets no constraint', async () => {
    expect(await allowFor({ host: 'other.example.com' })).toBe('POST')
  })

  it('counts a version-constrained route when Accept-Version satisfies it', async () => {
    expect(await allowFor({ host: 'other.example.com', 'accept-version': '1.x' })).toBe('GET, HEAD, POST')
  })

  it('counts a host-constrained route when the Host is its host', async () => {
    expect(await allowFor({ host: 'api.example.com' })).toBe('POST, PUT')
  })

  it('counts a route with both constraints only when both are met, with the routes each one allows', async () => {
    expect(await allowFor({ host: 'api.example.com', 'accept-version': '2.0.0' })).toBe('PATCH, POST, PUT')
    expect(await allowFor({ host: 'api.example.com', 'accept-version': '1.0.0' })).toBe('GET, HEAD, POST, PUT')
  })
})

/** The `Allow` of a DELETE sent as HTTP/1.0 with `headerLines` and no Host; the server closes after it. */
async function allowWithoutHost(headerLines: string[]): Promise<string | undefined> {
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('the app listens on a TCP port')
  const socket = net.connect(address.port, '127.0.0.1')
  await once(socket, 'connect')
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.end(['DELETE /items HTTP/1.0', ...headerLines, '', ''].join('\r\n'))
  await once(socket, 'close')
  const text = Buffer.concat(chunks).toString('latin1')
  const head = text.slice(0, text.indexOf('\r\n\r\n')).split('\r\n')
  expect(head[0]).toMatch(/^HTTP\/1\.[01] 405 /)
  expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 405 })
  return head.find((line) => line.toLowerCase().startsWith('allow:'))?.slice('allow:'.length).trim()
}

describe('Allow of the automatic 405 for a request without a Host header', () => {
  it('counts the unconstrained routes', async () => {
    expect(await allowWithoutHost([])).toBe('POST')
  })

  it('counts a version-constrained route when Accept-Version satisfies it, and no host-constrained one', async () => {
    expect(await allowWithoutHost(['Accept-Version: 1.x'])).toBe('GET, HEAD, POST')
    expect(await allowWithoutHost(['Accept-Version: 2.0.0'])).toBe('POST')
  })
})
