/**
 * `problems()`: wiring only. It checks the options once and returns the middleware an Express
 * app mounts (and the server's `clientError` handler); each concern lives in its own file beside
 * this one.
 */
import type { Duplex } from 'node:stream'
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express'
import { answerClientError } from '../client-error.js'
import { configureCorrelationHeader } from '../correlation.js'
import { badUrlProblem } from '../request-errors.js'
import { badUrlOr, hasUndecodablePath } from './bad-url.js'
import { correlationMiddleware } from './correlation.js'
import { docsMiddleware } from './docs.js'
import { unmatchedRouteProblem } from './not-found.js'
import { resolveExpressOptions, type ExpressProblemsOptions } from './options.js'
import { sendProblem } from './send-problem.js'

/**
 * What `problems()` returns: mount `correlation` first, then your routes, then `notFound`, then
 * `errorHandler`.
 */
export interface ExpressProblems {
  /**
   * Picks the request's correlation id (the `correlationIdHeader` when valid, else the
   * `traceparent`'s trace id, else a new UUID) and puts it on `req.correlationId`; binds it
   * into pino-http's `req.log` when pino-http is mounted before it. Optional: without it, the
   * problem answers pick the same id themselves.
   */
  correlation: RequestHandler
  /**
   * Error-handling middleware (four parameters, as Express requires): answers every error with a
   * problem. An error raised after the headers were sent goes to Express's default handler,
   * which closes the connection, since the answer cannot be changed any more.
   */
  errorHandler: ErrorRequestHandler
  /**
   * Final middleware for requests no route answered: 405 with `Allow` when the path is served
   * with other methods, else 404.
   */
  notFound: RequestHandler
  /**
   * For the HTTP server's `clientError` event (`server.on('clientError', clientErrorHandler)`): a
   * request Node's parser refuses is answered with a problem (400, 431, 408) written to the
   * socket, then the connection is closed, as the Fastify `clientErrorHandler` does.
   */
  clientErrorHandler: (error: Error, socket: Duplex) => void
  /**
   * With the `docs` option: the middleware serving the catalog's pages. Mount it before your
   * routes (`app.use(docs)`); it answers only GET and HEAD under the docs path.
   */
  docs?: RequestHandler
}

/**
 * The http-problems middleware for Express 5: every error becomes an RFC 9457 problem response
 * with the headers the standards require and a correlation id, byte for byte what the Fastify
 * plugin sends. Bad options throw `ERR_HTTP_PROBLEMS_INVALID_OPTION` here, not at the first error.
 *
 * @example
 * import express from 'express'
 * import { NotFound } from 'http-problems'
 * import { problems } from 'http-problems/express'
 *
 * const app = express()
 * const { errorHandler, notFound } = problems({ typeBaseUrl: 'https://errors.example.com' })
 * app.use(express.json())
 * app.get('/users/:id', async () => { throw new NotFound('No such user') })
 * app.use(notFound)
 * app.use(errorHandler)
 */
export function problems(options?: ExpressProblemsOptions): ExpressProblems {
  const resolved = resolveExpressOptions(options)
  configureCorrelationHeader(resolved.render.correlationIdHeader)

  function problemErrorHandler(error: unknown, request: Request, response: Response, next: NextFunction): void {
    if (response.headersSent) {
      next(error)
      return
    }
    sendProblem(resolved, badUrlOr(error), request, response)
  }

  function problemNotFound(request: Request, response: Response, next: NextFunction): void {
    // Something already started an answer and then passed the request on; it cannot become a 404.
    if (response.headersSent) {
      next()
      return
    }
    const problem = hasUndecodablePath(request) ? badUrlProblem() : unmatchedRouteProblem(request)
    sendProblem(resolved, problem, request, response)
  }

  const served = resolved.docs === undefined ? {} : { docs: docsMiddleware(resolved.docs) }
  return {
    correlation: correlationMiddleware(resolved.render.correlationIdHeader),
    errorHandler: problemErrorHandler,
    notFound: problemNotFound,
    clientErrorHandler: (error: Error, socket: Duplex) => answerClientError(error, socket, resolved, resolved.logger),
    ...served,
  }
}
