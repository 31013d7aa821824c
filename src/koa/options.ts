/**
 * Options of the Koa middleware: the options every adapter shares (../settings.js), plus the pino
 * logger to use when the context carries no `ctx.log` (koa-pino-logger). Bad values are refused
 * when `problems()` is called, with `ERR_HTTP_PROBLEMS_INVALID_OPTION`, never replaced by a default.
 */
import type { ProblemLogger } from '../log-problem.js'
import { loggerOption } from '../logger-option.js'
import {
  SHARED_OPTION_NAMES,
  optionsRecord,
  rejectUnknownOptions,
  resolveSettings,
  type ProblemSettings,
  type SharedProblemsOptions,
} from '../settings.js'

/**
 * Options of `problems()` from `http-problems/koa`. All are optional; they mean what the Fastify
 * plugin's options of the same name mean.
 */
export interface KoaProblemsOptions extends SharedProblemsOptions {
  /**
   * A pino logger (or any object with pino's level methods) for contexts that carry no
   * koa-pino-logger `ctx.log`. Default: none, so without koa-pino-logger nothing is logged.
   */
  logger?: ProblemLogger
}

/** Options after defaults and checks. */
export interface ResolvedKoaOptions extends ProblemSettings {
  logger: ProblemLogger | undefined
}

const KNOWN_OPTIONS = new Set([...SHARED_OPTION_NAMES, 'logger'])

/** Checks every option and fills in defaults. Throws a coded `TypeError` on the first bad one. */
export function resolveKoaOptions(options: unknown): ResolvedKoaOptions {
  const given = optionsRecord(options)
  rejectUnknownOptions(given, KNOWN_OPTIONS)
  return { ...resolveSettings(given), logger: loggerOption(given.logger) }
}
