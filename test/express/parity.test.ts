/**
 * One table of cases through EVERY adapter (Fastify, Express, Hono through @hono/node-server, Koa
 * with @koa/router), over real sockets: the status, the headers that matter and the body bytes
 * must be identical. The correlation id is fixed by the request's `x-correlation-id`, so every
 * byte of the answer is determined by the case. An adapter's documented difference (README,
 * "Differences between adapters") is skipped by the case's name, never silently.
 */
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import Router from '@koa/router'
import { Hono } from 'hono'
import Koa from 'koa'
import express from 'express'
import Fastify, { type FastifyInstance } from 'fastify'
import createError from 'http-errors'
import Boom from '@hapi/boom'
import fastifyError from '@fastify/error'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fastifyProblems, {
  Conflict,
  PROBLEM_CLASSES,
  STATUSES,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UpgradeRequired,
  BadRequest,
  NotFound,
} from '../../src/index.js'
import { problems } from '../../src/express/index.js'
import { LOCALIZATION } from '../i18n/fixtures.js'
import { startPlainAdapters, type PlainAdapters } from '../fixtures/plain-adapters.js'
import { problems as fetchProblems } from '../../src/fetch/index.js'
import { problems as koaProblems } from '../../src/koa/index.js'
import { closeAll, listen, portOf } from './helpers.js'

interface Case {
  name: string
  /** The status both adapters must answer with, so a case can never pass by both being wrong alike. */
  status: number
  method?: 'GET' | 'HEAD' | 'POST' | 'DELETE' | 'PATCH' | 'OPTIONS'
  /** Request path; defaults to the case's own route, which throws `thrown()`. */
  path?: string
  headers?: Record<string, string>
  /** Headers the route sets on the reply before it throws (as a success would, or another plugin). */
  replyHeaders?: Record<string, string | number | string[]>
  /** Headers both answers must carry with these values (`null`: must not carry). */
  expectHeaders?: Record<string, string | null>
  thrown?: () => unknown
}

/** Typed fields per status: the required ones, and optional ones so every header builder is used. */
const FIELDS: Record<number, object> = {
  401: { challenge: ['Basic realm="parity"', 'Bearer'] },
  405: { allow: ['GET', 'POST'] },
  407: { challenge: 'Basic realm="proxy"' },
  413: { retryAfter: 120 },
  415: { accept: ['application/json', 'text/csv'] },
  416: { size: 100 },
  426: { upgrade: 'h2c' },
  429: { retryAfter: 7 },
  451: { blockedBy: 'https://example.org/legal' },
  503: { retryAfter: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)) },
}

const ThingMissing = fastifyError('THING_MISSING', 'Thing %s is missing', 404)
const InternalFst = fastifyError('FST_ERR_SOMETHING', 'Internal wiring', 500)

