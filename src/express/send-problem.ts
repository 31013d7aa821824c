/**
 * The Express side of the one data flow: normalize what was thrown, pick the correlation id,
 * render, log once, write. Used by the error-handling and the not-found middleware.
 */
import type { Request, Response } from 'express'
import { logProblem } from '../log-problem.js'
import { answersClosedClient, mapRequestError } from '../mapping/request-step.js'
import { normalize } from '../normalize.js'
import { requestCorrelationId } from '../request-correlation.js'
import { needsAllowFromRouter, renderProblem, type RenderedProblem } from '../render.js'
import { allowedMethods } from './allowed-methods.js'
import { requestLogger } from '../logger-option.js'
import type { ResolvedExpressOptions } from './options.js'

/**
 * Answers `request` with the problem for `thrown`. A 405 that does not name its `Allow` methods
 * (an http-errors 405, say) gets them from the router.
 */
export function sendProblem(options: ResolvedExpressOptions, thrown: unknown, request: Request, response: Response): void {
  const logger = requestLogger(request, options.logger)
  const mapped = mapRequestError(options.rules, thrown, response, logger)
  const problem = mapped ?? normalize(thrown, options)
  const correlationId = requestCorrelationId(request, options.render.correlationIdHeader, undefined)
  const allow = needsAllowFromRouter(problem) ? allowedMethods(request) : undefined
  const { method, originalUrl, headers } = request
  const facts = {
    method,
    // `originalUrl`: inside a mounted router `url` has lost its prefix; `instance` is the full path.
    url: originalUrl,
    accept: headers.accept,
    acceptLanguage: headers['accept-language'],
    correlationId,
    allow,
    connection: headers.connection,
    replyHeaders: response.getHeaders(),
  }
  const rendered = renderProblem(problem, facts, options.render)
  const clientClosed = mapped !== undefined && answersClosedClient(mapped, response)
  if (logger !== undefined) {
    const level = rendered.status >= 500 ? options.serverErrorLevel : options.clientErrorLevel
    logProblem(logger, { problem, thrown, correlationId, rendered, mapped: mapped !== undefined, clientClosed }, level)
  }
  if (!clientClosed) writeProblem(response, rendered)
}

/**
 * Writes through Node's own response methods rather than `res.send`: the body is final bytes,
 * and `res.send` would add an ETag and may rewrite the content type, which the Fastify adapter
 * does not do, so the two would no longer answer alike.
 */
function writeProblem(response: Response, rendered: RenderedProblem): void {
  for (const name of rendered.removedReplyHeaders) response.removeHeader(name)
  response.statusCode = rendered.status
  for (const name of Object.keys(rendered.headers)) response.setHeader(name, rendered.headers[name]!)
  if (rendered.body === undefined) {
    response.end()
    return
  }
  response.setHeader('content-length', Buffer.byteLength(rendered.body))
  response.end(rendered.body)
}
