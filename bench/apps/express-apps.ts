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
import { ROUTE, SERVER_FAULT, detailFor, plainMembers } from './members.js'

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

const EXPRESS_APPS: Readonly<Record<string, (logging: boolean) => Express>> = {
  'express-plain': expressPlain,
  'express-naive': expressNaive,
  'express-ours': expressOurs,
  'express-ours-foreign': expressOursForeign,
  'express-ours-500': expressOurs500,
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
