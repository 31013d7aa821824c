/**
 * Upstream failures, seen from a gateway: the upstream's answer or the error its call threw →
 * the problem to answer our own caller with. An upstream 4xx is passed on as the same class; an
 * upstream 5xx (or any answer that is not an error) becomes a 502, an upstream that could not be
 * reached a 502, one that did not answer in time a 504. The 502/504 carry the documented
 * extension members `upstreamService`, `upstreamStatus` and `upstreamCorrelationId`, never the
 * upstream's own detail or members: those stay in the upstream's log, under the same id.
 */
import { BadGateway, GatewayTimeout } from '../classes.js'
import { readProperty as read } from '../guarded.js'
import { isNetworkTimeout, networkCode } from '../network-errors.js'
import { isHttpProblem, type HttpProblem } from '../problem.js'
import { invalidOption } from '../usage-error.js'
import { isErrorStatus } from './is-problem.js'
import { BODY_FORMATS, parseProblem, type ParsedProblem, type ParseOptions, type ResponseLike } from './parse-problem.js'
import { problemFromResponse } from './problem-from-response.js'

/** Options of `upstreamProblem`. */
export interface UpstreamOptions extends ParseOptions {
  /** Name of the upstream service, sent to clients as the `upstreamService` member. */
  service: string
}

/** Extension members of a problem made by `upstreamProblem` for a failed upstream. */
export interface UpstreamMembers {
  /** The `service` option: which dependency failed. */
  upstreamService: string
  /** The status the upstream answered with; absent when it could not be reached or timed out. */
  upstreamStatus?: number
  /** The correlation id the upstream answered with, when it sent a usable one. */
  upstreamCorrelationId?: string
}

/**
 * The problem a gateway answers with after calling `service`. `outcome` is the upstream's
 * `Response`, or whatever the call threw (a fetch `TypeError` wrapping `ECONNREFUSED`, an
 * `AbortSignal.timeout` `TimeoutError`, a problem from `problemFromResponse`):
 *
 * - upstream 4xx → the same class with the upstream's members (see `problemFromResponse`);
 * - upstream 5xx, or a non-error status → `BadGateway` with `upstreamService`, `upstreamStatus`
 *   and `upstreamCorrelationId`;
 * - timeout (`TimeoutError`, `ETIMEDOUT`, undici's `UND_ERR_*_TIMEOUT`) → `GatewayTimeout`;
 * - any other error (refused, reset, DNS...) → `BadGateway` with `upstreamService`;
 * - a problem not made from an upstream answer (one your own code threw) → unchanged.
 *
 * The response body is consumed. The original error or `ParsedProblem` is kept as `cause`.
 *
 * Read the body inside the same `try` as the call: the timeout covers the body too, and a body
 * that stalls past it rejects with the `TimeoutError` that makes a 504. A problem made from the
 * upstream's answer and thrown inside the `try` passes through the `catch` unchanged.
 *
 * @example
 * try {
 *   const response = await fetch(url, { headers: correlationHeaders(request), signal: AbortSignal.timeout(2000) })
 *   if (!response.ok) throw await upstreamProblem(response, { service: 'users' })
 *   return await response.json()
 * } catch (error) {
 *   throw await upstreamProblem(error, { service: 'users' })
 * }
 */
export async function upstreamProblem(outcome: unknown, options: UpstreamOptions): Promise<HttpProblem> {
  const service = serviceName(options)
  if (isHttpProblem(outcome)) {
    const parsed = outcome.status >= 500 ? parsedCause(outcome) : undefined
    return parsed === undefined ? outcome : failedUpstream(service, parsed)
  }
  if (isResponse(outcome)) {
    if (isErrorStatus(outcome.status) && outcome.status < 500) return problemFromResponse(outcome, options)
    return failedUpstream(service, await parseProblem(outcome, options))
  }
  return unreachableUpstream(service, outcome)
}

function failedUpstream(service: string, parsed: ParsedProblem): HttpProblem {
  const extensions: UpstreamMembers = { upstreamService: service, upstreamStatus: parsed.status }
  if (parsed.correlationId !== undefined) extensions.upstreamCorrelationId = parsed.correlationId
  return new BadGateway({
    detail: `The ${service} service answered ${parsed.status} ${parsed.title}.`,
    extensions: { ...extensions },
    cause: parsed,
  })
}

function unreachableUpstream(service: string, error: unknown): HttpProblem {
  const code = networkCode(error)
  const reason = code === undefined ? '' : ` (${code})`
  const extensions = { upstreamService: service }
  if (isNetworkTimeout(error)) {
    return new GatewayTimeout({ detail: `The ${service} service did not answer in time${reason}.`, extensions, cause: error })
  }
  return new BadGateway({ detail: `The ${service} service could not be reached${reason}.`, extensions, cause: error })
}

/** The `ParsedProblem` a problem from `problemFromResponse` keeps as its cause. */
function parsedCause(problem: HttpProblem): ParsedProblem | undefined {
  const cause: unknown = problem.cause
  const format = read(cause, 'format')
  // Set.has is strict: a format that is no string is no member.
  return BODY_FORMATS.has(format as string) && typeof read(cause, 'status') === 'number'
    ? (cause as ParsedProblem)
    : undefined
}

function isResponse(value: unknown): value is ResponseLike {
  const headers = read(value, 'headers')
  return typeof read(value, 'status') === 'number' && typeof read(headers, 'get') === 'function' && read(value, 'body') !== undefined
}

function serviceName(options: UpstreamOptions): string {
  const service = read(options, 'service')
  if (typeof service !== 'string' || service.trim() === '') invalidOption('service', 'a non-empty string', service)
  return service
}