const CASES: Case[] = [
  ...STATUSES.map(
    (entry): Case => ({
      name: `${entry.status} ${entry.name}`,
      status: entry.status,
      thrown: () => {
        const ProblemClass = PROBLEM_CLASSES[entry.name] as unknown as new (options: object) => Error
        return new ProblemClass({ detail: `Detail of ${entry.name}`, ...FIELDS[entry.status] })
      },
    }),
  ),
  { name: '401 without a challenge gets the default', status: 401, thrown: () => new Unauthorized() },
  {
    name: 'custom type, title, code and extensions',
    status: 409,
    thrown: () =>
      new Conflict({ type: 'https://example.com/dup', title: 'Duplicate', code: 'DUPLICATE', extensions: { field: 'email', n: [1, 2] } }),
  },
  { name: 'exposed 5xx detail', status: 503, thrown: () => new ServiceUnavailable({ detail: 'Maintenance', expose: true }) },
  { name: 'http-errors 404', status: 404, thrown: () => createError(404, 'No such thing') },
  { name: 'http-errors 401 without header', status: 401, thrown: () => createError(401) },
  { name: 'http-errors 429 with headers', status: 429, thrown: () => createError(429, 'Slow', { headers: { 'Retry-After': '30' } }) },
  { name: 'http-errors 500 hides its message', status: 500, thrown: () => createError(500, 'db password is hunter2') },
  { name: 'http-errors 405 gets Allow from the router', status: 405, thrown: () => createError(405) },
  {
    name: 'http-errors 405 with an unsendable Allow gets Allow from the router',
    status: 405,
    thrown: () => createError(405, { headers: { Allow: 'GET\r\nX-Injected: 1' } }),
  },
  { name: 'http-errors 400 with expose false', status: 400, thrown: () => createError(400, 'internal reason', { expose: false }) },
  { name: 'boom 404', status: 404, thrown: () => Boom.notFound('Missing') },
  { name: 'boom 401 with challenge', status: 401, thrown: () => Boom.unauthorized('Expired', 'Bearer', { realm: 'api' }) },
  { name: 'boom 429', status: 429, thrown: () => Boom.tooManyRequests('Later') },
  { name: 'boom 500', status: 500, thrown: () => Boom.badImplementation('secret') },
  { name: '@fastify/error-like 404 with public code', status: 404, thrown: () => new ThingMissing('x') },
  { name: '@fastify/error-like 500 with FST code', status: 500, thrown: () => new InternalFst() },
  { name: 'plain Error', status: 500, thrown: () => new Error('secret') },
  { name: 'Error with status 302', status: 500, thrown: () => Object.assign(new Error('moved'), { status: 302 }) },
  { name: 'string', status: 500, thrown: () => 'a string' },
  { name: 'number', status: 500, thrown: () => 42 },
  { name: 'null', status: 500, thrown: () => null },
  { name: 'undefined', status: 500, thrown: () => undefined },
  { name: 'Object.create(null)', status: 500, thrown: () => Object.create(null) },
  { name: 'bare object with a status', status: 409, thrown: () => Object.assign(Object.create(null), { status: 409, message: 'Taken' }) },
  {
    name: 'validation-like error',
    status: 400,
    thrown: () =>
      Object.assign(new Error('body/age must be integer'), {
        statusCode: 400,
        validation: [
          { instancePath: '/age', message: 'must be integer', params: {} },
          { instancePath: '', message: "must have required property 'name'", params: { missingProperty: 'name' } },
        ],
        validationContext: 'body',
      }),
  },
  { name: 'Accept: application/json', status: 404, headers: { accept: 'application/json' }, thrown: () => createError(404) },
  { name: 'HEAD of a throwing route', status: 418, method: 'HEAD', thrown: () => createError(418) },
  {
    name: 'content headers the route set are removed',
    status: 500,
    replyHeaders: {
      'content-encoding': 'gzip',
      'content-disposition': 'attachment; filename="a.csv"',
      'content-language': 'de',
      'content-location': '/a.csv',
      'content-range': 'bytes 0-9/100',
      etag: '"v1"',
      'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT',
    },
    expectHeaders: Object.fromEntries(['content-encoding', 'content-disposition', 'content-language', 'content-location', 'content-range', 'etag', 'last-modified'].map((name) => [name, null])),
    thrown: () => new Error('boom'),
  },
  { name: 'a 416 keeps a well-formed Content-Range the route set', status: 416, replyHeaders: { 'content-range': 'bytes */2048' }, expectHeaders: { 'content-range': 'bytes */2048' }, thrown: () => createError(416) },
  {
    name: "the route's Cache-Control and Expires are replaced",
    status: 404,
    replyHeaders: { 'cache-control': 'public, max-age=86400', expires: 'Thu, 01 Jan 2099 00:00:00 GMT' },
    expectHeaders: { 'cache-control': 'no-store', expires: null, vary: 'Accept' },
    thrown: () => createError(404),
  },
  { name: "a problem's own Cache-Control wins", status: 404, expectHeaders: { 'cache-control': 'public, max-age=60' }, thrown: () => createError(404, { headers: { 'Cache-Control': 'public, max-age=60' } }) },
  { name: 'Vary merged with the reply', status: 400, replyHeaders: { vary: 'Origin' }, expectHeaders: { vary: 'Origin, Accept' }, thrown: () => createError(400) },
  { name: 'Vary * respected', status: 400, replyHeaders: { vary: '*' }, expectHeaders: { vary: '*' }, thrown: () => createError(400) },
  { name: 'a well-formed Retry-After on the reply is kept', status: 429, replyHeaders: { 'retry-after': 45, 'x-ratelimit-remaining': 0 }, expectHeaders: { 'retry-after': '45', 'x-ratelimit-remaining': '0' }, thrown: () => createError(429) },
  { name: 'a malformed Retry-After on the reply is dropped', status: 429, replyHeaders: { 'retry-after': 'soon' }, expectHeaders: { 'retry-after': '60' }, thrown: () => createError(429) },
  { name: 'a typed Retry-After wins over the reply', status: 429, replyHeaders: { 'retry-after': '45' }, expectHeaders: { 'retry-after': '7' }, thrown: () => new TooManyRequests({ retryAfter: 7 }) },
  { name: 'WWW-Authenticate on the reply is kept', status: 401, replyHeaders: { 'WWW-Authenticate': 'Basic realm="app"' }, expectHeaders: { 'www-authenticate': 'Basic realm="app"' }, thrown: () => createError(401) },
  { name: 'a malformed WWW-Authenticate on the reply gives way to the default', status: 401, replyHeaders: { 'www-authenticate': '"nope"' }, expectHeaders: { 'www-authenticate': 'Bearer' }, thrown: () => createError(401) },
  { name: 'HEAD carries the Content-Length of the GET', status: 404, method: 'HEAD', thrown: () => createError(404, 'Gone fishing') },
  { name: 'HEAD of a route that set content headers', status: 500, method: 'HEAD', replyHeaders: { 'content-encoding': 'gzip', etag: '"v1"' }, expectHeaders: { 'content-encoding': null, etag: null }, thrown: () => new Error('x') },
  { name: '426 and Connection: close', status: 426, headers: { connection: 'close' }, expectHeaders: { connection: 'Upgrade, close' }, thrown: () => new UpgradeRequired({ upgrade: 'h2c' }) },
  { name: '404 unknown path', status: 404, path: '/nowhere?secret=1' },
  { name: '404 HEAD unknown path', status: 404, method: 'HEAD', path: '/nowhere' },
  { name: '405 known path', status: 405, method: 'DELETE', path: '/resource' },
  { name: '405 parametric path', status: 405, method: 'PATCH', path: '/items/42' },
  { name: '405 for OPTIONS without an OPTIONS route', status: 405, method: 'OPTIONS', path: '/resource' },
  { name: '405 with traceparent as the id', status: 405, method: 'POST', path: '/items/7', headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } },
]

