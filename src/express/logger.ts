/**
 * Which logger a problem is logged through: pino-http's `req.log` when the app uses pino-http (it
 * carries the request id and bindings), else the `logger` option, else none.
 */
import type { LoggedLevel, ProblemLogger } from '../log-problem.js'

const LEVELS: readonly LoggedLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal']

/** True for a pino logger, or anything else with pino's level methods. */
export function isProblemLogger(value: unknown): value is ProblemLogger {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return LEVELS.every((level) => typeof candidate[level] === 'function')
}

/**
 * The request's pino-http logger, or `fallback`. A `req.log` that is not a pino logger (another
 * middleware may use the name) is passed over rather than called.
 */
export function requestLogger(request: object, fallback: ProblemLogger | undefined): ProblemLogger | undefined {
  const { log } = request as { log?: unknown }
  return isProblemLogger(log) ? log : fallback
}
