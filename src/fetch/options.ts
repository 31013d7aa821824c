/**
 * Options of the fetch adapter: the options every adapter shares (../settings.js), plus a logger,
 * since a Web-standard runtime has no request logger to borrow. Bad values are refused when
 * `problems()` is called, with `ERR_HTTP_PROBLEMS_INVALID_OPTION`, never replaced by a default.
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
 * Options of `problems()` from `http-problems/fetch`. All are optional; they mean what the
 * Fastify plugin's options of the same name mean.
 */
export interface FetchProblemsOptions extends SharedProblemsOptions {
  /**
   * A pino logger (or any object with pino's level methods) each problem is logged through,
   * once, at the `logLevels` level. Default: none, so nothing is logged.
   */
  logger?: ProblemLogger
}

/** Options after defaults and checks. */
export interface ResolvedFetchOptions extends ProblemSettings {
  logger: ProblemLogger | undefined
}

const KNOWN_OPTIONS = new Set([...SHARED_OPTION_NAMES, 'logger'])

/** Checks every option and fills in defaults. Throws a coded `TypeError` on the first bad one. */
export function resolveFetchOptions(options: unknown): ResolvedFetchOptions {
  const given = optionsRecord(options)
  rejectUnknownOptions(given, KNOWN_OPTIONS)
  return { ...resolveSettings(given), logger: loggerOption(given.logger) }
}
