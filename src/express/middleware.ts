/**
 * `problems()`: wiring only. It checks the options once and returns the two middleware an
 * Express app mounts after its routes; each concern lives in its own file beside this one.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express'
import { docsMiddleware } from './docs.js'
import { unmatchedRouteProblem } from './not-found.js'
import { resolveExpressOptions, type ExpressProblemsOptions } from './options.js'
import { sendProblem } from './send-problem.js'

/** What `problems()` returns: mount `notFound`, then `errorHandler`, after every route. */
export interface ExpressProblems {
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

  function problemErrorHandler(error: unknown, request: Request, response: Response, next: NextFunction): void {
    if (response.headersSent) {
      next(error)
      return
    }
    sendProblem(resolved, error, request, response)
  }

  function problemNotFound(request: Request, response: Response, next: NextFunction): void {
    // Something already started an answer and then passed the request on; it cannot become a 404.
    if (response.headersSent) {
      next()
      return
    }
    sendProblem(resolved, unmatchedRouteProblem(request), request, response)
  }

  const served = resolved.docs === undefined ? {} : { docs: docsMiddleware(resolved.docs) }
  return { errorHandler: problemErrorHandler, notFound: problemNotFound, ...served }
}
