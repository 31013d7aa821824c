/**
 * Plugin options: their public type, their defaults, and the checks that reject a bad value at
 * registration with `ERR_HTTP_PROBLEMS_INVALID_OPTION` rather than silently using a default.
 */
import type { FastifyRequest } from 'fastify'
import type { HttpProblem } from '../problem.js'
import type { Tracing } from '../tracing.js'
import {
  SHARED_OPTION_NAMES,
  booleanOption,
  optionsRecord,
  rejectUnknownOptions,
  resolveSettings,
  type ProblemSettings,
  type SharedProblemsOptions,
} from '../settings.js'
import { invalidOption } from '../usage-error.js'
import { docsSite, type DocsOptions, type DocsSite } from '../docs/site.js'
import { intlOnDemand } from '../i18n/intl-on-demand.js'
import { useIntlModules } from '../i18n/intl-modules.js'

// The shared options (and their checks) live in ../settings.js, so every adapter reads them alike.
export type { ProblemLogLevel } from '../settings.js'

/**
 * Called once for every problem response, after it is written: the place to report problems to
 * an error tracker. `problem.cause` holds what was thrown, `correlationId` is the one the client
 * received. A throw or a rejected promise is logged once and never changes the response.
 *
 * @example
 * await app.register(problems, {
 *   onProblem: (problem, request, correlationId) => {
 *     if (problem.status >= 500) tracker.capture(problem.cause ?? problem, { correlationId, url: request.url })
 *   },
 * })
 */
export type ProblemReporter = (problem: HttpProblem, request: FastifyRequest, correlationId: string) => unknown

/** Options of the http-problems plugin. All are optional. */
export interface ProblemsOptions extends SharedProblemsOptions {
  /**
   * Installs the not-found handler (404, and 405 with `Allow` for a known path). Default `true`.
   * Set `false` when you set your own; `notFoundHandler` gives you the same answers.
   */
  notFound?: boolean
  /** Reports every problem response (see `ProblemReporter`). Default: none. */
  onProblem?: ProblemReporter
  /**
   * Documents the problem responses (`4XX` and `5XX`, `application/problem+json`, `problemSchema`)
   * of every route registered after the plugin in @fastify/swagger's document, whatever the type
   * provider (JSON Schema, TypeBox, zod); route schemas and serializers are left alone. Default `false`.
   */
  openapi?: boolean
  /**
   * Serves the problem catalog where the type URIs point: an index at `path` and one page per type
   * (HTML for browsers, JSON for `Accept: application/json`). `path` defaults to the path of
   * `typeBaseUrl`, and must equal it. Default: not served.
   */
  docs?: DocsOptions
}

/** Options after defaults and checks. */
export interface ResolvedOptions extends ProblemSettings {
  notFound: boolean
  onProblem: ProblemReporter | undefined
  openapi: boolean
  /** The docs documents, made once at registration; `undefined` when not served. */
  docs: DocsSite | undefined
  /** OpenTelemetry, when installed; set by the plugin at registration (see tracing.ts). */
  tracing?: Tracing | undefined
}

const KNOWN_OPTIONS = new Set([...SHARED_OPTION_NAMES, 'notFound', 'onProblem', 'openapi', 'docs'])

/** Checks every option and fills in defaults. Throws a coded `TypeError` on the first bad one. */
export function resolveOptions(options: unknown): ResolvedOptions {
  useIntlModules(intlOnDemand)
  const given = optionsRecord(options)
  // Fastify passes its own register options (prefix, logLevel...) down to plugins; only ours are checked.
  rejectUnknownOptions(given, KNOWN_OPTIONS, FASTIFY_REGISTER_OPTIONS)
  const settings = resolveSettings(given)
  return {
    ...settings,
    notFound: booleanOption(given.notFound, 'notFound', true),
    onProblem: reporterOption(given.onProblem),
    openapi: booleanOption(given.openapi, 'openapi', false),
    docs: given.docs === undefined ? undefined : docsSite(given.docs, settings.render),
  }
}

function reporterOption(value: unknown): ProblemReporter | undefined {
  if (value !== undefined && typeof value !== 'function') invalidOption('onProblem', 'a function', value)
  return value as ProblemReporter | undefined
}

/** Register options Fastify itself reads; they reach the plugin function too. */
const FASTIFY_REGISTER_OPTIONS = new Set(['prefix', 'logLevel', 'logSerializers'])
