/**
 * The Fastify variants: the ceiling (a plain reply), Fastify's own error path with the libraries
 * people throw from, and ours. Each builder returns an app with one route on `ROUTE`.
 */
import { notFound as boomNotFound, type Boom } from '@hapi/boom'
import sensible from '@fastify/sensible'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import createError from 'http-errors'
import pino from 'pino'
import { loadLibrary, loadMapping } from './library.js'
import { ROUTE, SERVER_FAULT, detailFor, plainMembers, problemHeaders, serverFaultMembers } from './members.js'

const { default: problems, HttpProblem, NotFound } = await loadLibrary()
const { postgresRules } = await loadMapping()

type Params = { Params: { id: string } }

/** Fastify's logger: pino at info into /dev/null, so logging costs CPU but no disk. */
function serverOptions(logging: boolean): FastifyServerOptions {
  return logging ? { logger: { level: 'info', stream: pino.destination('/dev/null') } } : { logger: false }
}

/** The ceiling: the same members as our 404 body, sent as an ordinary 200 reply. */
async function plain(logging: boolean, withPlugin = false): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  if (withPlugin) await app.register(problems)
  app.get<Params>(ROUTE, async (request) => plainMembers(request.params.id, request.url))
  return app
}

/** Fastify's default error handler answering an http-errors 404. */
async function defaultHttpErrors(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  app.get<Params>(ROUTE, async (request) => {
    throw createError(404, detailFor(request.params.id))
  })
  return app
}

/** @fastify/sensible's `httpErrors.notFound`, answered by Fastify's default handler. */
async function fastifySensible(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  await app.register(sensible)
  app.get<Params>(ROUTE, async (request) => {
    throw app.httpErrors.notFound(detailFor(request.params.id))
  })
  return app
}

/** @hapi/boom with the small error handler its users write; it logs like Fastify's default does. */
async function boom(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  app.setErrorHandler((error: Boom, request, reply) => {
    const { statusCode, headers, payload } = error.output
    if (statusCode >= 500) request.log.error({ err: error }, error.message)
    else request.log.info({ err: error }, error.message)
    return reply.code(statusCode).headers(headers).send(payload)
  })
  app.get<Params>(ROUTE, async (request) => {
    throw boomNotFound(detailFor(request.params.id))
  })
  return app
}

/** A hand-written RFC 9457 handler: http-errors thrown, `JSON.stringify` of the members. */
async function naiveProblemHandler(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  app.setErrorHandler((error: createError.HttpError, request, reply) => {
    const status = error.status ?? 500
    request.log.info({ status }, error.message)
    const body = { type: 'about:blank', title: error.name, status, detail: error.message, instance: request.url }
    return reply.code(status).type('application/problem+json').send(JSON.stringify(body))
  })
  app.get<Params>(ROUTE, async (request) => {
    throw createError(404, detailFor(request.params.id))
  })
  return app
}

/** Ours, the throw path: `throw new NotFound(...)` in an async handler. */
async function oursThrow(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  await app.register(problems)
  app.get<Params>(ROUTE, async (request) => {
    throw new NotFound(detailFor(request.params.id))
  })
  return app
}

/**
 * Ours, the throw path answered in German: the same `throw new NotFound(...)` with the
 * `localization` option, German the default locale, so every request (the load sends no
 * `Accept-Language`) gets the built-in German title, `Content-Language` and `Vary:
 * Accept-Language`. Issue 14's target: within 10% of `oursThrow`. A client's header adds one
 * lookup in the negotiator's memory of field values (the matcher runs once per distinct value).
 */
async function oursThrowLocalized(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  await app.register(problems, { localization: { locales: ['de', 'en'], defaultLocale: 'de' } })
  app.get<Params>(ROUTE, async (request) => {
    throw new NotFound(detailFor(request.params.id))
  })
  return app
}

/**
 * Ours, the throw path with `HttpProblem.captureClientErrorStacks = true`: every 404 captures its
 * stack, as before stack capture was made opt-in for 4xx. The difference to `oursThrow` is what
 * skipping the capture saves.
 */
async function oursThrowWithStack(logging: boolean): Promise<FastifyInstance> {
  HttpProblem.captureClientErrorStacks = true
  return oursThrow(logging)
}

