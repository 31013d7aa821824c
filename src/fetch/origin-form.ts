/**
 * A Web `Request`'s `url` is always absolute (`http://host:8080/users/42?x=1`), while `instance`
 * is made from the path. Given the absolute form, the core would take its way for requests through
 * a proxy on every answer (the scheme and authority stripped, then the path percent-encoded
 * again); given the origin form, a path the URL parser already encoded passes the core's one
 * plain-path check as it is. The same `instance` either way (test/fetch/origin-form.test.ts).
 */

/** RFC 3986 3.1 and 3.2: a scheme, `://`, then an authority, which ends at the first '/', '?' or '#'. */
const SCHEME_AND_AUTHORITY = /^[^:/?#]+:\/\/[^/?#]*/

/**
 * The origin form (path, then query and fragment) of an absolute `url`: everything from the first
 * `/` after the authority, or `/` when the path is empty. A `url` without `://` (`about:blank`)
 * is returned as it is, for the core to read.
 *
 * @example
 * originForm('http://127.0.0.1:3000/users/42?token=x') // '/users/42?token=x'
 * originForm('http://example.com?q=/a')                // '/'
 */
export function originForm(url: string): string {
  const schemeAndAuthority = SCHEME_AND_AUTHORITY.exec(url)
  if (schemeAndAuthority === null) return url
  const rest = url.slice(schemeAndAuthority[0].length)
  // A '?' or '#' right after the authority: the path is empty, and instance never shows the rest.
  return rest.startsWith('/') ? rest : '/'
}
