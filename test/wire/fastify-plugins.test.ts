/**
 * The Fastify plugin beside the plugins services run with it, the real ones, over real sockets:
 * what they set on the reply before the error stays when it is valid, and the problem is still a
 * correct problem (Vary: Accept, Cache-Control, a readable body).
 */
import basicAuth from '@fastify/basic-auth'
import compress from '@fastify/compress'
import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import request from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { NotFound } from '../../src/index.js'
import { expectProblem } from '../../src/testing/index.js'
import { closeServers, fastifyServer, problemOf } from './helpers.js'

afterEach(closeServers)


describe('@fastify/rate-limit', () => {
  it.each([
    ['x-ratelimit-* headers', {}, 'x-ratelimit'],
    ['enableDraftSpec', { enableDraftSpec: true }, 'ratelimit'],
  ])('with %s: its Retry-After stays and agrees with the body', async (_name, extra, prefix) => {
    const base = await fastifyServer(async (app) => {
      await app.register(rateLimit, { max: 1, timeWindow: 45_000, ...extra })
      app.get('/limited', async () => 'ok')
    })
    expect((await fetch(`${base}/limited`)).status).toBe(200)
    const { headers, body } = await problemOf(await fetch(`${base}/limited`), 429)
    expect(headers['retry-after']).toBe('45')
    expect(body.detail).toBe('Rate limit exceeded, retry in 45 seconds')
    expect(headers[`${prefix}-limit`]).toBe('1')
    expect(headers[`${prefix}-remaining`]).toBe('0')
    expect(headers[`${prefix}-reset`]).toBe('45')
    expect(headers.vary).toBe('Accept')
    expect(headers['cache-control']).toBe('no-store')
  })
})

describe('@fastify/basic-auth', () => {
  const validate = async (_user: string, password: string) => {
    if (password !== 'open sesame') throw new Error('Wrong password')
  }

  it('keeps its WWW-Authenticate Basic challenge with the realm', async () => {
    const base = await fastifyServer(async (app) => {
      await app.register(basicAuth, { validate, authenticate: { realm: 'admin' } })
      app.addHook('onRequest', app.basicAuth)
      app.get('/admin', async () => 'ok')
    })
    const { headers } = await problemOf(await fetch(`${base}/admin`), 401)
    expect(headers['www-authenticate']).toBe('Basic realm="admin", charset="UTF-8"')
    const wrong = await fetch(`${base}/admin`, { headers: { authorization: `Basic ${btoa('a:b')}` } })
    expect((await problemOf(wrong, 401)).headers['www-authenticate']).toBe('Basic realm="admin", charset="UTF-8"')
  })

  it('in proxy mode keeps its Proxy-Authenticate on the 407', async () => {
    const base = await fastifyServer(async (app) => {
      await app.register(basicAuth, { validate, authenticate: { realm: 'proxy' }, proxyMode: true })
      app.addHook('onRequest', app.basicAuth)
      app.get('/through', async () => 'ok')
    })
    // fetch (undici) refuses a 407 that no proxy sent; supertest reads it as any answer.
    const response = await request(base).get('/through')
    expectProblem(response, { status: 407 })
    expect(response.headers['proxy-authenticate']).toBe('Basic realm="proxy", charset="UTF-8"')
    expect(response.headers).not.toHaveProperty('www-authenticate')
  })
})

describe('@fastify/under-pressure', () => {
  it('answers its 503 as a problem with its own Retry-After', async () => {
    const base = await fastifyServer(async (app) => {
      await app.register(underPressure, { healthCheck: async () => false, healthCheckInterval: 60_000, retryAfter: 30 })
      app.get('/work', async () => 'ok')
    })
    const { headers } = await problemOf(await fetch(`${base}/work`), 503)
    expect(headers['retry-after']).toBe('30')
  })
})

describe('@fastify/compress', () => {
  const big = 'x'.repeat(4096)

  it('a route that set Content-Encoding: gzip and threw still gives a body fetch can read', async () => {
    const base = await fastifyServer(async (app) => {
      await app.register(compress, { global: true })
      app.get('/report', async (_request, reply) => {
        reply.header('content-encoding', 'gzip')
        throw new NotFound({ detail: 'No report today' })
      })
    })
    const response = await fetch(`${base}/report`, { headers: { 'accept-encoding': 'gzip' } })
    const { body, headers } = await problemOf(response, 404)
    expect(body.detail).toBe('No report today')
    expect(headers).not.toHaveProperty('content-encoding') // a small body is not compressed
  })

  it('compresses a large problem coherently: Content-Encoding says what the body is', async () => {
    const base = await fastifyServer(async (app) => {
      await app.register(compress, { global: true, threshold: 1024 })
      app.get('/big', async (_request, reply) => {
        reply.header('content-encoding', 'br')
        throw new NotFound({ detail: 'Big', extensions: { big } })
      })
    })
    const response = await fetch(`${base}/big`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('vary')).toMatch(/^Accept, accept-encoding$/i)
    const { body } = await problemOf(response, 404)
    expect(body.big).toBe(big)
  })
})