/** Ours, the reply path: `return reply.problem(404, ...)`, nothing thrown. */
async function oursReply(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  await app.register(problems)
  app.get<Params>(ROUTE, async (request, reply) => reply.problem(404, detailFor(request.params.id)))
  return app
}

/** An unexpected plain `Error`, answered by Fastify's default handler (500, logged at error). */
async function default500(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  app.get(ROUTE, async () => {
    throw new Error(SERVER_FAULT)
  })
  return app
}

/** The same unexpected `Error`, answered by ours (500 with correlation id, stack logged at error). */
async function ours500(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  await app.register(problems)
  app.get(ROUTE, async () => {
    throw new Error(SERVER_FAULT)
  })
  return app
}

/** The same `Error`, with the PostgreSQL rules on: every rule is tried, none matches (issue 13). */
async function ours500PostgresRules(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  await app.register(problems, { map: postgresRules })
  app.get(ROUTE, async () => {
    throw new Error(SERVER_FAULT)
  })
  return app
}

/**
 * Ours, the throw path with the problem catalog served (`docs`, issue 12): its routes are there,
 * the error path must not pay for them.
 */
async function oursThrowWithDocs(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  await app.register(problems, { typeBaseUrl: 'https://errors.example.com/problems', docs: {} })
  app.get<Params>(ROUTE, async (request) => {
    throw new NotFound(detailFor(request.params.id))
  })
  return app
}

/**
 * References with no target of their own (BENCHMARKS.md, "Fastify and Express: the wire shape,
 * the throw and the library"): each writes the bytes our answer has, by hand, so that a target's
 * gap splits into what the answer's shape costs, what throwing costs, and what is left for the
 * library.
 */

/** The 404 problem's status, headers and body written by a route, nothing thrown. */
async function plain404(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  app.get<Params>(ROUTE, async (request, reply) => reply.code(404).headers(problemHeaders()).send(plainMembers(request.params.id, request.url)))
  return app
}

/** `throw new NotFound(...)`, answered by a hand-written error handler with `plain404`'s bytes. */
async function onError404(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  app.setErrorHandler((_error, request, reply) => {
    const { id } = request.params as Params['Params']
    return reply.code(404).headers(problemHeaders()).send(plainMembers(id, request.url))
  })
  app.get<Params>(ROUTE, async (request) => {
    throw new NotFound(detailFor(request.params.id))
  })
  return app
}

/**
 * The unexpected `Error`, answered by a hand-written error handler with our 500's bytes (the
 * problem body, its headers, a new correlation id in both) and logged at error with the id, as
 * ours logs it: what any handler that answers as ours does pays beside Fastify's default.
 */
async function onError500(logging: boolean): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(logging))
  app.setErrorHandler((error: Error, request, reply) => {
    const correlationId = crypto.randomUUID()
    request.log.error({ err: error, correlationId }, error.message)
    return reply.code(500).headers(problemHeaders(correlationId)).send(serverFaultMembers(request.url, correlationId))
  })
  app.get(ROUTE, async () => {
    throw new Error(SERVER_FAULT)
  })
  return app
}

/** Every Fastify variant by name. */
export const FASTIFY_APPS = {
  plain: (logging: boolean) => plain(logging),
  'success-plugin': (logging: boolean) => plain(logging, true),
  'default-http-errors': defaultHttpErrors,
  sensible: fastifySensible,
  boom,
  'naive-handler': naiveProblemHandler,
  'ours-throw': oursThrow,
  'ours-throw-stack': oursThrowWithStack,
  'ours-throw-docs': oursThrowWithDocs,
  'ours-throw-localized': oursThrowLocalized,
  'ours-reply': oursReply,
  'default-500': default500,
  'ours-500': ours500,
  'ours-500-postgres-rules': ours500PostgresRules,
  'fastify-plain-404': plain404,
  'fastify-onerror-404': onError404,
  'fastify-onerror-500': onError500,
} satisfies Record<string, (logging: boolean) => Promise<FastifyInstance>>

/** Name of a Fastify variant. */
export type FastifyAppName = keyof typeof FASTIFY_APPS

/** Builds the app and listens on 127.0.0.1 (never another interface); resolves the port. */
export async function listenFastify(name: FastifyAppName, logging: boolean): Promise<number> {
  const app = await FASTIFY_APPS[name](logging)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return address.port
}
