/**
 * The Koa side of the one data flow: map, normalize, pick the correlation id, render, log once,
 * and hand the bytes to Koa through `ctx.status`, `ctx.set` and `ctx.body`, so middleware further
 * up (compression, CORS) still sees the answer.
 */
import type { Context } from 'koa'
import { logProblem } from '../log-problem.js'
import { requestLogger } from '../logger-option.js'
import { answersClosedClient, mapRequestError } from '../mapping/request-step.js'
import { normalize } from '../normalize.js'
import { needsAllowFromRouter, renderProblem, type RenderedProblem } from '../render.js'
import { requestCorrelationId } from '../request-correlation.js'
import { matchedMethods } from './allowed-methods.js'
import type { ResolvedKoaOptions } from './options.js'

/** Answers `context` with the problem for `thrown`; a 405 naming no methods gets them from the router. */
export function sendProblem(options: ResolvedKoaOptions, thrown: unknown, context: Context): void {
  const logger = requestLogger(context, options.logger)
  const mapped = mapRequestError(options.rules, thrown, context.res, logger)
  const problem = mapped ?? normalize(thrown, options)
  const { req } = context
  const correlationId = requestCorrelationId(req, options.render.correlationIdHeader, undefined)
  const facts = {
    method: req.method ?? 'GET',
    // `originalUrl`: a mounted app sees its own `url`; `instance` is the full path.
    url: context.originalUrl,
    accept: req.headers.accept,
    correlationId,
    allow: needsAllowFromRouter(problem) ? matchedMethods(context) : undefined,
    connection: req.headers.connection,
    replyHeaders: context.response.headers,
  }
  const rendered = renderProblem(problem, facts, options.render)
  const clientClosed = mapped !== undefined && answersClosedClient(mapped, context.res)
  if (logger !== undefined) {
    const level = rendered.status >= 500 ? options.serverErrorLevel : options.clientErrorLevel
    logProblem(logger, { problem, thrown, correlationId, rendered, mapped: mapped !== undefined, clientClosed }, level)
  }
  if (!clientClosed) writeProblem(context, rendered)
}

/**
 * Status and headers first: Koa's `body` setter keeps a `Content-Type` already set and counts the
 * `Content-Length` itself. For HEAD the body a GET gets is set, and Koa, as for any HEAD, sends
 * its length and not its bytes (a `null` body would turn the answer into a 204).
 */
function writeProblem(context: Context, rendered: RenderedProblem): void {
  for (const name of rendered.removedReplyHeaders) context.remove(name)
  context.status = rendered.status
  context.set(rendered.headers)
  context.body = rendered.body ?? rendered.bodyOfGet
}
