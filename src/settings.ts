/**
 * The options every adapter shares (problem types, default challenges, correlation header, log
 * levels...): their public type, their defaults, and the checks that reject a bad value when the
 * adapter is created, with `ERR_HTTP_PROBLEMS_INVALID_OPTION`, rather than silently using a
 * default. Each adapter adds its own options (Fastify: `notFound`; Express: `logger`) and says
 * which names it knows; what the options mean never depends on the framework.
 */
import { DEFAULT_CACHE_CONTROL } from './caching.js'
import { DEFAULT_CORRELATION_HEADER } from './correlation.js'
import { isValidHeaderName, isValidHeaderValue } from './header-values.js'
import { resolveLocalization, sealLocalization, type LocalizationOptions } from './i18n/localization.js'
import { MAX_MEMBER_LENGTH } from './limits.js'
import { resolveRules, type CompiledRules } from './mapping/resolve-rules.js'
import type { ProblemRule } from './mapping/rule.js'
import type { RenderSettings } from './render.js'
import { retryAfterValue } from './retry-after.js'
import { DEFAULT_UPGRADE, upgradeValue } from './upgrade.js'
import { isUriReference } from './uri.js'
import { invalidOption } from './usage-error.js'
import { validationReadersOption, type ValidationReader } from './validation-reader.js'

/** A pino level, or `'silent'` to not log that class of problem. */
export type ProblemLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent'

/**
 * Options every adapter accepts (the Fastify plugin's and Express's options extend it). All are
 * optional. Useful to keep one settings object for several services or adapters.
 *
 * @example
 * const shared: SharedProblemsOptions = { typeBaseUrl: 'https://errors.example.com/problems', validationStatus: 422 }
 * await app.register(httpProblems, { ...shared, notFound: false })
 */
export interface SharedProblemsOptions {
  /**
   * Base URI for problem types. Problems without their own `type` get `${typeBaseUrl}/${slug}`,
   * e.g. `https://errors.example.com/not-found`. Default: none (`about:blank`).
   */
  typeBaseUrl?: string
  /** Status for schema-validation failures: `400` (default) or `422`. */
  validationStatus?: 400 | 422
  /**
   * Readers of validation error shapes the library does not know, made by
   * `defineValidationReader`; tried in order, before the built-in ones. Default: none.
   */
  validationReaders?: readonly ValidationReader[]
  /** Challenge sent as `WWW-Authenticate` on a 401 that names none. Default `'Bearer'`. */
  wwwAuthenticate?: string
  /** Challenge sent as `Proxy-Authenticate` on a 407 that names none. Default `'Basic'`. */
  proxyAuthenticate?: string
  /**
   * `Retry-After` in seconds for a 429 that carries none, or an invalid one (from another
   * library). Rounded up, capped at 2147483648; negative, NaN and infinite are refused. Default `60`.
   */
  retryAfter?: number
  /**
   * Protocol(s) sent as `Upgrade` on a 426 that names none (from another library), such as
   * `'TLS/1.3, HTTP/1.1'`. Default `'websocket'`.
   */
  upgrade?: string
  /** Header that carries the correlation id in requests and problem responses. Default `'x-correlation-id'`. */
  correlationIdHeader?: string
  /** Adds the stack to problem bodies. For development only. Default `false`. */
  exposeStack?: boolean
  /** Log levels: `clientError` for 4xx (default `'info'`), `serverError` for 5xx (default `'error'`). */
  logLevels?: { clientError?: ProblemLogLevel; serverError?: ProblemLogLevel }
  /**
   * `Cache-Control` of every problem, replacing the one the route set for its success (and its
   * `Expires`), so no cache keeps a failure as if it were the success. `false` leaves both as the
   * route set them; a problem's own `headers: { 'cache-control': ... }` always wins. Default `'no-store'`.
   */
  cacheControl?: string | false
  /**
   * Mapping rules, tried in order before anything else reads the thrown value: the first rule
   * whose `match` accepts it answers with its `problem` (see `ProblemRule`, and the ready-made
   * sets in `http-problems/mapping`). Default: none.
   */
  map?: readonly ProblemRule[]
  /**
   * Answers `title` and `detail` in the client's language: the locale `Accept-Language`
   * negotiates among `locales` (else `defaultLocale`), from the catalogs in `messages` (ICU
   * MessageFormat keyed by problem code or type URI) and the built-in titles (en, de, fr, es, ja),
   * with `Content-Language` and `Vary: Accept-Language`. Logs stay in `defaultLocale`. Default:
   * none (answers in the problems' own words, without those headers).
   */
  localization?: LocalizationOptions
}

/** The shared options after defaults and checks. */
export interface ProblemSettings {
  render: RenderSettings
  validationStatus: 400 | 422
  validationReaders: readonly ValidationReader[]
  clientErrorLevel: ProblemLogLevel
  serverErrorLevel: ProblemLogLevel
  /** The `map` option, checked; `undefined` when there are no rules. */
  rules: CompiledRules
}

/** The names of the shared options, in documentation order. */
export const SHARED_OPTION_NAMES: readonly string[] = Object.freeze([
  'typeBaseUrl',
  'validationStatus',
  'validationReaders',
  'wwwAuthenticate',
  'proxyAuthenticate',
  'retryAfter',
  'upgrade',
  'correlationIdHeader',
  'exposeStack',
  'logLevels',
  'cacheControl',
  'map',
  'localization',
])

/**
 * The challenges and the `Retry-After` a 401, 407 or 429 without its own gets when the options name
 * none. The renderer falls back to these same values for a blank setting (`headerSetting` in
 * render.ts), so an answer never shows which of the two supplied them.
 */
