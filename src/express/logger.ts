/**
 * Which logger a problem is logged through: pino-http's `req.log` when the app uses pino-http (it
 * carries the request id and bindings), else the `logger` option, else none.
 */
import type { ProblemLogger } from '../log-problem.js'
import { isProblemLogger } from '../logger-option.js'

export { isProblemLogger }

/**
 * The request's pino-http logger, or `fallback`. A `req.log` that is not a pino logger (another
 * middleware may use the name) is passed over rather than called.
 */
export function requestLogger(request: object, fallback: ProblemLogger | undefined): ProblemLogger | undefined {
  const { log } = request as { log?: unknown }
  return isProblemLogger(log) ? log : fallback
}
