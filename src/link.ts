/**
 * `Link: <uri>; rel="blocked-by"` on a 451 (RFC 7725 4). The URI is user data, so it is
 * percent-encoded into a URI reference first: a `>` inside it would otherwise close the target
 * early, and whatever followed (`; rel="preload"`, `, <https://b.example>`) would become a second
 * link or another relation (RFC 8288 3). Encoding keeps a valid `%XX` as it is.
 */
import { encodeUriReference } from './uri.js'
import { invalidOption } from './usage-error.js'

/**
 * The one `Link` value that names who blocks the resource.
 *
 * @example
 * blockedByLinkValue('https://a.example/x>; rel="preload') // '<https://a.example/x%3E;%20rel=%22preload>; rel="blocked-by"'
 */
export function blockedByLinkValue(uri: string, option = 'blockedBy'): string {
  if (typeof uri !== 'string' || uri === '') invalidOption(option, 'a non-empty URI', uri)
  return `<${encodeUriReference(uri)}>; rel="blocked-by"`
}
