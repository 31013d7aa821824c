/**
 * The methods a request path is served with, read from a Hono app's own router, for the 405 and
 * its `Allow`. Each method that has a route is asked of `app.router.match(method, path)`, the
 * very matcher Hono dispatches with (any of its routers: parameters, wildcards, regular
 * expressions and `basePath` match exactly as Hono matches them). Hono stores every handler as
 * `[handler, route]`, so a match says which route answered and for which method.
 *
 * What it cannot tell: routes made with `app.all()` or `app.use()` are stored under the method
 * `ALL`, the same for a middleware as for a handler, so they never count as serving a method;
 * nor do apps of other frameworks mounted with `app.mount()`, whose routes Hono never sees.
 */
import { servedMethods } from '../served-methods.js'

/** The part of a Hono app read here (structural: the entry point imports nothing from Hono). */
export interface HonoRoutes {
  /** Every route, in registration order (`app.routes`). */
  readonly routes: readonly { readonly method: string }[]
  /** The app's router (`app.router`). */
  readonly router: { match(method: string, path: string): unknown }
  /** The app's entry point (`app.fetch`), which `hooks.fetch` wraps. */
  readonly fetch: (request: Request, ...rest: never[]) => Response | Promise<Response>
}

/** Hono's method name for routes that answer any method (and for middleware). */
const ANY_METHOD = 'ALL'

/**
 * The methods `path` has a route for, sorted like the other adapters' (`HEAD` with `GET`, which
 * Hono answers with the GET handler). Never throws: a router that fails gives none.
 */
export function honoAllowedMethods(app: HonoRoutes, path: string): string[] {
  const allowed = new Set<string>()
  for (const method of routedMethods(app)) {
    if (routeMatches(app, method, path)) allowed.add(method)
  }
  if (allowed.has('GET')) allowed.add('HEAD')
  return servedMethods([...allowed].sort())
}

function routedMethods(app: HonoRoutes): Set<string> {
  const methods = new Set<string>()
  for (const route of app.routes) if (route.method !== ANY_METHOD) methods.add(route.method)
  return methods
}

/** True when a route registered for `method` itself (not an `ALL` one) matches `path`. */
function routeMatches(app: HonoRoutes, method: string, path: string): boolean {
  let result: unknown
  try {
    result = app.router.match(method, path)
  } catch {
    return false
  }
  const matches: unknown = Array.isArray(result) ? result[0] : undefined
  if (!Array.isArray(matches)) return false
  return matches.some((match) => routeOf(match)?.method === method)
}

/** The route of one match, `[[handler, route], params]`. */
function routeOf(match: unknown): { method?: unknown } | undefined {
  const stored: unknown = Array.isArray(match) ? match[0] : undefined
  const route: unknown = Array.isArray(stored) ? stored[1] : undefined
  return typeof route === 'object' && route !== null ? (route as { method?: unknown }) : undefined
}
