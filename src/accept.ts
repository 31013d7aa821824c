/**
 * Which media type a problem is sent as. RFC 9457 bodies are `application/problem+json`; a client
 * whose `Accept` admits only `application/json` (or prefers it) gets the same body as
 * `application/json`. When neither is acceptable the problem type is sent anyway: an error answer
 * is more useful than a 406 about the error.
 *
 * Neither carries a `charset` parameter: JSON is UTF-8 by definition and RFC 8259 11 defines no
 * parameters for it, and a strict RFC 9457 client ignores a body labelled with one.
 */

/**
 * `Content-Type` of a problem body.
 *
 * @example
 * expect(response.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE)
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'
/**
 * `Content-Type` of a problem body for clients that only accept `application/json`.
 *
 * @example
 * if (response.headers['content-type'] === JSON_CONTENT_TYPE) console.log('negotiated plain JSON')
 */
export const JSON_CONTENT_TYPE = 'application/json'

/** Longest `Accept` value we parse; longer values fall back to the problem type. */
const MAX_ACCEPT_LENGTH = 4096

/**
 * The answers for the `Accept` values clients send most (none, curl's, API clients'), so the
 * common case costs one lookup instead of a parse. Every entry is what the parse below returns.
 */
const COMMON_ACCEPT_VALUES: ReadonlyMap<string, string> = new Map([
  ['*/*', PROBLEM_CONTENT_TYPE],
  ['application/json', JSON_CONTENT_TYPE],
  ['application/problem+json', PROBLEM_CONTENT_TYPE],
  ['application/json, text/plain, */*', PROBLEM_CONTENT_TYPE],
])

/** The content type for a problem body, given the request's `Accept` header. */
export function problemContentType(accept: string | readonly string[] | undefined): string {
  // Stryker disable next-line ConditionalExpression: a shortcut; undefined fails the string check below with the same answer
  if (accept === undefined) return PROBLEM_CONTENT_TYPE
  const value = Array.isArray(accept) ? accept.join(',') : accept
  if (typeof value !== 'string' || value.length > MAX_ACCEPT_LENGTH) return PROBLEM_CONTENT_TYPE
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; negotiating '' (no range at all) answers the problem type as well
  if (value === '') return PROBLEM_CONTENT_TYPE
  return COMMON_ACCEPT_VALUES.get(value) ?? negotiate(value)
}

/** A range whose media type starts like `application` or `*` (`\s` is what `trim` removes). */
const MAY_MATCH = /^\s*[aA*]/

/**
 * Compares the q-values `accept` gives `application/problem+json` and `application/json`, each
 * the q-value of the most specific range that matches it (RFC 9110 12.5.1; the first of equally
 * specific ranges wins, a type no range matches gets 0). One pass serves both types.
 */
function negotiate(accept: string): string {
  let problemSpecificity = 0
  let problemQuality = 0
  let jsonSpecificity = 0
  let jsonQuality = 0
  for (const range of accept.split(',')) {
    // Only `application/...` and `*/*` can match; skip the rest (text/html, image/webp) unparsed.
    // Stryker disable next-line ConditionalExpression: a shortcut; a range that starts otherwise matches neither type below
    if (!MAY_MATCH.test(range)) continue
    // Stryker disable next-line StringLiteral: split always gives a first element; the default only satisfies the type checker
    const [mediaRange = '', ...parameters] = range.split(';')
    const [type, sub] = mediaRange.trim().toLowerCase().split('/')
    const forProblem = specificity(type, sub, 'problem+json')
    const forJson = specificity(type, sub, 'json')
    let q: number | undefined
    if (forProblem > problemSpecificity) {
      problemSpecificity = forProblem
      problemQuality = q ??= qValue(parameters)
    }
    if (forJson > jsonSpecificity) {
      jsonSpecificity = forJson
      jsonQuality = q ??= qValue(parameters)
    }
  }
  return jsonQuality > problemQuality ? JSON_CONTENT_TYPE : PROBLEM_CONTENT_TYPE
}

/** How specifically `type/sub` names `application/<subtype>`: 3 exactly, 2 `application/*`, 1 `*\/*`, else 0. */
function specificity(type: string | undefined, sub: string | undefined, subtype: string): number {
  if (type === 'application') return sub === subtype ? 3 : sub === '*' ? 2 : 0
  return type === '*' && sub === '*' ? 1 : 0
}

function qValue(parameters: string[]): number {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=')
    // Stryker disable next-line OptionalChaining: split always gives a first element
    if (name?.trim().toLowerCase() !== 'q') continue
    // Stryker disable next-line MethodExpression: Number() ignores the whitespace around a number itself; trim only says what is meant
    const q = Number(value?.trim())
    // Stryker disable next-line ConditionalExpression,EqualityOperator: NaN and Infinity fail the range checks too, and q = 1 gives 1 either way
    return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 1
  }
  return 1
}
