/**
 * `HttpProblem` + request facts → status, headers and body bytes. Pure and framework-agnostic:
 * every adapter calls it, so the same problem leaves every service (Fastify or Express) as the
 * same bytes. It never throws: members that cannot be serialized and headers that cannot be sent
 * are left out and reported back for the log, and a problem that cannot be read at all (a forged
 * object, a getter that throws) is answered with a minimal 500 (`fallbackProblem`).
 */
import { problemContentType, PROBLEM_CONTENT_TYPE } from './accept.js'
import { addCachingHeaders, replacesCaching, varyWith, DEFAULT_CACHE_CONTROL } from './caching.js'
import { clip as clipTo } from './clip.js'
import { honourConnectionClose } from './connection-close.js'
import { DEFAULT_CORRELATION_HEADER, isValidCorrelationId, newCorrelationId } from './correlation.js'
import { isValidHeaderName, isValidHeaderValue } from './header-values.js'
import { guarded, isError, readProperty } from './guarded.js'
import { openLocalization, type CompiledLocalization, type Localization } from './i18n/localization.js'
import { localize, type LocalizedText } from './i18n/localize.js'
import { localizedExtensions } from './i18n/localize-errors.js'
import { instanceOf } from './instance.js'
import { jsonString } from './json-string.js'
import { MAX_MEMBER_LENGTH } from './limits.js'
import { isReservedMember, reasonPhrase, type HttpProblem, type ProblemMembers } from './problem.js'
import { settleReplyHeaders, type ReplyHeaders } from './reply-state.js'
import { SERVER_ERROR_DETAIL } from './server-error-detail.js'
import { STATUSES, codeFromTitle, slugFromTitle, type HeaderMap } from './statuses.js'
import { applyValueRules } from './value-rules.js'
import { utf8Length } from './utf8-length.js'

export { pathOf } from './instance.js'
export { MAX_MEMBER_LENGTH } from './limits.js'
export { SERVER_ERROR_DETAIL } from './server-error-detail.js'

/** What the renderer needs to know about the request. */
export interface RequestFacts {
  /** Request method; a HEAD answer has headers and no body. */
  method: string
  /** Request URL as received; `instance` is its path, the query string is never sent back. */
  url: string
  /** The `Accept` header, for choosing `application/problem+json` or `application/json`. */
  accept?: string | readonly string[] | undefined
  /**
   * The correlation id for this request (see `correlationIdFor`). A value that is not a valid
   * correlation id (`isValidCorrelationId`) is never written: a new one is used instead.
   */
  correlationId: string
  /** Methods the target supports, used for `Allow` when a 405 does not carry one. */
  allow?: readonly string[] | undefined
  /** The `Accept-Language` header, read only when `RenderSettings.localization` is set. */
  acceptLanguage?: string | readonly string[] | undefined
  /** The request's `Connection` header: a client that asked to close has `close` added to the answer's. */
  connection?: string | readonly string[] | undefined
  /**
   * The headers already on the reply (set by the route, a hook or another plugin), as Node keeps
   * them. The renderer says which to keep (a well-formed `Retry-After` from a rate limiter, CORS
   * and security headers) and which go (`RenderedProblem.removedReplyHeaders`).
   */
  replyHeaders?: ReplyHeaders | undefined
}

/** Settings shared by every response of one service. */
export interface RenderSettings {
  /** Base URI for problem types; `about:blank` problems get `${typeBaseUrl}/${slug}`. */
  typeBaseUrl?: string | undefined
  /** Adds a `stack` member. Development only. */
  exposeStack: boolean
  /** `WWW-Authenticate` for a 401 that carries no challenge. */
  wwwAuthenticate: string
  /** `Proxy-Authenticate` for a 407 that carries no challenge. */
  proxyAuthenticate: string
  /** `Retry-After` (seconds) for a 429 that carries none. */
  retryAfter: string
  /** `Upgrade` for a 426 that carries none (or an invalid one). Default `'websocket'`. */
  upgrade?: string | undefined
  /** Response header for the correlation id (lower case). */
  correlationIdHeader: string
  /**
   * `Cache-Control` of every problem that names none of its own, replacing the route's (and its
   * `Expires`); `false` leaves both as the route set them. Default `'no-store'`.
   */
  cacheControl?: string | false | undefined
  /**
   * The compiled `localization` option (src/i18n): when set, `title` and `detail` are answered in
   * the locale `Accept-Language` negotiates, with `Content-Language` and `Vary: Accept-Language`.
   * Absent, nothing of this happens and the answer is the same bytes as without it.
   */
  localization?: CompiledLocalization | undefined
}

