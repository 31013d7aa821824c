/**
 * URLs whose percent-encoding does not decode, as Express meets them: the router fails to decode
 * a route parameter (a `URIError` with status 400, whose message echoes the raw value), or no
 * route matched the path at all. Both are answered with `badUrlProblem()`, as Fastify's
 * `frameworkErrors` answers `FST_ERR_BAD_URL`, so the same request gets the same answer.
 */
import type { Request } from 'express'
import { guarded, isError, readProperty } from '../guarded.js'
import { pathOf } from '../render.js'
import { badUrlProblem } from '../request-errors.js'

/** `thrown`, or the bad-URL problem when it is the router's failure to decode a parameter. */
export function badUrlOr(thrown: unknown): unknown {
  return isError(thrown) && thrown instanceof URIError && readProperty(thrown, 'status') === 400 ? badUrlProblem() : thrown
}

/** True when the request path's percent-encoding does not decode. */
export function hasUndecodablePath(request: Request): boolean {
  return guarded(() => decodeURIComponent(pathOf(request.originalUrl))) === undefined
}
