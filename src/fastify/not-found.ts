/**
 * Requests no route matched: a 405 with `Allow` when the path is served with other methods,
 * else a 404. Exported for apps that set their own not-found handler (`notFound: false`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { MethodNotAllowed, NotFound } from '../classes.js'
import type { HttpProblem } from '../problem.js'
import { allowedMethods } from './allowed-methods.js'

/**
 * The problem for a request that matched no route: `MethodNotAllowed` (with `Allow`) when its
 * path has routes for other methods, `NotFound` otherwise.
 *
 * @example
 * app.setNotFoundHandler((request, reply) => reply.problem(unmatchedRouteProblem(request)))
 */
export function unmatchedRouteProblem(request: FastifyRequest): HttpProblem<404 | 405> {
  const allow = allowedMethods(request)
  if (allow.length > 0 && !allow.includes(request.method)) {
    return new MethodNotAllowed({ allow, detail: `The ${request.method} method is not supported by this resource.` })
  }
  return new NotFound()
}

/**
 * A ready not-found handler with the plugin's 404/405 answers, for `notFound: false` setups.
 * Needs the plugin registered (it answers through `reply.problem`).
 *
 * @example
 * await app.register(problems, { notFound: false })
 * app.register(async (api) => api.setNotFoundHandler(notFoundHandler), { prefix: '/api' })
 */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.problem(unmatchedRouteProblem(request))
}
