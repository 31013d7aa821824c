/**
 * Options of the Express middleware: the options every adapter shares (../settings.js), plus the
 * pino logger to use when a request has no pino-http `req.log`. Bad values are refused when
 * `problems()` is called, with `ERR_HTTP_PROBLEMS_INVALID_OPTION`, never replaced by a default.
 */
import type { ProblemLogger } from '../log-problem.js'
import {
  SHARED_OPTION_NAMES,
  optionsRecord,
  rejectUnknownOptions,
  resolveSettings,
  type ProblemSettings,
  type SharedProblemsOptions,
} from '../settings.js'
import { loggerOption } from '../logger-option.js'
import { docsSite, type DocsOptions, type DocsSite } from '../docs/site.js'
import { intlOnDemand } from '../i18n/intl-on-demand.js'
import { useIntlModules } from '../i18n/intl-modules.js'

/**
 * Options of `problems()` for Express. All are optional; they mean what the Fastify plugin's
 * options of the same name mean. `notFound` has no counterpart: you mount the `notFound`
 * middleware yourself, after your routes.
 */
export interface ExpressProblemsOptions extends SharedProblemsOptions {
  /**
   * A pino logger (or any object with pino's level methods) for requests that carry no pino-http
   * `req.log`. Default: none, so without pino-http nothing is logged.
   */
  logger?: ProblemLogger
  /**
   * Serves the problem catalog where the type URIs point (see the Fastify option of the same
   * name); mount the `docs` middleware `problems()` then returns. Default: not served.
   */
  docs?: DocsOptions
}

/** Options after defaults and checks. */
export interface ResolvedExpressOptions extends ProblemSettings {
  logger: ProblemLogger | undefined
  docs: DocsSite | undefined
}

const KNOWN_OPTIONS = new Set([...SHARED_OPTION_NAMES, 'docs', 'logger'])

/** Checks every option and fills in defaults. Throws a coded `TypeError` on the first bad one. */
export function resolveExpressOptions(options: unknown): ResolvedExpressOptions {
  useIntlModules(intlOnDemand)
  const given = optionsRecord(options)
  rejectUnknownOptions(given, KNOWN_OPTIONS)
  const settings = resolveSettings(given)
  const docs = given.docs === undefined ? undefined : docsSite(given.docs, settings.render)
  return { ...settings, logger: loggerOption(given.logger), docs }
}
