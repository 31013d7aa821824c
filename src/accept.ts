/**
 * Which media type a problem is sent as. RFC 9457 bodies are `application/problem+json`; a client
 * whose `Accept` admits only `application/json` (or prefers it) gets the same body as
 * `application/json`. When neither is acceptable the problem type is sent anyway: an error answer
 * is more useful than a 406 about the error.
 */

/**
 * `Content-Type` of a problem body.
 *
 * @example
 * expect(response.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE)
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'
/**
 * `Content-Type` of a problem body for clients that only accept `application/json`.
 *
 * @example
 * if (response.headers['content-type'] === JSON_CONTENT_TYPE) console.log('negotiated plain JSON')
 */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** Longest `Accept` value we parse; longer values fall back to the problem type. */
const MAX_ACCEPT_LENGTH = 4096

/** The content type for a problem body, given the request's `Accept` header. */
export function problemContentType(accept: string | readonly string[] | undefined): string {
  const value = Array.isArray(accept) ? accept.join(',') : accept
  if (typeof value !== 'string' || value === '' || value.length > MAX_ACCEPT_LENGTH) return PROBLEM_CONTENT_TYPE
  const problemQuality = quality(value, 'problem+json')
  const jsonQuality = quality(value, 'json')
  return jsonQuality > problemQuality ? JSON_CONTENT_TYPE : PROBLEM_CONTENT_TYPE
}

/**
 * The q-value `accept` gives `application/<subtype>`: the one of the most specific matching range
 * (RFC 9110 12.5.1), 0 when no range matches.
 */
function quality(accept: string, subtype: string): number {
  let bestSpecificity = 0
  let bestQuality = 0
  for (const range of accept.split(',')) {
    const [mediaRange = '', ...parameters] = range.split(';')
    const [type, sub] = mediaRange.trim().toLowerCase().split('/')
    let specificity = 0
    if (type === 'application' && sub === subtype) specificity = 3
    else if (type === 'application' && sub === '*') specificity = 2
    else if (type === '*' && sub === '*') specificity = 1
    if (specificity <= bestSpecificity) continue
    bestSpecificity = specificity
    bestQuality = qValue(parameters)
  }
  return bestQuality
}

function qValue(parameters: string[]): number {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=')
    if (name?.trim().toLowerCase() !== 'q') continue
    const q = Number(value?.trim())
    return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 1
  }
  return 1
}
