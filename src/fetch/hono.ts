/**
 * Hono's two hooks, `app.onError` and `app.notFound`, over `respondWithProblem`. Typed
 * structurally, so the entry point imports nothing from Hono and Hono stays an optional peer.
 */
import { guarded } from '../guarded.js'
import { unmatchedProblem } from '../unmatched-route.js'
import { honoAllowedMethods, type HonoRoutes } from './hono-routes.js'
import type { ResolvedFetchOptions } from './options.js'
import { respondWithProblem } from './problem-response.js'

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
  fetch: (request: Request, ...rest: never[]) => Promise<Response>
}

/** The hooks for `app`. */
export function honoHooks(options: ResolvedFetchOptions, app: HonoRoutes): HonoProblemHooks {
  const allowedFor = (context: HonoContextLike) => honoAllowedMethods(app, context.req.path)
  return {
    async fetch(request, ...rest) {
      try {
        return await app.fetch(request, ...rest)
      } catch (thrown) {
        return respondWithProblem(options, thrown, request, new Headers(), undefined)
      }
    },
    onError(error, context) {
      return respondWithProblem(options, error, context.req.raw, replyHeaders(context), allowedFor(context))
    },
    notFound(context) {
      const problem = unmatchedProblem(context.req.raw.method, allowedFor(context))
      return respondWithProblem(options, problem, context.req.raw, replyHeaders(context), undefined)
    },
  }
}

/**
 * The headers the context holds for the answer (what `c.header()` set). They are changed in place:
 * when a middleware ran, Hono copies the context's headers onto the response a hook returns, and
 * a header the problem removed (an `ETag`, a `Content-Encoding`) must not come back that way. A
 * response whose headers are immutable (one from `fetch()`) is answered on a copy.
 */
function replyHeaders(context: HonoContextLike): Headers {
  const headers = guarded(() => context.res.headers)
  if (headers === undefined) return new Headers()
  const probe = 'x-http-problems-probe'
  const writable = guarded(() => {
    headers.set(probe, '1')
    headers.delete(probe)
    return true
  })
  return writable === true ? headers : new Headers(headers)
}