/** Headers that carry meaning for a problem; date, keep-alive and x-powered-by are framework noise. */
const COMPARED_HEADERS = [
  'content-type',
  'content-length',
  'x-correlation-id',
  'allow',
  'www-authenticate',
  'proxy-authenticate',
  'retry-after',
  'content-range',
  'accept',
  'upgrade',
  'link',
  'location',
  'vary',
  'cache-control',
  'expires',
  'connection',
  'x-ratelimit-remaining',
  'content-encoding',
  'content-disposition',
  'content-language',
  'content-location',
  'etag',
  'last-modified',
]

/** Adapters compared with Fastify, the reference. */
type Adapter = 'express' | 'hono' | 'koa'

/**
 * The cases an adapter cannot answer like the others, by name, with the reason the README gives.
 * A name that is no case, or a reason the README does not state, fails the table test.
 */
const DIFFERENCES: Record<Adapter, Record<string, string>> = {
  express: {},
  hono: {},
  koa: {},
}

const routeOf = (index: number) => `/cases/${index}`
let plain: PlainAdapters
let fastifyServer: Server
let expressServer: Server
let honoServer: Server
let koaServer: Server

/** Header values as Node takes them, as strings for Hono's `c.header`. */
function headerValues(value: string | number | string[]): string[] {
  return Array.isArray(value) ? value : [String(value)]
}

beforeAll(async () => {
  plain = await startPlainAdapters(CASES, routeOf)
  ;({ fastifyServer, expressServer } = plain)
  const hono = new Hono()
  const koa = new Koa()
  const router = new Router()
  CASES.forEach((testCase, index) => {
    if (testCase.thrown === undefined) return
    const { thrown, replyHeaders = {} } = testCase
    hono.get(routeOf(index), (c) => {
      for (const [name, value] of Object.entries(replyHeaders)) {
        for (const one of headerValues(value)) c.header(name, one, { append: true })
      }
      throw thrown()
    })
    router.get(routeOf(index), (ctx) => {
      for (const [name, value] of Object.entries(replyHeaders)) ctx.set(name, Array.isArray(value) ? value : String(value))
      throw thrown()
    })
  })
  for (const path of ['/resource', '/items/:id']) {
    hono.get(path, (c) => c.text('ok'))
    router.get(path, (ctx) => {
      ctx.body = 'ok'
    })
  }
  hono.post('/resource', (c) => c.text('ok'))
  router.post('/resource', (ctx) => {
    ctx.body = 'ok'
  })
  const hooks = fetchProblems().hono(hono)
  hono.onError(hooks.onError)
  hono.notFound(hooks.notFound)
  koa.use(koaProblems())
  koa.use(router.routes())
  honoServer = await listening(serve({ fetch: hooks.fetch, port: 0, hostname: '127.0.0.1' }) as Server)
  koaServer = await listening(koa.listen(0, '127.0.0.1'))
})

