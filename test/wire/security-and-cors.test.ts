/**
 * Security headers (helmet) and CORS headers set before the error stay on the problem, in both
 * adapters, with the real plugin and middleware over real sockets; CORS's `Vary: Origin` is merged.
 */
import fastifyCors from '@fastify/cors'
import fastifyHelmet from '@fastify/helmet'
import cors from 'cors'
import helmet from 'helmet'
import { afterEach, describe, expect, it } from 'vitest'
import { NotFound } from '../../src/index.js'
import { closeServers, expressServer, fastifyServer, problemOf } from './helpers.js'

afterEach(closeServers)

const missing = () => {
  throw new NotFound()
}
const CORS_OPTIONS = { origin: true, exposedHeaders: ['x-correlation-id'] }

describe('security headers stay', () => {
  it.each([
    [
      '@fastify/helmet',
      () =>
        fastifyServer(async (app) => {
          await app.register(fastifyHelmet)
          app.get('/missing', missing)
        }),
    ],
    [
      'helmet',
      () =>
        expressServer((app) => {
          app.use(helmet())
          app.get('/missing', missing)
        }),
    ],
  ])('%s', async (_name, serve) => {
    const { headers } = await problemOf(await fetch(`${await serve()}/missing`), 404)
    expect(headers['content-security-policy']).toContain("default-src 'self'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['strict-transport-security']).toMatch(/^max-age=/)
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(headers['cache-control']).toBe('no-store')
  })
})

describe('CORS headers stay and Vary: Origin is merged with Accept', () => {
  it.each([
    [
      '@fastify/cors',
      () =>
        fastifyServer(async (app) => {
          await app.register(fastifyCors, CORS_OPTIONS)
          app.get('/missing', missing)
        }),
    ],
    [
      'cors',
      () =>
        expressServer((app) => {
          app.use(cors(CORS_OPTIONS))
          app.get('/missing', missing)
        }),
    ],
  ])('%s', async (_name, serve) => {
    const response = await fetch(`${await serve()}/missing`, { headers: { origin: 'https://app.example' } })
    const { headers } = await problemOf(response, 404)
    expect(headers['access-control-allow-origin']).toBe('https://app.example')
    expect(headers['access-control-expose-headers']).toBe('x-correlation-id')
    expect(headers.vary).toBe('Origin, Accept')
  })
})
