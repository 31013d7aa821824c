/**
 * The `logger` option every adapter without a framework logger of its own takes (Express, Koa,
 * fetch): a pino logger, or anything else with pino's level methods. Checked once, when the
 * adapter is made. A request logger a middleware attached (pino-http's `req.log`,
 * koa-pino-logger's `ctx.log`) is preferred to it: it carries the request's bindings.
 */
import type { LoggedLevel, ProblemLogger } from './log-problem.js'
import {
  SHARED_OPTION_NAMES,
  optionsRecord,
  rejectUnknownOptions,
  resolveSettings,
  type ProblemSettings,
  type SharedProblemsOptions,
} from './settings.js'
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

/**
 * Options of the adapters whose only option of their own is `logger` (`http-problems/fetch`,
 * `http-problems/koa`). All are optional; they mean what the Fastify plugin's options of the
 * same name mean.
 */
export interface LoggedProblemsOptions extends SharedProblemsOptions {
  /**
   * A pino logger (or any object with pino's level methods) each problem is logged through, once,
   * at its `logLevels` level; in Koa, a koa-pino-logger `ctx.log` is preferred to it. Default:
   * none, so nothing is logged.
   */
  logger?: ProblemLogger
}

/** `LoggedProblemsOptions` after defaults and checks. */
export interface ResolvedLoggedOptions extends ProblemSettings {
  logger: ProblemLogger | undefined
}

const LOGGED_OPTION_NAMES = new Set([...SHARED_OPTION_NAMES, 'logger'])

/** Checks every option and fills in defaults. Throws a coded `TypeError` on the first bad one. */
export function resolveLoggedOptions(options: unknown): ResolvedLoggedOptions {
  const given = optionsRecord(options)
  rejectUnknownOptions(given, LOGGED_OPTION_NAMES)
  return { ...resolveSettings(given), logger: loggerOption(given.logger) }
}