/** The response to write. */
export interface RenderedProblem {
  status: number
  /** Lower-case names; includes `content-type` and the correlation id header. */
  headers: HeaderMap
  /**
   * The JSON body, or `undefined` for HEAD (whose `content-length` header is then the length of the
   * body a GET gets, RFC 9110 8.6; `bodyOfGet` holds it for adapters that measure it themselves).
   */
  body: string | undefined
  /** For HEAD, the body a GET gets, never to be written; `undefined` otherwise. */
  bodyOfGet?: string | undefined
  /** Headers already on the reply that must not go out with the problem: remove them before writing `headers`. */
  removedReplyHeaders: string[]
  /** Names of headers that were not sent because their name or value was invalid. */
  droppedHeaders: string[]
  /** Extension members left out because they could not be serialized or did not fit. */
  droppedMembers: string[]
  /** With localization: the `title` and `detail` in the default locale, which the log line uses whatever the client asked for. */
  logText?: LocalizedText | undefined
  /** With localization: catalog messages that failed to format (each reported once), for the log. */
  localizationFaults?: readonly string[] | undefined
  /** Set when the problem could not be rendered and this is the minimal 500 instead: why. */
  fault?: unknown
}


/**
 * Most characters the extension members of one body may take together, as JSON. Members are
 * added in order while they fit; one that does not fit is left out and named in `droppedMembers`.
 *
 * @example
 * new BadRequest({ extensions: { rows } }) // rows is dropped (and logged) if its JSON exceeds MAX_EXTENSIONS_LENGTH
 */
export const MAX_EXTENSIONS_LENGTH = 65_536

/** The `typeBaseUrl` slug of every status with a class, made once rather than on every answer. */
const TYPE_SLUGS = new Map<number, string>(STATUSES.map((entry) => [entry.status, slugFromTitle(entry.title)]))

/** Headers the renderer owns: a problem's own value for these is ignored. */
const OWNED_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding'])

/** Longest member or header name repeated in `droppedMembers`/`droppedHeaders` (they go to the log). */
const MAX_REPORTED_NAME_LENGTH = 64

/**
 * Renders a problem for one request. Same inputs, same output. Never throws: a problem it cannot
 * read gives `fallbackProblem`, with the reason in `fault`.
 *
 * @example
 * const { status, headers, body } = renderProblem(new NotFound(), facts, settings)
 */
export function renderProblem(problem: HttpProblem, facts: RequestFacts, settings: RenderSettings): RenderedProblem {
  return renderMembers(problem, facts, settings)
}

/** `renderProblem` for anything with a problem's members (an `HttpProblem`, or members alone). */
export function renderMembers(problem: ProblemMembers, facts: RequestFacts, settings: RenderSettings): RenderedProblem {
  try {
    return renderOrThrow(problem, facts, settings)
  } catch (fault) {
    return { ...fallbackProblem(facts, settings), fault }
  }
}

/**
 * The minimal answer for when the real one cannot be made: a valid `application/problem+json`
 * 500 built from constants, the correlation id and the request path only. Never throws.
 *
 * @example
 * const { status, headers, body } = fallbackProblem({ method: 'GET', url: '/a', correlationId: id }, settings)
 */
