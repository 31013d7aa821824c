/**
 * URI references (RFC 3986) in what the library writes: checking that a value is one (`type`),
 * and percent-encoding text into one (`instance`, the target of a `Link`). Encoding keeps what is
 * already valid, a `%XX` included, so a value is never encoded twice; a `%` that starts no `%XX`
 * becomes `%25`, and every other character outside the allowed set its UTF-8 `%XX` octets.
 */

/** A `%` that starts no `%XX`, or a character a path may not hold (RFC 3986 3.3: pchar and `/`). */
const OUTSIDE_PATH = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu
/** A `%` that starts no `%XX`, or a character no URI reference holds (RFC 3986 2: unreserved, reserved). */
const OUTSIDE_URI_REFERENCE = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]%]/gu

/** RFC 3986 Appendix B: the five components of any string, without judging them. */
const COMPONENTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/
/** userinfo, host (an IP literal in brackets included) and port: their characters only. */
const AUTHORITY = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@[\]]|%[0-9A-Fa-f]{2})*$/
const PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/
const QUERY_OR_FRAGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/

/**
 * True when `value` is a URI reference (RFC 3986 4.1): an absolute URI (`https://example.com/x`,
 * `urn:problem:x`, `about:blank`) or a relative reference (`/problems/x`). Spaces, non-ASCII,
 * `<>"{}|\^\`` and a stray `%` make it false, as does a scheme that is not one (`1x:y`).
 */
export function isUriReference(value: unknown): value is string {
  if (typeof value !== 'string') return false
  // Appendix B's expression matches every string (it only splits it), and its path group always takes part.
  const [, scheme, authority, path, query, fragment] = COMPONENTS.exec(value)!
  // The `=== undefined` tests are equivalent mutants: `test(undefined)` reads the string "undefined",
  // which the scheme, authority and query grammars each accept, so dropping one answers the same.
  return (
    // Stryker disable next-line ConditionalExpression: see above
    (scheme === undefined || SCHEME.test(scheme)) &&
    // Stryker disable next-line ConditionalExpression: see above
    (authority === undefined || AUTHORITY.test(authority)) &&
    PATH.test(path!) &&
    // Stryker disable next-line ConditionalExpression: see above
    (query === undefined || QUERY_OR_FRAGMENT.test(query)) &&
    (fragment === undefined || QUERY_OR_FRAGMENT.test(fragment))
  )
}

/** `text` with every character a path may not hold percent-encoded (a `?` or `#` included). */
export function encodePath(text: string): string {
  return text.replace(OUTSIDE_PATH, percentEncoded)
}

/** `text` with every character no URI reference holds percent-encoded (`<`, `>`, `"`, space...). */
export function encodeUriReference(text: string): string {
  return text.replace(OUTSIDE_URI_REFERENCE, percentEncoded)
}

/** A lone surrogate has no UTF-8 form: it is sent as U+FFFD, the replacement character. */
function percentEncoded(character: string): string {
  // Stryker disable next-line ConditionalExpression: a shortcut; encodeURIComponent('%') is '%25' too
  if (character === '%') return '%25'
  try {
    return encodeURIComponent(character)
  } catch {
    return '%EF%BF%BD'
  }
}

const PATH_ABSOLUTE = /^\/(?!\/)(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/

/**
 * True when `value` is a path-absolute URI reference (RFC 3986 4.2): it starts with one `/`
 * (`//` would name another host), holds only path characters and has no query or fragment.
 */
export function isPathAbsolute(value: unknown): value is string {
  return typeof value === 'string' && PATH_ABSOLUTE.test(value)
}
