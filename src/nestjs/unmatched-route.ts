/**
 * Requests no Nest route matched. Nest answers them by throwing, from its own not-found handler,
 * a `NotFoundException` whose message is `Cannot ${method} ${url}` (the url with its query
 * string, which must never reach the client). That exact exception, for this very request, is
 * answered as the plain adapters answer an unmatched route: 405 with `Allow` when the path is
 * served with other methods, else the bare 404.
 */
import { readProperty as read } from '../guarded.js'
import { isHttpException } from './http-exception.js'

/** True when `exception` is Nest's not-found answer to the request with `method` and `url`. */
export function isUnmatchedRoute(exception: unknown, method: unknown, url: unknown): boolean {
  // A request's method and URL are strings (Node's and Fastify's alike).
  return isHttpException(exception) && read(exception, 'status') === 404 && read(exception, 'message') === `Cannot ${String(method)} ${String(url)}`
}
