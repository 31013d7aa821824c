/**
 * The fetch side of the one data flow: map, normalize, pick the correlation id, render, log once,
 * and build the `Response`. The `Response` and `Headers` constructors are the runtime's globals.
 */
import { logProblem } from '../log-problem.js'
import { answersClosedClient, mapRequestError, type ClientConnection } from '../mapping/request-step.js'
import { normalize } from '../normalize.js'
import { needsAllowFromRouter, renderProblem, type RenderedProblem } from '../render.js'
import { utf8Length } from '../utf8-length.js'
import { fetchCorrelationId } from './correlation.js'
import type { ResolvedFetchOptions } from './options.js'
import { replyHeadersOf } from './web-headers.js'

/** What a framework knows beyond the request itself. */
export interface ProblemResponseContext {
  /**
   * Headers already set for the answer (by the route, a middleware, another library), as in
   * Express and Fastify: CORS, rate-limit and cookie headers stay, content headers of the
   * failed success go, `Vary` is merged. Default: none.
   */
  replyHeaders?: Headers | undefined
  /**
   * The methods the request's path is served with, for the `Allow` of a 405 that names none
   * (an http-errors 405, say). Default: none.
   */
  allow?: readonly string[] | undefined
}

/**
 * The problem `Response` for `thrown`. `headers` is the Headers object the answer is built on and
 * is changed in place: the Hono hooks pass the context's own, so Hono's copy of them onto the
 * returned response (its `c.res` setter) brings back nothing the problem removed.
 */
export function respondWithProblem(
  options: ResolvedFetchOptions,
  thrown: unknown,
  request: Request,
  headers: Headers,
  allow: readonly string[] | undefined,
): Response {
  const logger = options.logger
  const connection: ClientConnection = {
    get destroyed() {
      return request.signal.aborted
    },
  }
  const mapped = mapRequestError(options.rules, thrown, connection, logger)
  const problem = mapped ?? normalize(thrown, options)
  const correlationId = fetchCorrelationId(request, options.render.correlationIdHeader)
  const facts = {
    method: request.method,
    url: request.url,
    accept: request.headers.get('accept') ?? undefined,
    correlationId,
    allow: needsAllowFromRouter(problem) ? allow : undefined,
    connection: request.headers.get('connection') ?? undefined,
    replyHeaders: replyHeadersOf(headers),
  }
  const rendered = renderProblem(problem, facts, options.render)
  if (logger !== undefined) {
    const clientClosed = mapped !== undefined && answersClosedClient(mapped, connection)
    const level = rendered.status >= 500 ? options.serverErrorLevel : options.clientErrorLevel
    logProblem(logger, { problem, thrown, correlationId, rendered, mapped: mapped !== undefined, clientClosed }, level)
  }
  return problemResponse(rendered, headers)
}

function problemResponse(rendered: RenderedProblem, headers: Headers): Response {
  for (const name of rendered.removedReplyHeaders) headers.delete(name)
  for (const name of Object.keys(rendered.headers)) headers.set(name, rendered.headers[name]!)
  if (rendered.body !== undefined) headers.set('content-length', String(utf8Length(rendered.body)))
  return new Response(rendered.body ?? null, { status: rendered.status, headers })
}
