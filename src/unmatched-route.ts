/**
 * The answer to a request no route matched, the same in every adapter (the parity test holds
 * them together): a 405 with `Allow` when the path is served with other methods, else a 404.
 * Each adapter reads `allow` from its own router.
 */
import { MethodNotAllowed, NotFound } from './classes.js'
import type { HttpProblem } from './problem.js'

/** `MethodNotAllowed` when `allow` is non-empty and lacks `method`, else `NotFound`. */
export function unmatchedProblem(method: string, allow: readonly string[]): HttpProblem<404 | 405> {
  if (allow.length > 0 && !allow.includes(method)) {
    return new MethodNotAllowed({ allow: [...allow], detail: `The ${method} method is not supported by this resource.` })
  }
  return new NotFound()
}
