/**
 * The `cacheControl` option in both adapters, over real sockets: what replaces the route's
 * `Cache-Control` and `Expires`, and when they are left alone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { NotFound } from '../../src/index.js'
import type { SharedProblemsOptions } from '../../src/settings.js'
import { closeServers, expressServer, fastifyServer, problemOf } from './helpers.js'

afterEach(closeServers)

/** What a route sets for the success it means to send: a day in every cache. */
const SUCCESS_CACHING = { 'cache-control': 'public, max-age=86400', expires: 'Thu, 01 Jan 2099 00:00:00 GMT' }

const ADAPTERS = [
  {
    name: 'Fastify',
    serve: (options: SharedProblemsOptions, thrown: () => unknown) =>
      fastifyServer(
        (app) => {
          app.get('/page', async (_request, reply) => {
            reply.headers(SUCCESS_CACHING)
            throw thrown()
          })
        },
        options,
      ),
  },
  {
    name: 'Express',
    serve: (options: SharedProblemsOptions, thrown: () => unknown) =>
      expressServer((app) => {
        app.get('/page', (_request, response) => {
          for (const [name, value] of Object.entries(SUCCESS_CACHING)) response.setHeader(name, value)
          throw thrown()
        })
      }, options),
  },
]

describe.each(ADAPTERS)('$name', ({ serve }) => {
  it("default: no-store replaces the route's Cache-Control, and its Expires goes", async () => {
    const response = await fetch(`${await serve({}, () => new NotFound())}/page`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.has('expires')).toBe(false)
    expect(response.headers.get('vary')).toBe('Accept')
  })

  it('a cacheControl string is sent as is', async () => {
    const response = await fetch(`${await serve({ cacheControl: 'private, max-age=5' }, () => new NotFound())}/page`)
    expect(response.headers.get('cache-control')).toBe('private, max-age=5')
    expect(response.headers.has('expires')).toBe(false)
  })

  it("cacheControl: false leaves the route's Cache-Control and Expires alone", async () => {
    const response = await fetch(`${await serve({ cacheControl: false }, () => new NotFound())}/page`)
    expect(response.headers.get('cache-control')).toBe(SUCCESS_CACHING['cache-control'])
    expect(response.headers.get('expires')).toBe(SUCCESS_CACHING.expires)
  })

  it("a problem's own Cache-Control wins (a 404 a CDN may keep for 60 s)", async () => {
    const thrown = () => new NotFound({ headers: { 'cache-control': 'public, max-age=60' } })
    const response = await fetch(`${await serve({ cacheControl: false }, thrown)}/page`)
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    expect(response.headers.has('expires')).toBe(false)
  })
})

describe('Fastify: a route that left a Cache-Control or Expires Node would refuse', () => {
  // Fastify keeps reply headers unchecked until it writes them (Express, Koa and fetch's Headers
  // refuse such a value when it is set), so only the problem's answer can meet one.
  const serve = (options: SharedProblemsOptions) =>
    fastifyServer((app) => {
      app.get('/page', async (_request, reply) => {
        reply.header('cache-control', 'public\r\nX-Evil: 1')
        reply.header('expires', 'never\n')
        throw new NotFound()
      })
    }, options)

  it.each<[string, SharedProblemsOptions, string | null]>([
    ['by default', {}, 'no-store'],
    ['with cacheControl: false', { cacheControl: false }, null],
  ])('%s still answers the problem, without them', async (_name, options, cacheControl) => {
    const response = await fetch(`${await serve(options)}/page`)
    const { headers } = await problemOf(response, 404)
    expect(headers['cache-control'] ?? null).toBe(cacheControl)
    expect(headers).not.toHaveProperty('expires')
    expect(headers).not.toHaveProperty('x-evil')
  })
})
