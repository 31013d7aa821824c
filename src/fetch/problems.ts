/**
 * `problems()` for Web-standard runtimes: wiring only. It checks the options once and returns
 * the function that answers a `Request` with a problem `Response`, and the Hono hooks.
 */
import { configureCorrelationHeader } from '../correlation.js'
import { honoHooks, type HonoProblemHooks } from './hono.js'
import type { HonoRoutes } from './hono-routes.js'
import { resolveLoggedOptions, type LoggedProblemsOptions } from '../logger-option.js'
import { intlImported } from '../i18n/intl-imported.js'
import { useIntlModules } from '../i18n/intl-modules.js'
import { respondWithProblem, type ProblemResponseContext } from './problem-response.js'

/** What `problems()` from `http-problems/fetch` returns. */
export interface FetchProblems {
  /**
   * The problem `Response` for anything thrown while answering `request`: status, headers and
   * body bytes as the Fastify and Express adapters send them. Logged once through the `logger`
   * option. Never throws.
   *
   * @example
   * export default {
   *   async fetch(request: Request): Promise<Response> {
   *     try {
   *       return await route(request)
   *     } catch (error) {
   *       return problemResponse(error, request)
   *     }
   *   },
   * }
   */
  problemResponse(thrown: unknown, request: Request, context?: ProblemResponseContext): Response
  /**
   * The hooks for a Hono app: `app.onError(onError)` and `app.notFound(notFound)`, and `fetch`
   * to serve in place of `app.fetch` (Hono passes only `Error`s to `onError`). `notFound`
   * answers 405 with `Allow` from Hono's router when the path has routes for other methods
   * (routes made with `app.all()` do not count: see the README).
   *
   * @example
   * const app = new Hono()
   * app.get('/users/:id', (c) => c.json(findUser(c.req.param('id'))))
   * const { onError, notFound, fetch } = problems().hono(app)
   * app.onError(onError)
   * app.notFound(notFound)
   * export default { fetch }
   */
  hono(app: HonoRoutes): HonoProblemHooks
}

/**
 * The http-problems adapter for Web-standard `Request`/`Response` runtimes (Hono, Bun, Deno,
 * Cloudflare Workers, Next.js route handlers): every error becomes an RFC 9457 problem
 * response, byte for byte what the Fastify plugin sends. Uses no Node API. Bad options throw
 * `ERR_HTTP_PROBLEMS_INVALID_OPTION` here, not at the first error.
 *
 * @example
 * import { Hono } from 'hono'
 * import { NotFound } from 'http-problems'
 * import { problems } from 'http-problems/fetch'
 *
 * const app = new Hono()
 * app.get('/users/:id', () => { throw new NotFound('No such user') })
 * const { onError, notFound, fetch } = problems({ typeBaseUrl: 'https://errors.example.com' }).hono(app)
 * app.onError(onError)
 * app.notFound(notFound)
 * export default { fetch }
 */
export function problems(options?: LoggedProblemsOptions): FetchProblems {
  useIntlModules(intlImported)
  const resolved = resolveLoggedOptions(options)
  configureCorrelationHeader(resolved.render.correlationIdHeader)
  return {
    problemResponse(thrown, request, context = {}) {
      // A copy: the caller's headers are theirs.
      const headers = new Headers(context.replyHeaders)
      return respondWithProblem(resolved, thrown, request, headers, allowOf, context)
    },
    hono: (app) => honoHooks(resolved, app),
  }
}

/** The methods the caller of `problemResponse` gave for a 405's `Allow`. */
function allowOf(context: ProblemResponseContext): readonly string[] | undefined {
  return context.allow
}