export function fallbackProblem(
  facts: Partial<RequestFacts>,
  settings: Partial<Pick<RenderSettings, 'correlationIdHeader' | 'typeBaseUrl' | 'cacheControl'>> = {},
): RenderedProblem {
  const correlationId = safeCorrelationId(facts.correlationId)
  const typeBaseUrl = settings.typeBaseUrl
  const type = typeof typeBaseUrl === 'string' ? `${typeBaseUrl}/internal-server-error` : 'about:blank'
  const instance = typeof facts.url === 'string' ? instanceOf(facts.url, MAX_MEMBER_LENGTH) : '/'
  const body =
    `{"type":${JSON.stringify(clip(type))},"title":"Internal Server Error","status":500` +
    `,"detail":${JSON.stringify(SERVER_ERROR_DETAIL)},"instance":${JSON.stringify(instance)}` +
    `,"code":"INTERNAL_SERVER_ERROR","correlationId":${JSON.stringify(correlationId)}}`
  const headers = { [correlationHeader(settings.correlationIdHeader)]: correlationId, 'content-type': PROBLEM_CONTENT_TYPE }
  addCachingHeaders(headers, cacheControlSetting(settings.cacheControl))
  const rendered = { status: 500, headers, body, bodyOfGet: undefined, droppedHeaders: [], droppedMembers: [], removedReplyHeaders: [] }
  return facts.method === 'HEAD' ? headOnly(rendered) : rendered
}

/** For HEAD: no body, and the `content-length` the GET body has (RFC 9110 8.6). */
function headOnly(rendered: RenderedProblem): RenderedProblem {
  const body = rendered.body!
  rendered.headers['content-length'] = String(utf8Length(body))
  rendered.bodyOfGet = body
  rendered.body = undefined
  return rendered
}

function renderOrThrow(problem: ProblemMembers, facts: RequestFacts, settings: RenderSettings): RenderedProblem {
  const status = validStatus(problem.status)
  const correlationIdHeader = correlationHeader(settings.correlationIdHeader)
  const correlationId = safeCorrelationId(facts.correlationId)
  const droppedHeaders: string[] = []
  const droppedMembers: string[] = []
  const headers = sendableHeaders(problem.headers, correlationIdHeader, droppedHeaders)
  const cacheControl = cacheControlSetting(settings.cacheControl)
  const removedReplyHeaders = settleReplyHeaders(
    facts.replyHeaders,
    status,
    headers,
    replacesCaching(headers, cacheControl),
    droppedHeaders,
  )
  // After the reply's headers joined: an `Upgrade` the route set counts for a 426.
  applyValueRules(status, headers, settings.upgrade, droppedHeaders)
  addRequiredHeaders(status, headers, facts, settings)
  addCachingHeaders(headers, cacheControl)
  honourConnectionClose(headers, facts.connection)
  headers[correlationIdHeader] = correlationId
  headers['content-type'] = problemContentType(facts.accept)

  if (settings.localization !== undefined) {
    return renderLocalized(problem, status, facts, settings, openLocalization(settings.localization), { headers, correlationId, droppedHeaders, droppedMembers, removedReplyHeaders })
  }
  const body = serializeBody(problem, status, facts, settings, correlationId, droppedMembers, undefined)
  const rendered = { status, headers, body, bodyOfGet: undefined, droppedHeaders, droppedMembers, removedReplyHeaders }
  return facts.method === 'HEAD' ? headOnly(rendered) : rendered
}

/** The parts of an answer made before its body. */
interface AnswerParts {
  headers: HeaderMap
  correlationId: string
  droppedHeaders: string[]
  droppedMembers: string[]
  removedReplyHeaders: string[]
}

/**
 * The localized answer: `title` and `detail` in the negotiated language, said by
 * `Content-Language`, and `Vary: Accept-Language` since the language was negotiated. Kept apart
 * so the unlocalized path above builds nothing more than before.
 */
function renderLocalized(
  problem: ProblemMembers,
  status: number,
  facts: RequestFacts,
  settings: RenderSettings,
  localization: Localization,
  parts: AnswerParts,
): RenderedProblem {
  const { headers, correlationId, droppedHeaders, droppedMembers, removedReplyHeaders } = parts
  const localized = localize(problem, status, facts.acceptLanguage, localization)
  headers['content-language'] = localized.language
  headers.vary = varyWith(headers.vary, 'Accept-Language')
  const extensions = localizedExtensions(problem.extensions, localized.language, localization) ?? problem.extensions
  const body = serializeBody(problem, status, facts, settings, correlationId, droppedMembers, localized.text, extensions)
  const localizationFaults = localized.faults.length > 0 ? localized.faults : undefined
  const rendered = { status, headers, body, bodyOfGet: undefined, droppedHeaders, droppedMembers, removedReplyHeaders, logText: localized.logText, localizationFaults }
  return facts.method === 'HEAD' ? headOnly(rendered) : rendered
}

