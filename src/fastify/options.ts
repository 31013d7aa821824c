/**
 * Plugin options: their public type, their defaults, and the checks that reject a bad value at
 * registration with `ERR_HTTP_PROBLEMS_INVALID_OPTION` rather than silently using a default.
 */
import { DEFAULT_CORRELATION_HEADER } from '../correlation.js'
import { isValidHeaderName, isValidHeaderValue, retryAfterValue } from '../header-values.js'
import type { RenderSettings } from '../render.js'
import { invalidOption } from '../usage-error.js'

/** A pino level, or `'silent'` to not log that class of problem. */
export type ProblemLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent'

/** Options of the http-problems plugin. All are optional. */
export interface ProblemsOptions {
  /**
   * Base URI for problem types. Problems without their own `type` get `${typeBaseUrl}/${slug}`,
   * e.g. `https://errors.example.com/not-found`. Default: none (`about:blank`).
   */
  typeBaseUrl?: string
  /** Status for schema-validation failures: `400` (default) or `422`. */
  validationStatus?: 400 | 422
  /** Challenge sent as `WWW-Authenticate` on a 401 that names none. Default `'Bearer'`. */
  wwwAuthenticate?: string
  /** Challenge sent as `Proxy-Authenticate` on a 407 that names none. Default `'Basic'`. */
  proxyAuthenticate?: string
  /** `Retry-After` in seconds for a 429 that carries none (from another library). Default `60`. */
  retryAfter?: number
  /** Header that carries the correlation id in requests and problem responses. Default `'x-correlation-id'`. */
  correlationIdHeader?: string
  /** Adds the stack to problem bodies. For development only. Default `false`. */
  exposeStack?: boolean
  /**
   * Installs the not-found handler (404, and 405 with `Allow` for a known path). Default `true`.
   * Set `false` when you set your own; `notFoundHandler` gives you the same answers.
   */
  notFound?: boolean
  /** Log levels: `clientError` for 4xx (default `'info'`), `serverError` for 5xx (default `'error'`). */
  logLevels?: { clientError?: ProblemLogLevel; serverError?: ProblemLogLevel }
}

/** Options after defaults and checks. */
export interface ResolvedOptions {
  render: RenderSettings
  validationStatus: 400 | 422
  notFound: boolean
  clientErrorLevel: ProblemLogLevel
  serverErrorLevel: ProblemLogLevel
}

const KNOWN_OPTIONS = new Set([
  'typeBaseUrl',
  'validationStatus',
  'wwwAuthenticate',
  'proxyAuthenticate',
  'retryAfter',
  'correlationIdHeader',
  'exposeStack',
  'notFound',
  'logLevels',
])
const LEVELS = new Set<string>(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])

/** Checks every option and fills in defaults. Throws a coded `TypeError` on the first bad one. */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options === undefined || options === null) options = {}
  if (typeof options !== 'object' || Array.isArray(options)) invalidOption('options', 'an object', options)
  const given = options as Record<string, unknown>
  for (const name of Object.keys(given)) {
    // Fastify passes its own register options (prefix, logLevel...) down to plugins; only ours are checked.
    if (!KNOWN_OPTIONS.has(name) && !FASTIFY_REGISTER_OPTIONS.has(name)) {
      invalidOption(name, `one of ${[...KNOWN_OPTIONS].join(', ')} (unknown option)`, given[name])
    }
  }
  return {
    render: {
      typeBaseUrl: typeBaseUrl(given.typeBaseUrl),
      exposeStack: booleanOption(given.exposeStack, 'exposeStack', false),
      wwwAuthenticate: headerValueOption(given.wwwAuthenticate, 'wwwAuthenticate', 'Bearer'),
      proxyAuthenticate: headerValueOption(given.proxyAuthenticate, 'proxyAuthenticate', 'Basic'),
      retryAfter: given.retryAfter === undefined ? '60' : retryAfterSeconds(given.retryAfter),
      correlationIdHeader: headerNameOption(given.correlationIdHeader),
    },
    validationStatus: validationStatus(given.validationStatus),
    notFound: booleanOption(given.notFound, 'notFound', true),
    ...logLevels(given.logLevels),
  }
}

/** Register options Fastify itself reads; they reach the plugin function too. */
const FASTIFY_REGISTER_OPTIONS = new Set(['prefix', 'logLevel', 'logSerializers'])

function typeBaseUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !URL.canParse(value)) invalidOption('typeBaseUrl', 'an absolute URI', value)
  return value.replace(/\/+$/, '')
}

function booleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') invalidOption(name, 'a boolean', value)
  return value
}

function headerValueOption(value: unknown, name: string, fallback: string): string {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || value.trim() === '' || !isValidHeaderValue(value)) {
    invalidOption(name, 'a non-empty header value without control characters', value)
  }
  return value
}

function retryAfterSeconds(value: unknown): string {
  if (typeof value !== 'number') invalidOption('retryAfter', 'a non-negative number of seconds', value)
  return retryAfterValue(value, 'retryAfter')
}

function headerNameOption(value: unknown): string {
  if (value === undefined) return DEFAULT_CORRELATION_HEADER
  if (typeof value !== 'string' || !isValidHeaderName(value)) {
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
  if (typeof clientError !== 'string' || !LEVELS.has(clientError)) {
    invalidOption('logLevels.clientError', `one of ${[...LEVELS].join(', ')}`, clientError)
  }
  if (typeof serverError !== 'string' || !LEVELS.has(serverError)) {
    invalidOption('logLevels.serverError', `one of ${[...LEVELS].join(', ')}`, serverError)
  }
  return { clientErrorLevel: clientError as ProblemLogLevel, serverErrorLevel: serverError as ProblemLogLevel }
}
