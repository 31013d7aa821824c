/**
 * `problems()` for Koa: wiring only. It checks the options once and returns the middleware to
 * mount first; each concern lives in its own file beside this one.
 */
import type { Context, Middleware, Next } from 'koa'
import { configureCorrelationHeader } from '../correlation.js'
import { unmatchedProblem } from '../unmatched-route.js'
import { matchedMethods } from './allowed-methods.js'
import { resolveLoggedOptions, type LoggedProblemsOptions } from '../logger-option.js'
import { intlOnDemand } from '../i18n/intl-on-demand.js'
import { useIntlModules } from '../i18n/intl-modules.js'
import { sendProblem } from './send-problem.js'

/**
 * The http-problems middleware for Koa: mount it first. Anything thrown downstream (`ctx.throw`,
 * `ctx.assert`, http-errors, our problem classes, anything else) becomes an RFC 9457 problem
 * response, byte for byte what the Fastify plugin sends; a request no middleware answered (Koa's
 * 404 fall-through) becomes the 404 problem, or a 405 with `Allow` when @koa/router has routes
 * for its path with other methods, in place of `router.allowedMethods()`. Bad options throw
 * `ERR_HTTP_PROBLEMS_INVALID_OPTION` here, not at the first error.
 *
 * @example
 * import Koa from 'koa'
 * import Router from '@koa/router'
 * import { problems } from 'http-problems/koa'
 *
 * const app = new Koa()
 * const router = new Router()
 * router.get('/users/:id', (ctx) => ctx.throw(404, 'No such user'))
 * app.use(problems({ typeBaseUrl: 'https://errors.example.com' }))
 * app.use(router.routes())
 */
export function problems(options?: LoggedProblemsOptions): Middleware {
  useIntlModules(intlOnDemand)
  const resolved = resolveLoggedOptions(options)
  configureCorrelationHeader(resolved.render.correlationIdHeader)

  return async function problemMiddleware(context: Context, next: Next): Promise<void> {
    try {
      await next()
    } catch (error) {
      // Once the answer has started it cannot become a problem; Koa's own handler closes it. A
      // client that left (nothing sent, the socket gone) is still answered here: the line is
      // logged (499 with the client-closed rule) and nothing is written.
      if (context.headerSent) throw error
      sendProblem(resolved, error, context)
      return
    }
    if (unanswered(context)) sendProblem(resolved, unmatchedProblem(context.method, matchedMethods(context)), context)
  }
}

/** Koa's fall-through: still the 404 it starts with, no body, nothing written. */
function unanswered(context: Context): boolean {
  return context.status === 404 && context.body == null && !context.headerSent && context.respond !== false
}
