/**
 * The Koa side of the one data flow: read the request facts, let the core answer, and hand the
 * bytes to Koa through `ctx.status`, `ctx.set` and `ctx.body`, so middleware further up
 * (compression, CORS) still sees the answer.
 */
import type { Context } from 'koa'
import { answerProblem } from '../answer-problem.js'
import { requestLogger, type ResolvedLoggedOptions } from '../logger-option.js'
import { needsAllowFromRouter, type RenderedProblem } from '../render.js'
import { requestCorrelationId } from '../request-correlation.js'
import { matchedMethods } from './allowed-methods.js'

/** Answers `context` with the problem for `thrown`; a 405 naming no methods gets them from the router. */
export function sendProblem(options: ResolvedLoggedOptions, thrown: unknown, context: Context): void {
  const { req } = context
  const logger = requestLogger(context, options.logger)
  const { rendered, clientClosed } = answerProblem(options, logger, thrown, context.res, (problem) => ({
    // Stryker disable next-line LogicalOperator,StringLiteral: Node's parser always gives a method, so the default never applies; the one method render tells apart is HEAD, and Koa answers a HEAD with the GET body's Content-Length and no bytes whichever body is set
    method: req.method ?? 'GET',
    // `originalUrl`: a mounted app sees its own `url`; `instance` is the full path.
    url: context.originalUrl,
    accept: req.headers.accept,
    acceptLanguage: req.headers['accept-language'],
    correlationId: requestCorrelationId(req, options.render.correlationIdHeader, undefined),
    allow: needsAllowFromRouter(problem) ? matchedMethods(context) : undefined,
    connection: req.headers.connection,
    replyHeaders: context.response.headers,
  }))
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
