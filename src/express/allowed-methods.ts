/**
 * The methods a concrete request path is served with, read from the app's router (Express 5 uses
 * the `router` package): every route layer whose path matches, including routes of routers
 * mounted with `app.use(path, router)`, at any depth. Used for the automatic 405 and its `Allow`.
 *
 * Matching uses each layer's own matchers, built by the router with the app's `case sensitive
 * routing` and `strict routing` settings, so parameters (`/users/:id`), wildcards (`/*splat`),
 * optional segments, arrays of paths and regular expressions match exactly as Express matches
 * them. The matchers are pure functions; `layer.match` is not called because older `router`
 * 2.x releases store the match on the shared layer.
 *
 * Express sub-apps (`app.use(path, subApp)`) are wrapped in a closure that hides them from the
 * parent's router, so their routes are seen only while the request is inside the sub-app (its
 * own `notFound`, or an error it raises and handles itself), and only when every mount path on
 * the way is a literal path. Routes that a middleware serves by hand are never seen.
 */
import { METHODS } from 'node:http'
import type { Request } from 'express'
import { pathOf } from '../render.js'
import { servedMethods } from '../served-methods.js'

/** Nested routers and apps deeper than this are not followed, so a router mounted inside itself ends. */
const MAX_DEPTH = 32

/** A mount path that is a plain prefix: no parameters, wildcards or patterns. */
const LITERAL_MOUNT_PATH = /^\/[A-Za-z0-9._~%/-]*$/

interface RouterLike {
  stack: readonly unknown[]
}

/**
 * Methods with a route for `request`'s path, sorted like the Fastify adapter's, so `Allow` is the
 * same in every service. A route made with `router.all()` allows every method Node knows. A path
 * routed for OPTIONS alone (a CORS catch-all) has none: it is unknown (see `servedMethods`).
 */
export function allowedMethods(request: Request): string[] {
  const path = routingPath(request.originalUrl)
  const allowed = new Set<string>()
  // `req.app` is the innermost app the request is in; each app knows its `parent`, and each
  // router sees the part of the path below the app's mount point.
  let app: unknown = request.app
  for (let level = 0; isObject(app) && level < MAX_DEPTH; level++) {
    const prefix = mountPrefix(app)
    // Stryker disable next-line ConditionalExpression: remainder(path, undefined) is undefined as well for every path Node lets through (it starts with '/', or is '*'), none of which starts with the text 'undefined'
    const rest = prefix === undefined ? undefined : remainder(path, prefix)
    if (rest !== undefined && isRouter(app.router)) collect(app.router, rest, allowed, 0)
    app = app.parent
  }
  return servedMethods([...allowed].sort())
}

/** Where `app` is mounted from the root, as a literal prefix (`''` for the root), or `undefined`. */
function mountPrefix(app: Record<string, unknown>): string | undefined {
  let prefix = ''
  let current: Record<string, unknown> = app
  for (let level = 0; isObject(current.parent); level++) {
    const mountpath = current.mountpath
    if (level === MAX_DEPTH || typeof mountpath !== 'string' || !LITERAL_MOUNT_PATH.test(mountpath)) return undefined
    prefix = mountpath.replace(/\/+$/, '') + prefix
    current = current.parent
  }
  return prefix
}

/** The path Express routes on: the pathname, still percent-encoded, as `parseurl` gives it. */
function routingPath(url: string): string {
  const path = pathOf(url)
  // Stryker disable next-line ConditionalExpression: a shortcut; a path that starts with '/' has no scheme, so URL.canParse refuses it and the path comes back as it is
  if (path.startsWith('/')) return path
  // An absolute-form request target (`GET http://host/path`), as a proxy would send it.
  return URL.canParse(path) ? new URL(path).pathname : path
}

function collect(router: RouterLike, path: string, allowed: Set<string>, depth: number): void {
  for (const layer of router.stack) {
    if (!isObject(layer)) continue
    const matched = matchedPath(layer, path)
    if (matched === undefined) continue
    if (isObject(layer.route)) {
      addRouteMethods(layer.route, allowed)
    } else if (isRouter(layer.handle) && depth < MAX_DEPTH) {
      const rest = remainder(path, matched)
      if (rest !== undefined) collect(layer.handle, rest, allowed, depth + 1)
    }
  }
}

/** The part of `path` the layer matches, or `undefined` when it does not match. */
function matchedPath(layer: Record<string, unknown>, path: string): string | undefined {
  // `router.use(fn)` mounts at '/', which the router matches without a matcher: anything goes.
  if (layer.slash === true) return ''
  // Stryker disable next-line ArrayDeclaration: a stand-in list of non-functions is skipped by the loop below, as the empty list is
  const matchers = Array.isArray(layer.matchers) ? layer.matchers : []
  for (const matcher of matchers) {
    // Stryker disable next-line ConditionalExpression: a shortcut; calling a non-function throws inside the try below, which skips the matcher as well
    if (typeof matcher !== 'function') continue
    try {
      const match: unknown = matcher(path)
      if (isObject(match) && typeof match.path === 'string') return match.path
    } catch {
      // A parameter that cannot be percent-decoded: Express answers such a request with a 400
      // of its own, so for the methods question the layer simply does not match.
    }
  }
  return undefined
}

/**
 * The path a mounted router sees, as the router's own `trimPrefix` computes it: the prefix must
 * end at a segment boundary, and the rest always starts with '/'.
 */
function remainder(path: string, prefix: string): string | undefined {
  if (prefix === '') return path
  if (!path.startsWith(prefix)) return undefined
  const next = path[prefix.length]
  if (next !== undefined && next !== '/') return undefined
  const rest = path.slice(prefix.length)
  return rest.startsWith('/') ? rest : `/${rest}`
}

function addRouteMethods(route: Record<string, unknown>, allowed: Set<string>): void {
  const methods = route.methods
  if (!isObject(methods)) return
  for (const name of Object.keys(methods)) {
    if (methods[name] !== true) continue
    // `.all()` records `_all`: the route answers any method.
    const names = name === '_all' ? METHODS : [name.toUpperCase()]
    for (const method of names) allowed.add(method)
  }
  // Express answers HEAD with the GET handler, as Fastify does with `exposeHeadRoutes`.
  if (methods.get === true) allowed.add('HEAD')
}

function isRouter(value: unknown): value is RouterLike {
  return typeof value === 'function' && Array.isArray((value as unknown as RouterLike).stack)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
}
