/**
 * The methods a concrete request path is served with, from Fastify's own router
 * (`findRoute` over `supportedMethods`), so parametric and wildcard routes match exactly as
 * Fastify would match them. Used for the automatic 405 and its `Allow` header.
 */
import type { FastifyRequest } from 'fastify'
import { pathOf } from '../render.js'
import { servedMethods } from '../served-methods.js'

/**
 * Methods with a route for `request`'s path, sorted, so `Allow` is the same in every service.
 * Routes with `version` or `host` constraints count when the request satisfies them. A path
 * routed for OPTIONS alone (a CORS catch-all) has none: it is unknown (see `servedMethods`).
 */
export function allowedMethods(request: FastifyRequest): string[] {
  const fastify = request.server
  const url = pathOf(request.url)
  const lookups = constraintSets(request)
  const allowed: string[] = []
  for (const method of fastify.supportedMethods) {
    const found = lookups.some((constraints) =>
      // Stryker disable next-line ConditionalExpression: findRoute reads `constraints: undefined` as no constraints, the same lookup
      fastify.findRoute(constraints === undefined ? { method, url } : { method, url, constraints }),
    )
    if (found) allowed.push(method)
  }
  return servedMethods(allowed.sort())
}

/**
 * `findRoute` without constraints finds unconstrained routes only, and with constraints it wants
 * every given one to be met; so try none, each, and all of the request's own constraint values.
 */
function constraintSets(request: FastifyRequest): (Record<string, string> | undefined)[] {
  const host = request.headers.host
  const version = request.headers['accept-version']
  const sets: (Record<string, string> | undefined)[] = [undefined]
  // Each guard only spares a lookup: find-my-way reads a constraint whose value is undefined as
  // not given, so a set pushed without its value repeats one the list already has.
  // Stryker disable next-line ConditionalExpression: without a Host, `{ host: undefined }` is the lookup without constraints again
  if (typeof host === 'string') sets.push({ host })
  // Stryker disable next-line ConditionalExpression: without Accept-Version, `{ version: undefined }` is the lookup without constraints again
  if (typeof version === 'string') sets.push({ version })
  // Stryker disable next-line ConditionalExpression,LogicalOperator: with either value undefined the set is `{ host }`, `{ version }` or none again
  if (typeof host === 'string' && typeof version === 'string') sets.push({ host, version })
  return sets
}
