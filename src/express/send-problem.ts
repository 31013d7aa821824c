/**
 * The Express side of the one data flow: the shared steps (../answer-problem.ts: map, normalize,
 * render, log once) with the request's facts, then the write. Used by the error-handling and the not-found middleware.
 */
import type { Request, Response } from 'express'
import { answerProblem } from '../answer-problem.js'
import { requestLogger } from '../logger-option.js'
import { requestCorrelationId } from '../request-correlation.js'
import { needsAllowFromRouter, type RenderedProblem } from '../render.js'
import { allowedMethods } from './allowed-methods.js'
import type { ResolvedExpressOptions } from './options.js'

/**
 * Answers `request` with the problem for `thrown`. A 405 that does not name its `Allow` methods
 * (an http-errors 405, say) gets them from the router.
 */
export function sendProblem(options: ResolvedExpressOptions, thrown: unknown, request: Request, response: Response): void {
  const logger = requestLogger(request, options.logger)
  const { rendered, clientClosed } = answerProblem(options, logger, thrown, response, (problem) => {
    const { method, originalUrl, headers } = request
    return {
      method,
      // `originalUrl`: inside a mounted router `url` has lost its prefix; `instance` is the full path.
      url: originalUrl,
      accept: headers.accept,
      acceptLanguage: headers['accept-language'],
      correlationId: requestCorrelationId(request, options.render.correlationIdHeader, undefined),
      allow: needsAllowFromRouter(problem) ? allowedMethods(request) : undefined,
      connection: headers.connection,
      replyHeaders: response.getHeaders(),
    }
  })
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