/** A `cacheControl` setting that cannot be sent, which only a direct caller can pass, gives way to the default. */
function cacheControlSetting(value: unknown): string | false {
  return value === false ? false : headerSetting(value, DEFAULT_CACHE_CONTROL)
}

function validStatus(status: unknown): number {
  // Stryker disable next-line ConditionalExpression: typeof narrows for the compiler; Number.isInteger below is already false for anything but a number
  if (typeof status !== 'number') return 500
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500
}

/** An id that is unsafe in a header, a JSON body or a log line is replaced, never written. */
function safeCorrelationId(id: unknown): string {
  return isValidCorrelationId(id) ? id : newCorrelationId()
}

/** The last header name `correlationHeader` accepted and its lower-case form: a service has one. */
let checkedHeaderName = DEFAULT_CORRELATION_HEADER
let checkedHeaderLower = DEFAULT_CORRELATION_HEADER

function correlationHeader(name: unknown): string {
  // Stryker disable next-line ConditionalExpression: a cache; without it the same name is checked and lower-cased again
  if (name === checkedHeaderName) return checkedHeaderLower
  if (!isValidHeaderName(name)) return DEFAULT_CORRELATION_HEADER
  checkedHeaderName = name
  checkedHeaderLower = name.toLowerCase()
  return checkedHeaderLower
}

/**
 * The problem's headers that can be sent as they are. Each one is read on its own, so one
 * unreadable or invalid header (CR/LF, NUL, characters above U+00FF, a bad name) costs only itself.
 */
function sendableHeaders(source: unknown, correlationIdHeader: string, dropped: string[]): HeaderMap {
  const headers: HeaderMap = {}
  if (typeof source !== 'object' || source === null) return headers
  for (const name of Object.keys(source)) {
    const lower = name.toLowerCase()
    if (OWNED_HEADERS.has(lower) || lower === correlationIdHeader) continue
    const value = guarded(() => (source as Record<string, unknown>)[name])
    if (typeof value === 'string' && isValidHeaderName(lower) && lower !== '__proto__' && isValidHeaderValue(value)) {
      headers[lower] = value
    } else {
      dropped.push(isValidHeaderName(name) ? reportedName(lower) : '(invalid name)')
    }
  }
  return headers
}

/**
 * The DESIGN.md header rules that apply even when the problem did not supply the header (or
 * supplied one that was dropped or blank). A setting that is not a valid header value, which only
 * a direct caller can pass, gives way to the plugin default rather than reach the wire.
 */
function addRequiredHeaders(status: number, headers: HeaderMap, facts: RequestFacts, settings: RenderSettings): void {
  if (status === 401 && isBlank(headers['www-authenticate'])) {
    headers['www-authenticate'] = headerSetting(settings.wwwAuthenticate, 'Bearer')
  } else if (status === 407 && isBlank(headers['proxy-authenticate'])) {
    headers['proxy-authenticate'] = headerSetting(settings.proxyAuthenticate, 'Basic')
  } else if (status === 405 && headers.allow === undefined && Array.isArray(facts.allow)) {
    const allow = facts.allow.join(', ')
    if (isValidHeaderValue(allow)) headers.allow = allow
  } else if (status === 429 && isBlank(headers['retry-after'])) {
    headers['retry-after'] = headerSetting(settings.retryAfter, '60')
  }
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === ''
}

function headerSetting(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' && isValidHeaderValue(value) ? value : fallback
}

