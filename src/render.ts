/**
 * `HttpProblem` + request facts → status, headers and body bytes. Pure and framework-agnostic:
 * every adapter calls it, so the same problem leaves every service (Fastify or Express) as the
 * same bytes. It never throws: members that cannot be serialized and headers that cannot be sent
 * are left out and reported back for the log.
 */
import { problemContentType } from './accept.js'
import { classFor } from './classes.js'
import { isValidHeaderName, isValidHeaderValue } from './header-values.js'
import { isReservedMember, type HttpProblem } from './problem.js'
import { slugFromTitle, type HeaderMap } from './statuses.js'

/** What the renderer needs to know about the request. */
export interface RequestFacts {
  /** Request method; a HEAD answer has headers and no body. */
  method: string
  /** Request URL as received; `instance` is its path, the query string is never sent back. */
  url: string
  /** The `Accept` header, for choosing `application/problem+json` or `application/json`. */
  accept?: string | readonly string[] | undefined
  /** The correlation id for this request (see `correlationIdFor`). */
  correlationId: string
  /** Methods the target supports, used for `Allow` when a 405 does not carry one. */
  allow?: readonly string[] | undefined
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
  /** Response header for the correlation id (lower case). */
  correlationIdHeader: string
}

/** The response to write. */
export interface RenderedProblem {
  status: number
  /** Lower-case names; includes `content-type` and the correlation id header. */
  headers: HeaderMap
  /** The JSON body, or `undefined` for HEAD. */
  body: string | undefined
  /** Names of headers that were not sent because their name or value was invalid. */
  droppedHeaders: string[]
  /** Extension members left out because they could not be serialized. */
  droppedMembers: string[]
}

/** The `detail` of a 5xx whose own detail is not exposed. */
export const SERVER_ERROR_DETAIL =
  'The server could not complete the request. Quote the correlationId when reporting this problem.'

/** Headers the renderer owns: a problem's own value for these is ignored. */
const OWNED_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding'])

/** Renders a problem for one request. Same inputs, same output. */
export function renderProblem(problem: HttpProblem, facts: RequestFacts, settings: RenderSettings): RenderedProblem {
  const status = validStatus(problem.status)
  const droppedHeaders: string[] = []
  const droppedMembers: string[] = []
  const headers = sendableHeaders(problem.headers, settings.correlationIdHeader, droppedHeaders)
  addRequiredHeaders(status, headers, facts, settings)
  headers[settings.correlationIdHeader] = facts.correlationId
  headers['content-type'] = problemContentType(facts.accept)

  const body = facts.method === 'HEAD' ? undefined : serializeBody(problem, status, facts, settings, droppedMembers)
  return { status, headers, body, droppedHeaders, droppedMembers }
}

function validStatus(status: unknown): number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500
}

function sendableHeaders(source: HeaderMap, correlationIdHeader: string, dropped: string[]): HeaderMap {
  const headers: HeaderMap = {}
  for (const name of Object.keys(source)) {
    const lower = name.toLowerCase()
    if (OWNED_HEADERS.has(lower) || lower === correlationIdHeader) continue
    const value = source[name]
    if (typeof value === 'string' && isValidHeaderName(lower) && lower !== '__proto__' && isValidHeaderValue(value)) {
      headers[lower] = value
    } else {
      dropped.push(isValidHeaderName(name) ? lower : '(invalid name)')
    }
  }
  return headers
}

/** The DESIGN.md header rules that apply even when the problem did not supply the header. */
function addRequiredHeaders(status: number, headers: HeaderMap, facts: RequestFacts, settings: RenderSettings): void {
  if (status === 401 && headers['www-authenticate'] === undefined) {
    headers['www-authenticate'] = settings.wwwAuthenticate
  } else if (status === 407 && headers['proxy-authenticate'] === undefined) {
    headers['proxy-authenticate'] = settings.proxyAuthenticate
  } else if (status === 405 && headers.allow === undefined && facts.allow !== undefined) {
    headers.allow = facts.allow.join(', ')
  } else if (status === 429 && headers['retry-after'] === undefined) {
    headers['retry-after'] = settings.retryAfter
  }
}

function serializeBody(
  problem: HttpProblem,
  status: number,
  facts: RequestFacts,
  settings: RenderSettings,
  droppedMembers: string[],
): string {
  const detail = status >= 500 && problem.expose !== true ? SERVER_ERROR_DETAIL : problem.expose ? problem.detail : undefined
  let json =
    `{"type":${JSON.stringify(problemType(problem, status, settings.typeBaseUrl))}` +
    `,"title":${JSON.stringify(String(problem.title))}` +
    `,"status":${status}`
  if (typeof detail === 'string') json += `,"detail":${JSON.stringify(detail)}`
  json +=
    `,"instance":${JSON.stringify(pathOf(facts.url))}` +
    `,"code":${JSON.stringify(String(problem.code))}` +
    `,"correlationId":${JSON.stringify(facts.correlationId)}`
  json += serializeExtensions(problem.extensions, droppedMembers)
  if (settings.exposeStack) json += `,"stack":${JSON.stringify(stackOf(problem))}`
  return `${json}}`
}

function serializeExtensions(extensions: object, droppedMembers: string[]): string {
  let json = ''
  for (const name of Object.keys(extensions)) {
    if (isReservedMember(name)) {
      droppedMembers.push(name)
      continue
    }
    let value: string | undefined
    try {
      value = JSON.stringify((extensions as Record<string, unknown>)[name])
    } catch {
      value = undefined // circular, BigInt, or a throwing getter/toJSON
    }
    if (value === undefined) droppedMembers.push(name)
    else json += `,${JSON.stringify(name)}:${value}`
  }
  return json
}

function problemType(problem: HttpProblem, status: number, typeBaseUrl: string | undefined): string {
  if (problem.type !== 'about:blank' || typeBaseUrl === undefined) return String(problem.type)
  return `${typeBaseUrl}/${slugFromTitle(classFor(status)?.title ?? problem.title)}`
}

/** The request path, without query string or fragment: `instance` never echoes query data. */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

function stackOf(problem: HttpProblem): string {
  const cause: unknown = problem.cause
  const stack = cause instanceof Error ? cause.stack : problem.stack
  return typeof stack === 'string' ? stack : ''
}