const DEFAULT_WWW_AUTHENTICATE = 'Bearer'
const DEFAULT_PROXY_AUTHENTICATE = 'Basic'
const DEFAULT_RETRY_AFTER = '60'

const LEVELS: ReadonlySet<unknown> = new Set<ProblemLogLevel>(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])

/** One of pino's level names (or `silent`); anything else, a non-string included, is not. */
function isLogLevel(value: unknown): value is ProblemLogLevel {
  return LEVELS.has(value)
}

/** The options as a record: `undefined` and `null` mean none; anything but a plain object is refused. */
export function optionsRecord(options: unknown): Record<string, unknown> {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object' || Array.isArray(options)) invalidOption('options', 'an object', options)
  return options as Record<string, unknown>
}

/**
 * Refuses the first option whose name is neither `known` nor `tolerated` (names a framework
 * passes along that are not ours), so a typo fails instead of being ignored.
 */
export function rejectUnknownOptions(
  given: Record<string, unknown>,
  known: ReadonlySet<string>,
  tolerated: ReadonlySet<string> = new Set(),
): void {
  for (const name of Object.keys(given)) {
    if (!known.has(name) && !tolerated.has(name)) {
      invalidOption(name, `one of ${[...known].join(', ')} (unknown option)`, given[name])
    }
  }
}

/** Checks the shared options and fills in defaults. Throws a coded `TypeError` on the first bad one. */
export function resolveSettings(given: Record<string, unknown>): ProblemSettings {
  return {
    render: {
      typeBaseUrl: typeBaseUrl(given.typeBaseUrl),
      exposeStack: booleanOption(given.exposeStack, 'exposeStack', false),
      wwwAuthenticate: headerValueOption(given.wwwAuthenticate, 'wwwAuthenticate', DEFAULT_WWW_AUTHENTICATE),
      proxyAuthenticate: headerValueOption(given.proxyAuthenticate, 'proxyAuthenticate', DEFAULT_PROXY_AUTHENTICATE),
      retryAfter: given.retryAfter === undefined ? DEFAULT_RETRY_AFTER : retryAfterSeconds(given.retryAfter),
      upgrade: given.upgrade === undefined ? DEFAULT_UPGRADE : upgradeValue(given.upgrade),
      correlationIdHeader: headerNameOption(given.correlationIdHeader),
      cacheControl: cacheControlOption(given.cacheControl),
      localization: sealLocalization(resolveLocalization(given.localization)),
    },
    validationStatus: validationStatus(given.validationStatus),
    validationReaders: validationReadersOption(given.validationReaders),
    ...logLevels(given.logLevels),
    rules: resolveRules(given.map),
  }
}

/** A boolean option, or `fallback` when it is absent. */
export function booleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') invalidOption(name, 'a boolean', value)
  return value
}

function typeBaseUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined
  // Half of MAX_MEMBER_LENGTH leaves room for any slug, so a type is never cut.
  if (!isUriReference(value) || !URL.canParse(value) || value.length > MAX_MEMBER_LENGTH / 2) {
    invalidOption('typeBaseUrl', `an absolute URI (RFC 3986) of at most ${MAX_MEMBER_LENGTH / 2} characters`, value)
  }
  return value.replace(/\/+$/, '')
}

function headerValueOption(value: unknown, name: string, fallback: string): string {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || value.trim() === '' || !isValidHeaderValue(value)) {
    invalidOption(name, 'a non-empty header value without control characters', value)
  }
  return value
}

function cacheControlOption(value: unknown): string | false {
  if (value === false) return false
  if (value !== undefined && typeof value !== 'string') invalidOption('cacheControl', 'a header value or false', value)
  return headerValueOption(value, 'cacheControl', DEFAULT_CACHE_CONTROL)
}

/**
 * The option takes seconds only (a fixed Date would soon be in the past), so it is checked here with
 * its own words: `retryAfterValue`'s refusal would offer a Date. `Number.isFinite` is false for
 * anything but a number (it does not coerce), for NaN and for the infinities.
 */
function retryAfterSeconds(value: unknown): string {
  if (!Number.isFinite(value) || (value as number) < 0) {
    invalidOption('retryAfter', 'a finite, non-negative number of seconds', value)
  }
  return retryAfterValue(value as number)
}

function headerNameOption(value: unknown): string {
  if (value === undefined) return DEFAULT_CORRELATION_HEADER
  if (!isValidHeaderName(value)) {
    invalidOption('correlationIdHeader', 'a valid header name', value)
  }
  return value.toLowerCase()
}

function validationStatus(value: unknown): 400 | 422 {
  if (value === undefined) return 400
  if (value !== 400 && value !== 422) invalidOption('validationStatus', '400 or 422', value)
  return value
}

function logLevels(value: unknown): { clientErrorLevel: ProblemLogLevel; serverErrorLevel: ProblemLogLevel } {
  if (value === undefined) return { clientErrorLevel: 'info', serverErrorLevel: 'error' }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalidOption('logLevels', 'an object { clientError?, serverError? }', value)
  }
  const { clientError = 'info', serverError = 'error', ...rest } = value as Record<string, unknown>
  const unknown = Object.keys(rest)[0]
  if (unknown !== undefined) invalidOption(`logLevels.${unknown}`, 'absent (unknown option)', rest[unknown])
  if (!isLogLevel(clientError)) {
    invalidOption('logLevels.clientError', `one of ${[...LEVELS].join(', ')}`, clientError)
  }
  if (!isLogLevel(serverError)) {
    invalidOption('logLevels.serverError', `one of ${[...LEVELS].join(', ')}`, serverError)
  }
  return { clientErrorLevel: clientError, serverErrorLevel: serverError }
}