/** Resolves once `server` listens; it is closed in `afterAll`. */
async function listening(server: Server): Promise<Server> {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
  expect(portOf(server)).toBeGreaterThan(0)
  return server
}

afterAll(async () => {
  await plain.close()
  for (const server of [honoServer, koaServer]) {
    server?.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  }
})

async function send(server: Server, testCase: Case, index: number) {
  const method = (testCase.method ?? 'GET').toLowerCase() as 'get' | 'head' | 'post' | 'delete' | 'patch' | 'options'
  const headers: Record<string, string> = { 'x-correlation-id': `parity-${index}`, ...testCase.headers }
  if (headers.traceparent !== undefined) delete headers['x-correlation-id']
  const response = await request(server)[method](testCase.path ?? routeOf(index)).set(headers)
  const picked: Record<string, unknown> = {}
  for (const name of COMPARED_HEADERS) if (name in response.headers) picked[name] = response.headers[name]
  return { status: response.status, headers: picked, body: response.text ?? '' }
}

const SERVERS: Record<Adapter, () => Server> = { express: () => expressServer, hono: () => honoServer, koa: () => koaServer }

/** Every case through every adapter, but the documented differences: [adapter, case name, case, index]. */
const RUNS = (Object.keys(SERVERS) as Adapter[]).flatMap((adapter) =>
  CASES.flatMap((testCase, index) => (testCase.name in DIFFERENCES[adapter] ? [] : [[adapter, testCase.name, testCase, index] as const])),
)

describe('every adapter answers byte for byte as Fastify does', () => {
  it.each(RUNS)('%s: %s', async (adapter, _name, testCase, index) => {
    const viaExpress = await send(SERVERS[adapter](), testCase, index)
    const viaFastify = await send(fastifyServer, testCase, index)
    expect(viaExpress.status).toBe(testCase.status)
    expect(viaExpress.headers['content-type']).toMatch(/^application\/(problem\+)?json$/)
    expect(viaExpress.headers.vary).toMatch(/Accept|^\*$/)
    for (const [name, value] of Object.entries(testCase.expectHeaders ?? {})) {
      expect(viaExpress.headers[name], name).toBe(value ?? undefined)
    }
    if (testCase.method === 'HEAD') {
      expect(viaExpress.body).toBe('')
      // RFC 9110 8.6: the length the GET body has.
      const get = await send(SERVERS[adapter](), { ...testCase, method: 'GET' }, index)
      expect(viaExpress.headers['content-length']).toBe(String(Buffer.byteLength(get.body)))
    } else {
      expect(JSON.parse(viaExpress.body)).toMatchObject({ status: testCase.status })
    }
    expect(viaExpress).toEqual(viaFastify)
  })

  it('each skipped case is a case of the table, and the README states why', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const names = new Set(CASES.map((testCase) => testCase.name))
    for (const [adapter, skipped] of Object.entries(DIFFERENCES)) {
      for (const [name, reason] of Object.entries(skipped)) {
        expect(names.has(name), `${adapter}: ${name}`).toBe(true)
        expect(readme, `${adapter}: ${name}`).toContain(reason)
      }
    }
  })

  it('the table covers every class, foreign errors, non-errors, 404 and 405', () => {
    for (const entry of STATUSES) expect(CASES.some((testCase) => testCase.name === `${entry.status} ${entry.name}`)).toBe(true)
    expect(CASES.filter((testCase) => testCase.path !== undefined).map((testCase) => testCase.status)).toEqual([404, 404, 405, 405, 405, 405])
  })
})

