/**
 * The `logger` option every adapter without a framework logger of its own takes (Express, Koa,
 * fetch): a pino logger, or anything else with pino's level methods. Checked once, when the
 * adapter is made. A request logger a middleware attached (pino-http's `req.log`,
 * koa-pino-logger's `ctx.log`) is preferred to it: it carries the request's bindings.
 */
import type { LoggedLevel, ProblemLogger } from './log-problem.js'
import { invalidOption } from './usage-error.js'

const LEVELS: readonly LoggedLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal']

/** True for a pino logger, or anything else with pino's level methods. */
export function isProblemLogger(value: unknown): value is ProblemLogger {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return LEVELS.every((level) => typeof candidate[level] === 'function')
}

/** The `logger` option, checked: `undefined` when absent; anything but a pino-like logger throws. */
export function loggerOption(value: unknown): ProblemLogger | undefined {
  if (value === undefined) return undefined
  if (!isProblemLogger(value)) {
    invalidOption('logger', 'a pino logger (trace, debug, info, warn, error and fatal methods)', value)
  }
  return value
}

/**
 * The request's own pino logger (`holder.log`, as pino-http and koa-pino-logger attach it), or
 * `fallback`. A `log` that is not a pino logger (another middleware may use the name) is passed
 * over rather than called.
 */
export function requestLogger(holder: object, fallback: ProblemLogger | undefined): ProblemLogger | undefined {
  const { log } = holder as { log?: unknown }
  return isProblemLogger(log) ? log : fallback
}
