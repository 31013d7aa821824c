/**
 * `parseProblem`: any fetch `Response` → a typed problem, whatever the server put in the body.
 * Problem documents are read leniently (RFC 9457 3.1: a member of the wrong type is ignored, the
 * rest is kept); anything else (a proxy's HTML page, an empty body, broken JSON) still gives a
 * usable problem built from the status, so callers handle one shape and never a parse exception.
 */
import { configuredCorrelationHeader, isValidCorrelationId } from '../correlation.js'
import { isValidHeaderName } from '../header-values.js'
import { isReservedMember, reasonPhrase } from '../problem.js'
import { invalidOption } from '../usage-error.js'
import { isProblem } from './is-problem.js'
import { DEFAULT_MAX_BODY_BYTES, readBodyText, type BodyStream } from './read-body.js'

/** The part of a fetch `Response` the client reads: Node's fetch, undici and `new Response()` all fit. */
export interface ResponseLike {
  readonly status: number
  readonly headers: { get(name: string): string | null }
  readonly body: BodyStream | null
}

/**
 * What the body turned out to be: `'problem'` (a problem document), `'json'` (other JSON),
 * `'text'` (not JSON, e.g. an HTML error page), `'empty'`, `'invalid-json'` (a JSON content
 * type that did not parse) or `'unreadable'` (the stream failed, was already read, or was
 * larger than `maxBodyBytes`).
 */
export type BodyFormat = 'problem' | 'json' | 'text' | 'empty' | 'invalid-json' | 'unreadable'

/** Every body format, for checks that must recognise a `ParsedProblem`. */
export const BODY_FORMATS: ReadonlySet<string> = new Set<BodyFormat>([
  'problem',
  'json',
  'text',
  'empty',
  'invalid-json',
  'unreadable',
])

/** A problem read from a response. Only members of the right type are kept. */
export interface ParsedProblem {
  /** What the body was; members other than `status` and `title` only come from `'problem'` and `'json'` bodies. */
  readonly format: BodyFormat
  /** The HTTP status of the response. A body's own `status` member never overrides it. */
  readonly status: number
  /** Problem type URI; `about:blank` when the body names none. */
  readonly type: string
  /** The body's `title`, else the reason phrase of the status. */
  readonly title: string
  readonly detail: string | undefined
  readonly instance: string | undefined
  readonly code: string | undefined
  /** From the correlation id header, else from the body; only values that are safe to reuse. */
  readonly correlationId: string | undefined
  /** Extension members of a problem document (everything but the standard members). */
  readonly extensions: Readonly<Record<string, unknown>>
}

/** Options of `parseProblem`. */
export interface ParseOptions {
  /**
   * Header that carries the correlation id. Default: the `correlationIdHeader` the plugin or
   * `problems()` was configured with in this process, else `'x-correlation-id'`.
   */
  correlationIdHeader?: string
  /** Bodies larger than this many bytes are not read (format `'unreadable'`). Default 1 MiB. */
  maxBodyBytes?: number
}

const PROBLEM_MEDIA_TYPE = 'application/problem+json'

/**
 * Reads a response's body into a `ParsedProblem`. Never throws for anything the server sent:
 * non-problem bodies give the status's reason phrase as `title` and a `format` saying what the
 * body was. Consumes the body (or cancels it when it is over the size limit).
 *
 * Other JSON error bodies, such as Fastify's default `{ statusCode, error, message }`, give
 * `detail` from `message` and `code` from `code`.
 *
 * @example
 * const response = await fetch('http://users.internal/users/42')
 * if (!response.ok) {
 *   const problem = await parseProblem(response)
 *   console.error(problem.status, problem.code, problem.detail, problem.correlationId)
 * }
 */
export async function parseProblem(response: ResponseLike, options: ParseOptions = {}): Promise<ParsedProblem> {
  const { headerName, maxBodyBytes } = readParseOptions(options)
  const status = response.status
  const fallback: ParsedProblem = {
    format: 'empty',
    status,
    type: 'about:blank',
    title: reasonPhrase(status),
    detail: undefined,
    instance: undefined,
    code: undefined,
    correlationId: safeId(response.headers.get(headerName)),
    extensions: {},
  }
  const text = await readBodyText(response.body, maxBodyBytes)
  if (text === undefined) return { ...fallback, format: 'unreadable' }
  if (text.trim() === '') return fallback

  const mediaType = mediaTypeOf(response.headers.get('content-type'))
  if (mediaType !== undefined && !isJsonMediaType(mediaType)) return { ...fallback, format: 'text' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // Without a content type the body was only a guess; with a JSON one it is broken JSON.
    return { ...fallback, format: mediaType === undefined ? 'text' : 'invalid-json' }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ...fallback, format: 'json' }
  const members = json as Record<string, unknown>
  return mediaType === PROBLEM_MEDIA_TYPE || isProblem(members)
    ? fromProblemDocument(fallback, members)
    : fromOtherJson(fallback, members)
}

// The reason phrase comes from the same place as the problem classes' default titles.
export { reasonPhrase }

function fromProblemDocument(fallback: ParsedProblem, document: Record<string, unknown>): ParsedProblem {
  const extensions: Record<string, unknown> = {}
  // Reserved names include __proto__, constructor and prototype: a body cannot reach a prototype.
  for (const name of Object.keys(document)) if (!isReservedMember(name)) extensions[name] = document[name]
  return {
    ...fallback,
    format: 'problem',
    type: stringOrUndefined(document.type) ?? fallback.type,
    title: stringOrUndefined(document.title) ?? fallback.title,
    detail: stringOrUndefined(document.detail),
    instance: stringOrUndefined(document.instance),
    code: stringOrUndefined(document.code),
    correlationId: fallback.correlationId ?? safeId(document.correlationId),
    extensions,
  }
}

function fromOtherJson(fallback: ParsedProblem, json: Record<string, unknown>): ParsedProblem {
  return { ...fallback, format: 'json', detail: stringOrUndefined(json.message), code: stringOrUndefined(json.code) }
}

function readParseOptions(options: ParseOptions): { headerName: string; maxBodyBytes: number } {
  if (typeof options !== 'object' || options === null) invalidOption('options', 'an object', options)
  const { correlationIdHeader = configuredCorrelationHeader(), maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options
  if (!isValidHeaderName(correlationIdHeader)) {
    invalidOption('correlationIdHeader', 'a valid header name', correlationIdHeader)
  }
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    invalidOption('maxBodyBytes', 'a positive integer', maxBodyBytes)
  }
  return { headerName: correlationIdHeader, maxBodyBytes }
}

function mediaTypeOf(contentType: string | null): string | undefined {
  const mediaType = contentType?.split(';', 1)[0]!.trim().toLowerCase()
  return mediaType === '' ? undefined : mediaType
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json')
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** Ids that are unsafe to echo (header injection, log forging) are dropped, never reused. */
function safeId(value: unknown): string | undefined {
  return isValidCorrelationId(value) ? value : undefined
}
