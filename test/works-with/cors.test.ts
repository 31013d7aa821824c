/**
 * Beside the real CORS plugins, over real sockets: a path whose only route is an OPTIONS route
 * (the CORS catch-all, a preflight route) is unknown (404), preflights still get the CORS answer,
 * and a path with real routes still gets the 405 with its `Allow`.
 */
import type { AddressInfo } from 'node:net'
import fastifyCors from '@fastify/cors'
import cors from 'cors'
import express from 'express'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import problems from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'
import { closeAll, listen, portOf } from '../express/helpers.js'

const ORIGIN = 'https://app.example.com'

async function fastifyBase(): Promise<{ app: FastifyInstance; base: string }> {
  const app = Fastify()
  await app.register(fastifyCors, { origin: ORIGIN })
  await app.register(problems)
  app.get('/items/:id', async () => ({ ok: true }))
  app.options('/preflight-only', async (_request, reply) => reply.code(204).send())
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
}

async function expressBase(): Promise<string> {
  const app = express()
  const { notFound, errorHandler } = expressProblems()
  // The cors README's "enable pre-flight across the board".
  app.options('/{*splat}', cors({ origin: ORIGIN }))
  app.use(cors({ origin: ORIGIN }))
  app.get('/items/:id', (_request, response) => {
    response.json({ ok: true })
  })
  app.options('/preflight-only', (_request, response) => {
    response.status(204).end()
  })
  app.use(notFound)
  app.use(errorHandler)
  return `http://127.0.0.1:${portOf(await listen(app))}`
}

let fastify: FastifyInstance
const bases: Record<string, string> = {}

beforeAll(async () => {
  const started = await fastifyBase()
  fastify = started.app
  bases.fastify = started.base
  bases.express = await expressBase()
})
afterAll(async () => {
  await fastify.close()
  await closeAll()
})

describe.each(['fastify', 'express'])('%s beside its CORS plugin', (adapter) => {
  it.each([
    ['GET', '/nowhere'],
    ['DELETE', '/nowhere/deeper'],
    ['GET', '/preflight-only'],
  ])('%s %s (only OPTIONS routes) → 404', async (method, path) => {
    const response = await fetch(`${bases[adapter]}${path}`, { method, headers: { origin: ORIGIN } })
    expect(response.status).toBe(404)
    expect(response.headers.get('allow')).toBeNull()
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' })
  })

  it('a path with real routes still answers 405 with Allow naming them', async () => {
    const response = await fetch(`${bases[adapter]}/items/1`, { method: 'DELETE', headers: { origin: ORIGIN } })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(await response.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' })
  })

  it.each(['/items/1', '/nowhere'])('a preflight for %s still gets the CORS answer', async (path) => {
    const response = await fetch(`${bases[adapter]}${path}`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'PUT' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(response.headers.get('access-control-allow-methods')).toContain('GET')
  })

  it('a simple cross-origin request still gets CORS headers on the 404', async () => {
    const response = await fetch(`${bases[adapter]}/nowhere`, { headers: { origin: ORIGIN } })
    expect(response.status).toBe(404)
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN)
  })
})
