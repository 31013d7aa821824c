/**
 * Hono's two hooks, `app.onError` and `app.notFound`, over `respondWithProblem`. Typed
 * structurally, so the entry point imports nothing from Hono and Hono stays an optional peer.
 */
import { guarded } from '../guarded.js'
import { unmatchedProblem } from '../unmatched-route.js'
import { honoAllowedMethods, type HonoRoutes } from './hono-routes.js'
import type { ResolvedLoggedOptions } from '../logger-option.js'
import { respondWithProblem } from './problem-response.js'
import { writableHeaders } from './web-headers.js'

/** The part of Hono's `Context` the hooks read. */
export interface HonoContextLike {
  readonly req: { readonly raw: Request; readonly path: string }
  readonly res: Response
}

/** What `problems().hono(app)` returns: pass each to the Hono method of the same name. */
export interface HonoProblemHooks {
  /** For `app.onError(onError)`: anything a handler or middleware throws becomes a problem. */
  onError: (error: unknown, context: HonoContextLike) => Response
  /**
   * For `app.notFound(notFound)`: a 405 with `Allow` when the path has routes for other methods
   * (given the app), else a 404.
   */
  notFound: (context: HonoContextLike) => Response
  /**
   * `app.fetch`, answering with a problem what Hono lets through: Hono hands `onError` only
   * `Error` instances and lets anything else thrown (a string, `null`, a plain object) reject
   * `app.fetch`. Serve this in its place (`export default { fetch }`, `serve({ fetch })`).
   */
  fetch: (request: Request, ...rest: unknown[]) => Promise<Response>
}

/** The hooks for `app`. */
export function honoHooks(options: ResolvedLoggedOptions, app: HonoRoutes): HonoProblemHooks {
  const allowedFor = (path: string) => honoAllowedMethods(app, path)
  return {
    async fetch(request, ...rest) {
      try {
        // The bindings and execution context go through untouched, whatever the runtime passes.
        return await app.fetch(request, ...(rest as never[]))
      } catch (thrown) {
        return respondWithProblem(options, thrown, request, new Headers(), noAllow, undefined)
      }
    },
    onError(error, context) {
      const headers = withExceptionHeaders(error, replyHeaders(context))
      // Asked of the router only for a 405 that names no methods: matching the path against each
      // method's routes is work no other answer needs. The path goes in, not Hono's context: with
      // the context reachable from the answer's closures, @hono/node-server under pipelined load
      // made 4 full collections per 40,000 answers instead of 1 (BENCHMARKS.md, `npm run bench:gc`).
      return respondWithProblem(options, error, context.req.raw, headers, allowedFor, context.req.path)
    },
    notFound(context) {
      const problem = unmatchedProblem(context.req.raw.method, allowedFor(context.req.path))
      return respondWithProblem(options, problem, context.req.raw, replyHeaders(context), noAllow, undefined)
    },
  }
}

// Stryker disable next-line BlockStatement: an empty body returns undefined too, the same answer
function noAllow(): undefined {
  return undefined
}

/**
 * The headers the context holds for the answer (what `c.header()` set). The answer is written into
 * them in place when there are any (see `respondWithProblem`): when a middleware ran, Hono copies
 * the context's headers onto the response a hook returns, and a header the problem removed (an
 * `ETag`, a `Content-Encoding`) must not come back that way.
 */
function replyHeaders(context: HonoContextLike): Headers {
  return guarded(() => context.res.headers) ?? new Headers()
}

/**
 * Hono's `HTTPException` may carry the response it stands for (`res`): its headers are the
 * answer's, as a header set on the reply would be (the `WWW-Authenticate` challenge of Hono's
 * `basicAuth`, say). The renderer then keeps the ones a problem may carry and drops the rest.
 * Returns the headers to answer on: `headers` itself, or a copy when they are immutable.
 */
function withExceptionHeaders(error: unknown, headers: Headers): Headers {
  const response = guarded(() => (error as { res?: unknown }).res)
  if (!(response instanceof Response)) return headers
  const target = writableHeaders(headers)
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') target.append(name, value)
    else target.set(name, value)
  }
  return target
}
