/**
 * The `instance` member: the request's path, as a path-absolute URI reference (RFC 3986 4.2).
 *
 * Why the path: it names the resource the failed request was about, which is what a client and
 * an operator need to tell one occurrence's context from another's, while the query string (where
 * tokens, e-mail addresses and search terms live) and the fragment are never echoed. It is made
 * safe for any client to resolve against the request URL: a path that starts with `//` would be a
 * network-path reference to another host (`//evil.example/phish`), so leading slashes are
 * collapsed into one, and characters a URI may not hold (`| { } ^ \ \`` spaces, non-ASCII) are
 * percent-encoded, keeping a valid `%XX` as it is.
 */
import { encodePath } from './uri.js'

/**
 * The request path of `url`: everything before the first `?` or `#`. Used to match routes as
 * well as for `instance`.
 *
 * @example
 * pathOf('/users/42?token=secret') // '/users/42'
 */
export function pathOf(url: string): string {
  // Two indexOf scans cost less than one regular expression search on the per-error path.
  const query = url.indexOf('?')
  const fragment = url.indexOf('#')
  const end = query === -1 ? fragment : fragment === -1 ? query : Math.min(query, fragment)
  return end === -1 ? url : url.slice(0, end)
}

/** A path that needs no work: one leading `/`, then only characters a path may hold as they are. */
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/
/** Where an absolute-form request target (`http://host/path`) has its path. */
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/

/**
 * `instance` for a request `url`: a path-absolute URI reference of at most `maxLength`
 * characters (a `%XX` is never cut in half), without the query string or the fragment.
 *
 * @example
 * instanceOf('//evil.example/a b?token=secret', 2048) // '/evil.example/a%20b'
 */
export function instanceOf(url: string, maxLength: number): string {
  const path = pathOf(url)
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the general path below gives a plain path of up to maxLength characters back unchanged
  if (path.length <= maxLength && PLAIN_PATH.test(path)) return path
  // An absolute-form target (a request through a proxy) keeps only its path; `*` has none.
  const local = path.replace(ABSOLUTE_FORM, '')
  return cut(`/${encodePath(local.replace(/^\/+/, ''))}`, maxLength)
}

/** At most `maxLength` characters, never ending inside a `%XX`. */
function cut(path: string, maxLength: number): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; every % of an encoded path starts a whole %XX, so within maxLength none is cut
  if (path.length <= maxLength) return path
  const end = path.lastIndexOf('%', maxLength - 1)
  return path.slice(0, end !== -1 && end > maxLength - 3 ? end : maxLength)
}