/** The same comparison with the `localization` option: one Accept-Language per row, every adapter. */
describe('every adapter answers byte for byte as Fastify does in every language', () => {
  const THROWN: [name: string, status: number, thrown: () => unknown][] = [
    ['built-in title', 404, () => new NotFound()],
    ['own detail', 404, () => new NotFound('No user 42')],
    ['catalog message with numbers', 400, () => new BadRequest({ code: 'OUT_OF_CREDIT', extensions: { balance: 1234.5, cost: 2000 } })],
    ['plural', 409, () => new Conflict({ code: 'ITEMS_LEFT', extensions: { count: 2 } })],
    ['broken message', 400, () => new BadRequest({ code: 'HALF_BROKEN' })],
    ['hidden 5xx', 500, () => new Error('secret')],
  ]
  const LANGUAGES = [undefined, 'de', 'de-AT', 'fr-CA, de;q=0.5', 'ja', 'es', '*', 'de;q=abc', 'it']
  const ADAPTERS = ['express', 'hono', 'koa'] as const
  const rows = ADAPTERS.flatMap((adapter) =>
    THROWN.flatMap(([name, status, thrown], index) =>
      LANGUAGES.map((language) => [adapter, `${name}, Accept-Language ${String(language)}`, status, index, thrown, language] as const),
    ),
  )
  let localizedFastify: FastifyInstance
  const localized = {} as Record<(typeof ADAPTERS)[number], Server>

  beforeAll(async () => {
    localizedFastify = Fastify()
    await localizedFastify.register(fastifyProblems, { localization: LOCALIZATION })
    const app = express()
    const { errorHandler, notFound } = problems({ localization: LOCALIZATION })
    const hono = new Hono()
    const koa = new Koa()
    const router = new Router()
    THROWN.forEach(([, , thrown], index) => {
      localizedFastify.get(routeOf(index), async () => {
        throw thrown()
      })
      app.get(routeOf(index), () => {
        throw thrown()
      })
      hono.get(routeOf(index), () => {
        throw thrown()
      })
      router.get(routeOf(index), () => {
        throw thrown()
      })
    })
    app.use(notFound)
    app.use(errorHandler)
    const hooks = fetchProblems({ localization: LOCALIZATION }).hono(hono)
    hono.onError(hooks.onError)
    hono.notFound(hooks.notFound)
    koa.use(koaProblems({ localization: LOCALIZATION }))
    koa.use(router.routes())
    await localizedFastify.listen({ port: 0, host: '127.0.0.1' })
    localized.express = await listen(app)
    localized.hono = await listening(serve({ fetch: hooks.fetch, port: 0, hostname: '127.0.0.1' }) as Server)
    localized.koa = await listening(koa.listen(0, '127.0.0.1'))
  })

  afterAll(async () => {
    await localizedFastify.close()
    await closeAll()
    for (const server of [localized.hono, localized.koa]) {
      server?.closeAllConnections()
      await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
    }
  })

  it.each(rows)('%s: %s', async (adapter, _name, status, index, _thrown, language) => {
    const testCase: Case = { name: '', status, headers: language === undefined ? {} : { 'accept-language': language } }
    const viaAdapter = await send(localized[adapter], testCase, index)
    const viaFastify = await send(localizedFastify.server, testCase, index)
    expect(viaAdapter.status).toBe(status)
    expect(viaAdapter.headers['content-language']).toMatch(/^(en|de|de-AT|fr|ja|it)$/)
    expect(viaAdapter.headers.vary).toBe('Accept, Accept-Language')
    expect(viaAdapter).toEqual(viaFastify)
  })

  it('a German client gets German from every adapter (the header is read, not only the default locale)', async () => {
    const testCase: Case = { name: '', status: 404, headers: { 'accept-language': 'de' } }
    for (const adapter of ADAPTERS) {
      const answer = await send(localized[adapter], testCase, 0)
      expect(answer.headers['content-language'], adapter).toBe('de')
      expect(JSON.parse(answer.body), adapter).toMatchObject({ title: 'Nicht gefunden' })
    }
  })

  it.each(ADAPTERS)('%s: the unknown path too', async (adapter) => {
    const testCase: Case = { name: '', status: 404, path: '/nowhere', headers: { 'accept-language': 'ja' } }
    const viaAdapter = await send(localized[adapter], testCase, 99)
    expect(JSON.parse(viaAdapter.body)).toMatchObject({ title: '見つかりません' })
    expect(viaAdapter).toEqual(await send(localizedFastify.server, testCase, 99))
  })
})
