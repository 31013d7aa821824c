/**
 * The Express pair (plus its ceiling): our `errorHandler` against the hand-written JSON error
 * handler an Express service typically has. With logging, pino-http writes to /dev/null and both
 * handlers log through its `req.log`, as they would in production.
 */
import express, { type ErrorRequestHandler, type Express, type Request } from 'express'
import createError from 'http-errors'
import pino from 'pino'
import { pinoHttp } from 'pino-http'
import { loadExpressAdapter, loadLibrary } from './library.js'
import { ROUTE, SERVER_FAULT, detailFor, plainMembers, problemHeaders, serverFaultMembers } from './members.js'

const { NotFound } = await loadLibrary()
const { problems } = await loadExpressAdapter()

function baseApp(logging: boolean): Express {
  const app = express()
  if (logging) app.use(pinoHttp({ logger: pino({ level: 'info' }, pino.destination('/dev/null')) }))
  return app
}

/** The ceiling: the same members as our 404 body, sent as an ordinary 200 JSON reply. */
function expressPlain(logging: boolean): Express {
  const app = baseApp(logging)
  app.get(ROUTE, (request: Request<{ id: string }>, response) => {
    response.json(plainMembers(request.params.id, request.url))
  })
  return app
}

/** http-errors thrown, answered by a hand-written handler with `JSON.stringify`. */
function expressNaive(logging: boolean): Express {
  const app = baseApp(logging)
  app.get(ROUTE, async (request: Request<{ id: string }>) => {
    throw createError(404, detailFor(request.params.id))
  })
  const handler: ErrorRequestHandler = (error: createError.HttpError, request, response, _next) => {
    const status = error.status ?? 500
    request.log?.info({ status }, error.message)
    const body = { type: 'about:blank', title: error.name, status, detail: error.message, instance: request.url }
    response.status(status).type('application/problem+json').send(JSON.stringify(body))
  }
  app.use(handler)
  return app
}

/** Ours: `throw new NotFound(...)`, answered by our `errorHandler`. */
function expressOurs(logging: boolean): Express {
  const app = baseApp(logging)
  const { errorHandler, notFound } = problems()
  app.get(ROUTE, async (request: Request<{ id: string }>) => {
    throw new NotFound(detailFor(request.params.id))
  })
  app.use(notFound)
  app.use(errorHandler)
  return app
}

/** Ours answering a foreign error: http-errors' 404, thrown, answered by our `errorHandler` (issue 17). */
function expressOursForeign(logging: boolean): Express {
  const app = baseApp(logging)
  const { errorHandler } = problems()
  app.get(ROUTE, async (request: Request<{ id: string }>) => {
    throw createError(404, detailFor(request.params.id))
  })
  app.use(errorHandler)
  return app
}

/** Ours answering an unexpected `Error`: a 500, its stack logged (issue 17). */
function expressOurs500(logging: boolean): Express {
  const app = baseApp(logging)
  const { errorHandler } = problems()
  app.get(ROUTE, async () => {
    throw new Error(SERVER_FAULT)
  })
  app.use(errorHandler)
  return app
}

/*
 * References with no target of their own (BENCHMARKS.md, "Fastify and Express: the wire shape, the
 * throw and the library"): each writes our answer's bytes by hand, so that a target's gap splits
 * into what the answer's shape costs, what the thrown error costs, and what is left for the library.
 */

/** The 404 problem's status, headers and body written by the route, nothing thrown. */
function expressPlain404(logging: boolean): Express {
  const app = baseApp(logging)
  app.get(ROUTE, (request: Request<{ id: string }>, response) => {
    response.status(404).set(problemHeaders()).send(JSON.stringify(plainMembers(request.params.id, request.url)))
  })
  return app
}

/** http-errors' 404 thrown (its stack captured), answered by a hand-written handler with `expressPlain404`'s bytes. */
function expressOnErrorForeign(logging: boolean): Express {
  return withHandWritten404(logging, (id) => createError(404, detailFor(id)))
}

/** `NotFound` thrown (no stack captured for a 4xx), answered by the same hand-written handler. */
function expressOnError404(logging: boolean): Express {
  return withHandWritten404(logging, (id) => new NotFound(detailFor(id)))
}

/** A route that throws what `error(id)` makes, and a hand-written handler writing `expressPlain404`'s bytes. */
function withHandWritten404(logging: boolean, error: (id: string) => Error): Express {
  const app = baseApp(logging)
  app.get(ROUTE, async (request: Request<{ id: string }>) => {
    throw error(request.params.id)
  })
  const handler: ErrorRequestHandler = (_error, request, response, _next) => {
    response.status(404).set(problemHeaders()).send(JSON.stringify(plainMembers(String(request.params.id), request.url)))
  }
  app.use(handler)
  return app
}

/** The unexpected `Error`, answered by a hand-written handler with our 500's bytes, logged at error with the id. */
function expressOnError500(logging: boolean): Express {
  const app = baseApp(logging)
  app.get(ROUTE, async () => {
    throw new Error(SERVER_FAULT)
  })
  const handler: ErrorRequestHandler = (error: Error, request, response, _next) => {
    const correlationId = crypto.randomUUID()
    request.log?.error({ err: error, correlationId }, error.message)
    response.status(500).set(problemHeaders(correlationId)).send(JSON.stringify(serverFaultMembers(request.url, correlationId)))
  }
  app.use(handler)
  return app
}

const EXPRESS_APPS: Readonly<Record<string, (logging: boolean) => Express>> = {
  'express-plain': expressPlain,
  'express-naive': expressNaive,
  'express-ours': expressOurs,
  'express-ours-foreign': expressOursForeign,
  'express-ours-500': expressOurs500,
  'express-plain-404': expressPlain404,
  'express-onerror-404': expressOnError404,
  'express-onerror-foreign': expressOnErrorForeign,
  'express-onerror-500': expressOnError500,
}

/** The Express variants' names, for the in-process A/B (`bench/ab.ts`). */
export const EXPRESS_APP_NAMES = Object.keys(EXPRESS_APPS)

/** The app itself (a Node request listener), for the in-process A/B (`bench/ab.ts`). */
export function buildExpress(name: string, logging: boolean): Express {
  const build = EXPRESS_APPS[name]
  if (build === undefined) throw new Error(`unknown Express variant ${name}`)
  return build(logging)
}

/** Builds the app and listens on 127.0.0.1 (never another interface); resolves the port. */
export function listenExpress(name: string, logging: boolean): Promise<number> {
  const build = EXPRESS_APPS[name]
  if (build === undefined) return Promise.reject(new Error(`unknown Express variant ${name}`))
  return new Promise((resolve, reject) => {
    const server = build(logging).listen(0, '127.0.0.1', (error?: Error) => {
      if (error) return reject(error)
      const address = server.address()
      if (address === null || typeof address === 'string') reject(new Error('no TCP address'))
      else resolve(address.port)
    })
  })
}
