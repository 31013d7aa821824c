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
import { ROUTE, detailFor, plainMembers } from './members.js'

const { NotFound } = await loadLibrary()
const { problems: fetchProblems } = await loadFetchAdapter()
const { problems: koaProblems } = await loadKoaAdapter()

const devNull = () => pino({ level: 'info' }, pino.destination('/dev/null'))

function honoApp(ours: boolean, logging: boolean): (request: Request) => Response | Promise<Response> {
  const app = new Hono()
  const logger = logging ? devNull() : undefined
  if (logger !== undefined) {
    app.use('*', async (c, next) => {
      logger.info({ method: c.req.method, url: c.req.path }, 'request')
      await next()
    })
  }
  app.get(ROUTE, (c) => {
    if (ours) throw new NotFound(detailFor(c.req.param('id')))
    return c.json(plainMembers(c.req.param('id'), c.req.path))
  })
  if (!ours) return app.fetch
  const hooks = fetchProblems(logger === undefined ? {} : { logger }).hono(app)
  app.onError(hooks.onError)
  app.notFound(hooks.notFound)
  return hooks.fetch
}

function koaApp(ours: boolean, logging: boolean): Koa {
  const app = new Koa()
  const router = new Router()
  const logger = logging ? devNull() : undefined
  if (logger !== undefined) {
    app.use(async (ctx, next) => {
      logger.info({ method: ctx.method, url: ctx.url }, 'request')
      await next()
    })
  }
  if (ours) app.use(koaProblems(logger === undefined ? {} : { logger }))
  router.get(ROUTE, (ctx) => {
    if (ours) throw new NotFound(detailFor(ctx.params.id!))
    ctx.body = plainMembers(ctx.params.id!, ctx.url)
  })
  app.use(router.routes())
  return app
}

const APPS: Readonly<Record<string, (logging: boolean) => Server>> = {
  'hono-plain': (logging) => serve({ fetch: honoApp(false, logging), port: 0, hostname: '127.0.0.1' }) as Server,
  'hono-ours': (logging) => serve({ fetch: honoApp(true, logging), port: 0, hostname: '127.0.0.1' }) as Server,
  'koa-plain': (logging) => koaApp(false, logging).listen(0, '127.0.0.1'),
  'koa-ours': (logging) => koaApp(true, logging).listen(0, '127.0.0.1'),
}

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown

/** The same apps as Node request listeners, for the in-process A/B (`bench/ab.ts`): no socket. */
export const WEB_FRAMEWORK_LISTENERS: Readonly<Record<string, (logging: boolean) => Listener>> = {
  'hono-plain': (logging) => getRequestListener(honoApp(false, logging)),
  'hono-ours': (logging) => getRequestListener(honoApp(true, logging)),
  'koa-plain': (logging) => koaApp(false, logging).callback(),
  'koa-ours': (logging) => koaApp(true, logging).callback(),
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
