/**
 * The methods a request path is served with, as @koa/router knows them: every router that ran
 * for the request leaves the layers whose path matched in `ctx.matched` (routes of every method,
 * prefixes and nested routers included, matched by the router's own path-to-regexp). The
 * counterpart of `router.allowedMethods()`, which reads the same list.
 */
import { servedMethods } from '../served-methods.js'

/**
 * Methods with a route for the request's path, sorted like the other adapters'. Middleware layers
 * (`router.use`) have no methods and add none; GET routes bring HEAD, as @koa/router answers it.
 * Empty when no @koa/router router ran for the request.
 */
export function matchedMethods(context: object): string[] {
  const layers = (context as { matched?: unknown }).matched
  if (!Array.isArray(layers)) return []
  const allowed = new Set<string>()
  for (const layer of layers) {
    const methods: unknown = typeof layer === 'object' && layer !== null ? (layer as { methods?: unknown }).methods : undefined
    if (!Array.isArray(methods)) continue
    for (const method of methods) if (typeof method === 'string') allowed.add(method.toUpperCase())
  }
  return servedMethods([...allowed].sort())
}
