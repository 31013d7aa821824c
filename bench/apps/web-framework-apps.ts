/**
 * The Hono and Koa pairs (issue 16): our error path against the same framework's plain reply of
 * the same members. Hono is served by @hono/node-server, as on Node in production. With logging,
 * both variants of a pair write one request line per request to /dev/null (what a request logger
 * does), and ours also logs the problem through the `logger` option.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { getRequestListener, serve } from '@hono/node-server'
import Router from '@koa/router'
import { Hono } from 'hono'
import Koa from 'koa'
import pino from 'pino'
import { loadFetchAdapter, loadKoaAdapter, loadLibrary } from './library.js'
import { ROUTE, detailFor, plainMembers, problemHeaders } from './members.js'

const { NotFound } = await loadLibrary()
const { problems: fetchProblems } = await loadFetchAdapter()
const { problems: koaProblems } = await loadKoaAdapter()

const devNull = () => pino({ level: 'info' }, pino.destination('/dev/null'))

/**
 * What a variant's route answers with:
 * - `plain`: the members as a 200 JSON reply, the framework's plainest path (the targets' base);
 * - `plain-404`: the same bytes with the problem's status and headers (content type, `Cache-Control`,
 *   `Vary`, a new correlation id), written by hand: what the wire shape alone costs;
 * - `onerror-404`: the route throws `NotFound`, and a hand-written error handler answers as `plain-404`
 *   does (Hono's `onError`, through `c.json`; a Koa middleware around the router): what any error
 *   handler pays that answers through the framework's own API;
 * - `ours`: the route throws, this library answers.
 */
type Answering = 'plain' | 'plain-404' | 'onerror-404' | 'ours'

function honoApp(answering: Answering, logging: boolean): (request: Request) => Response | Promise<Response> {
  const app = new Hono()
  const logger = logging ? devNull() : undefined
  if (logger !== undefined) {
    app.use('*', async (c, next) => {
      logger.info({ method: c.req.method, url: c.req.path }, 'request')
      await next()
    })
  }
  app.get(ROUTE, (c) => {
    const id = c.req.param('id')
    if (answering === 'plain') return c.json(plainMembers(id, c.req.path))
    if (answering === 'plain-404') return c.json(plainMembers(id, c.req.path), 404, problemHeaders())
    throw new NotFound(detailFor(id))
  })
  if (answering === 'onerror-404') {
    app.onError((_error, c) => c.json(plainMembers(c.req.param('id') ?? '', c.req.path), 404, problemHeaders()))
  }
  if (answering !== 'ours') return app.fetch
  const hooks = fetchProblems(logger === undefined ? {} : { logger }).hono(app)
  app.onError(hooks.onError)
  app.notFound(hooks.notFound)
  return hooks.fetch
}

function koaApp(answering: Answering, logging: boolean): Koa {
  const app = new Koa()
  const router = new Router()
  const logger = logging ? devNull() : undefined
  if (logger !== undefined) {
    app.use(async (ctx, next) => {
      logger.info({ method: ctx.method, url: ctx.url }, 'request')
      await next()
    })
  }
  if (answering === 'ours') app.use(koaProblems(logger === undefined ? {} : { logger }))
  if (answering === 'onerror-404') {
    app.use(async (ctx, next) => {
      try {
        await next()
      } catch {
        ctx.status = 404
        ctx.set(problemHeaders())
        ctx.body = JSON.stringify(plainMembers(ctx.params.id!, ctx.url))
      }
    })
  }
  router.get(ROUTE, (ctx) => {
    if (answering === 'ours' || answering === 'onerror-404') throw new NotFound(detailFor(ctx.params.id!))
    if (answering === 'plain') {
      ctx.body = plainMembers(ctx.params.id!, ctx.url)
      return
    }
    ctx.status = 404
    ctx.set(problemHeaders())
    ctx.body = JSON.stringify(plainMembers(ctx.params.id!, ctx.url))
  })
  app.use(router.routes())
  return app
}

const honoServer = (answering: Answering) => (logging: boolean) =>
  serve({ fetch: honoApp(answering, logging), port: 0, hostname: '127.0.0.1' }) as Server

const APPS: Readonly<Record<string, (logging: boolean) => Server>> = {
  'hono-plain': honoServer('plain'),
  'hono-plain-404': honoServer('plain-404'),
  'hono-onerror-404': honoServer('onerror-404'),
  'hono-ours': honoServer('ours'),
  'koa-plain': (logging) => koaApp('plain', logging).listen(0, '127.0.0.1'),
  'koa-plain-404': (logging) => koaApp('plain-404', logging).listen(0, '127.0.0.1'),
  'koa-onerror-404': (logging) => koaApp('onerror-404', logging).listen(0, '127.0.0.1'),
  'koa-ours': (logging) => koaApp('ours', logging).listen(0, '127.0.0.1'),
}

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown

/** The same apps as Node request listeners, for the in-process A/B (`bench/ab.ts`): no socket. */
export const WEB_FRAMEWORK_LISTENERS: Readonly<Record<string, (logging: boolean) => Listener>> = {
  'hono-plain': (logging) => getRequestListener(honoApp('plain', logging)),
  'hono-plain-404': (logging) => getRequestListener(honoApp('plain-404', logging)),
  'hono-onerror-404': (logging) => getRequestListener(honoApp('onerror-404', logging)),
  'hono-ours': (logging) => getRequestListener(honoApp('ours', logging)),
  'koa-plain': (logging) => koaApp('plain', logging).callback(),
  'koa-plain-404': (logging) => koaApp('plain-404', logging).callback(),
  'koa-onerror-404': (logging) => koaApp('onerror-404', logging).callback(),
  'koa-ours': (logging) => koaApp('ours', logging).callback(),
}

/** Builds the app and listens on 127.0.0.1 (never another interface); resolves the port. */
export function listenWebFramework(name: string, logging: boolean): Promise<number> {
  const build = APPS[name]
  if (build === undefined) return Promise.reject(new Error(`unknown Hono/Koa variant ${name}`))
  const server = build(logging)
  return new Promise((resolve, reject) => {
    const report = () => {
      const address = server.address()
      if (address === null || typeof address === 'string') reject(new Error('no TCP address'))
      else resolve(address.port)
    }
    if (server.listening) report()
    else server.once('listening', report).once('error', reject)
  })
}
