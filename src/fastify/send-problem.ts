/**
 * The Fastify side of the one data flow: normalize what was thrown, pick the correlation id,
 * render, log once, write. Used by the error handler, the not-found handler and `reply.problem`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { correlationIdFor } from '../correlation.js'
import { logProblem, type ProblemLogger } from '../log-problem.js'
import { normalize } from '../normalize.js'
import { renderProblem } from '../render.js'
import { allowedMethods } from './allowed-methods.js'
import type { ResolvedOptions } from './options.js'

/**
 * Answers `request` with the problem for `thrown`. A 405 that does not name its `Allow` methods
 * (an http-errors 405, say) gets them from the router.
 */
export function sendProblem(
  options: ResolvedOptions,
  thrown: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const problem = normalize(thrown, options)
  const correlationId = correlationIdFor(request.headers, options.render.correlationIdHeader)
  const allow =
    problem.status === 405 && problem.headers.allow === undefined ? allowedMethods(request) : undefined
  const rendered = renderProblem(
    problem,
    { method: request.method, url: request.url, accept: request.headers.accept, correlationId, allow },
    options.render,
  )
  const level = rendered.status >= 500 ? options.serverErrorLevel : options.clientErrorLevel
  logProblem(request.log as unknown as ProblemLogger, { problem, thrown, correlationId, rendered }, level)
  // The body is already a string, so a route's response schema (4xx, default) cannot strip members.
  reply.code(rendered.status).headers(rendered.headers)
  return rendered.body === undefined ? reply.send() : reply.send(rendered.body)
}
