/**
 * What to pass to Fastify's constructor so the requests it refuses before any route runs are
 * problems too: `frameworkErrors` (bad URLs and the like) and `clientErrorHandler` (requests
 * Node's HTTP parser refuses). Both answer with the options the plugin is registered with.
 */
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { answerClientError } from '../client-error.js'
import type { ProblemLogger } from '../log-problem.js'
import { frameworkErrorProblem } from '../request-errors.js'
import { optionsOf } from './instance-options.js'
import { sendProblem } from './send-problem.js'

/**
 * Fastify's `frameworkErrors` option: the errors Fastify raises before routing become problems
 * with a correlation id, like every other answer. A malformed percent-encoding
 * (`FST_ERR_BAD_URL`) is a 400 that does not echo the URL, a parameter over `maxParamLength` a
 * 414, a failing async constraint (`FST_ERR_ASYNC_CONSTRAINT`) a 500.
 *
 * @example
 * import Fastify from 'fastify'
 * import problems, { clientErrorHandler, frameworkErrors } from 'http-problems'
 *
 * const app = Fastify({ logger: true, frameworkErrors, clientErrorHandler })
 * await app.register(problems)
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(optionsOf(request.server), frameworkErrorProblem(error), request, reply)
}

/**
 * Fastify's `clientErrorHandler` option: a request Node's HTTP parser refuses (a malformed
 * request line, a header block over `maxHeaderSize`, a request timeout) is answered with a
 * problem (400, 431, 408) written straight to the socket, then the connection is closed. A reset
 * connection gets nothing. Logged through the app's logger at the plugin's client error level.
 *
 * @example
 * const app = Fastify({ frameworkErrors, clientErrorHandler })
 */
export function clientErrorHandler(this: FastifyInstance | undefined, error: Error, socket: Socket): void {
  const log = this?.log as unknown as ProblemLogger | undefined
  answerClientError(error, socket, optionsOf(this), log)
}
