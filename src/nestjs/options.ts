/**
 * Options of `ProblemFilter`: the options every adapter shares (../settings.js), plus the pino
 * logger for requests that carry none of their own. Bad values are refused when the filter is
 * constructed, with `ERR_HTTP_PROBLEMS_INVALID_OPTION`, never replaced by a default.
 */
import { resolveLoggedOptions, type ResolvedLoggedOptions } from '../logger-option.js'
import { intlOnDemand } from '../i18n/intl-on-demand.js'
import { useIntlModules } from '../i18n/intl-modules.js'
import type { ProblemLogger } from '../log-problem.js'
import { resolveRules } from '../mapping/resolve-rules.js'
import type { ProblemRule } from '../mapping/rule.js'
import { optionsRecord, type SharedProblemsOptions } from '../settings.js'
import { classValidatorReader, pipeMessageReader } from './class-validator-reader.js'
import { nestExceptionRules } from './http-exception.js'

/**
 * Options of `new ProblemFilter()`. All are optional; they mean what the Fastify plugin's and the
 * Express middleware's options of the same name mean. `map` rules run before the filter reads
 * Nest's own exceptions, so a rule can answer an `HttpException` first (with `httpErrors: true`).
 */
export interface NestProblemsOptions extends SharedProblemsOptions {
  /**
   * A pino logger (or any object with pino's level methods) for requests that carry no logger of
   * their own: on Express, pino-http's `req.log` wins; on Fastify, `request.log` wins when the
   * `FastifyAdapter` was given a logger. Default: none, so nothing is logged otherwise.
   */
  logger?: ProblemLogger
}

/** Options after defaults and checks; `rules` hold the user's `map`, then the Nest rules. */
export type ResolvedNestOptions = ResolvedLoggedOptions

/** Checks every option and fills in defaults. Throws a coded `TypeError` on the first bad one. */
export function resolveNestOptions(options: unknown): ResolvedNestOptions {
  useIntlModules(intlOnDemand)
  const resolved = resolveLoggedOptions(options)
  // The user's readers first, then class-validator's tree and the pipe's messages.
  const validationReaders = [...resolved.validationReaders, classValidatorReader, pipeMessageReader]
  const normalizing = { validationStatus: resolved.validationStatus, validationReaders }
  // The user's rules (already checked above) run before the ones reading Nest's exceptions.
  const userRules = (optionsRecord(options).map ?? []) as ProblemRule[]
  return { ...resolved, validationReaders, rules: resolveRules([...userRules, ...nestExceptionRules(normalizing)]) }
}
