/**
 * Requests no route answered: a 405 with `Allow` when the path is served with other methods,
 * else a 404, with the same wording as the Fastify adapter (the parity test holds them together).
 */
import type { Request } from 'express'
import type { HttpProblem } from '../problem.js'
import { unmatchedProblem } from '../unmatched-route.js'
import { allowedMethods } from './allowed-methods.js'

/**
 * The problem for a request that matched no route: `MethodNotAllowed` (with `Allow`) when its
 * path has routes for other methods, `NotFound` otherwise. For apps that write their own final
 * middleware; `problems().notFound` already answers with it.
 *
 * @example
 * app.use((req, res, next) => {
 *   if (req.path.startsWith('/assets/')) return res.status(404).end()
 *   next(unmatchedRouteProblem(req))
 * })
 */
export function unmatchedRouteProblem(request: Request): HttpProblem<404 | 405> {
  return unmatchedProblem(request.method, allowedMethods(request))
}
