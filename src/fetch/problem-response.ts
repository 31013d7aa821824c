/**
 * The fetch side of the one data flow: map, normalize, pick the correlation id, render, log once,
 * and build the `Response`. The `Response` and `Headers` constructors are the runtime's globals.
 */
import { answerProblem } from '../answer-problem.js'
import type { ResolvedLoggedOptions } from '../logger-option.js'
import type { ClientConnection } from '../mapping/request-step.js'
import { needsAllowFromRouter, type RenderedProblem } from '../render.js'
import { utf8Length } from '../utf8-length.js'
import { fetchCorrelationId } from './correlation.js'
import { originForm } from './origin-form.js'
import type { ReplyHeaders } from '../reply-state.js'
import { replyHeadersOf, writableHeaders } from './web-headers.js'

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
 * The problem `Response` for `thrown`. `headers` are those already set for the answer; when there
 * are any, the answer is written over them in place: the Hono hooks pass the context's own, so
 * Hono's copy of them onto the returned response (its `c.res` setter) brings back nothing the
 * problem removed. `allowFor(source)` gives the methods for a 405's `Allow`, and is called only
 * when the problem names none.
 */
export function respondWithProblem<Source>(
  options: ResolvedLoggedOptions,
  thrown: unknown,
  request: Request,
  headers: Headers,
  allowFor: (source: Source) => readonly string[] | undefined,
  source: Source,
): Response {
  const connection = new RequestConnection(request)
  const replyHeaders = replyHeadersOf(headers)
  // The client is gone only when the runtime says so; a Response must still be returned.
  const { rendered } = answerProblem(options, options.logger, thrown, connection, (problem) => ({
    method: request.method,
    url: originForm(request.url),
    accept: request.headers.get('accept') ?? undefined,
    acceptLanguage: request.headers.get('accept-language') ?? undefined,
    correlationId: fetchCorrelationId(request, options.render.correlationIdHeader),
    allow: needsAllowFromRouter(problem) ? allowFor(source) : undefined,
    connection: request.headers.get('connection') ?? undefined,
    replyHeaders,
  }))
  return isEmpty(replyHeaders) ? freshResponse(rendered) : responseOn(headers, rendered)
}

/**
 * The answer when nothing was set for it before the problem, the common case: its headers as a
 * plain record, which a runtime writes without building a `Headers` object (@hono/node-server
 * hands it to Node as it is). The empty `headers` stay empty, so Hono's copy of the context's
 * headers onto this response brings nothing.
 */
function freshResponse(rendered: RenderedProblem): Response {
  const record = { ...rendered.headers }
  if (rendered.body !== undefined) record['content-length'] = String(utf8Length(rendered.body))
  return new Response(rendered.body ?? null, { status: rendered.status, headers: record })
}

/** The answer written over the headers set for it (on a copy when those are immutable). */
function responseOn(headers: Headers, rendered: RenderedProblem): Response {
  const target = writableHeaders(headers)
  for (const name of rendered.removedReplyHeaders) target.delete(name)
  for (const name of Object.keys(rendered.headers)) target.set(name, rendered.headers[name]!)
  if (rendered.body !== undefined) target.set('content-length', String(utf8Length(rendered.body)))
  return new Response(rendered.body ?? null, { status: rendered.status, headers: target })
}

/** True when no header was set for the answer before the problem. */
function isEmpty(record: ReplyHeaders): boolean {
  for (const _name in record) return false
  return true
}

/** A Web `Request`'s client, gone when the runtime aborted the request's signal. */
class RequestConnection implements ClientConnection {
  constructor(private readonly request: Request) {}

  get destroyed(): boolean {
    return this.request.signal.aborted
  }
}