function serializeBody(
  problem: ProblemMembers,
  status: number,
  facts: RequestFacts,
  settings: RenderSettings,
  correlationId: string,
  droppedMembers: string[],
  localized: LocalizedText | undefined,
  extensions: unknown = problem.extensions,
): string {
  const expose = problem.expose === true
  const detail = localized !== undefined ? localized.detail : status >= 500 && !expose ? SERVER_ERROR_DETAIL : expose ? problem.detail : undefined
  // The code comes from the problem's own title, never from its translation.
  const title = titleOf(problem, status)
  // jsonString is JSON.stringify for strings, minus its cost when nothing needs escaping.
  let json =
    `{"type":${jsonString(clip(problemType(problem, status, settings.typeBaseUrl)))}` +
    `,"title":${jsonString(localized === undefined ? title : clip(localized.title))}` +
    `,"status":${status}`
  if (typeof detail === 'string') json += `,"detail":${jsonString(clip(detail))}`
  json +=
    `,"instance":${jsonString(typeof facts.url === 'string' ? instanceOf(facts.url, MAX_MEMBER_LENGTH) : '/')}` +
    `,"code":${jsonString(codeOf(problem, title))}` +
    `,"correlationId":${jsonString(correlationId)}`
  json += serializeExtensions(extensions, settings.exposeStack, droppedMembers)
  if (settings.exposeStack) json += `,"stack":${JSON.stringify(stackOf(problem))}`
  return `${json}}`
}

function titleOf(problem: ProblemMembers, status: number): string {
  const title: unknown = problem.title
  if (typeof title === 'string' && title !== '') return clip(title)
  return reasonPhrase(status)
}

function codeOf(problem: ProblemMembers, title: string): string {
  const code: unknown = problem.code
  if (typeof code === 'string' && code !== '') return clip(code)
  return codeFromTitle(title) || 'ERROR'
}

/**
 * The extension members as `,"name":value` pairs, within `MAX_EXTENSIONS_LENGTH`. Reserved names
 * (the RFC 9457 members, `__proto__`, `constructor`, `prototype`, and `stack` when the renderer
 * adds one) never overwrite anything; values JSON cannot express are left out.
 */
function serializeExtensions(extensions: unknown, exposeStack: boolean, droppedMembers: string[]): string {
  if (typeof extensions !== 'object' || extensions === null) return ''
  let json = ''
  for (const name of Object.keys(extensions)) {
    if (isReservedMember(name) || (exposeStack && name === 'stack')) {
      droppedMembers.push(reportedName(name))
      continue
    }
    let value: string | undefined
    try {
      value = JSON.stringify((extensions as Record<string, unknown>)[name])
    } catch {
      // Circular, BigInt, too deep, or a throwing getter or toJSON: value stays undefined, the member is left out.
    }
    const member = value === undefined ? undefined : `,${JSON.stringify(name)}:${value}`
    if (member === undefined || json.length + member.length > MAX_EXTENSIONS_LENGTH) droppedMembers.push(reportedName(name))
    else json += member
  }
  return json
}

function problemType(problem: ProblemMembers, status: number, typeBaseUrl: string | undefined): string {
  const type: unknown = problem.type
  const own = typeof type === 'string' && type !== '' ? type : 'about:blank'
  if (own !== 'about:blank' || typeof typeBaseUrl !== 'string') return own
  return `${typeBaseUrl}/${TYPE_SLUGS.get(status) ?? slugFromTitle(titleOf(problem, status))}`
}

/**
 * True for a 405 without a sendable `Allow` (none, or one the renderer would drop): the adapter
 * should then pass its router's methods as `RequestFacts.allow`. Both adapters ask this, so a
 * foreign 405 gets the same `Allow` from either.
 */
export function needsAllowFromRouter(problem: ProblemMembers): boolean {
  return problem.status === 405 && !isValidHeaderValue(guarded(() => problem.headers.allow))
}

function stackOf(problem: ProblemMembers): string {
  const cause = readProperty(problem, 'cause')
  const stack = isError(cause) ? readProperty(cause, 'stack') : readProperty(problem, 'stack')
  return typeof stack === 'string' ? stack : ''
}

function clip(text: string): string {
  return clipTo(text, MAX_MEMBER_LENGTH)
}

function reportedName(name: string): string {
  return clipTo(name, MAX_REPORTED_NAME_LENGTH)
}
