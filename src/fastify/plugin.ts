/**
 * The Fastify plugin: wiring only. It installs the error handler, the not-found handler and the
 * reply helpers for the whole app (fastify-plugin skips encapsulation); each concern lives in
 * its own file beside this one.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import { loadLocalizedSchemaMessages } from '../i18n/localization.js'
import { loadTracing } from '../tracing.js'
import { UsageError } from '../usage-error.js'
import { installCorrelation } from './correlation.js'
import { rememberOptions } from './instance-options.js'
import { serveDocs } from './docs.js'
import { notFoundHandler } from './not-found.js'
import { documentProblemResponses } from './openapi.js'
import { resolveOptions, type ProblemsOptions } from './options.js'
import { accepted, created, problemReplier } from './reply-helpers.js'
import './reply-types.js'
import './request-types.js'
import { sendProblem } from './send-problem.js'

// Async, so that a misuse thrown here rejects `register()` / `ready()` instead of escaping avvio.
const registerProblems: FastifyPluginAsync<ProblemsOptions> = async (fastify, rawOptions) => {
  if (fastify.hasReplyDecorator('problem')) {
    throw new UsageError(
      'ERR_HTTP_PROBLEMS_ALREADY_REGISTERED',
      'http-problems: the plugin is already registered (or another plugin decorated reply.problem); register it once, at the root',
    )
  }
  const options = resolveOptions(rawOptions)
  // OpenTelemetry is an optional peer: imported here, once per process, and only if installed.
  options.tracing = await loadTracing()
  // Fastify validates with Ajv: its schema messages follow the localization, from ajv-i18n.
  await loadLocalizedSchemaMessages(options.render.localization)
  installCorrelation(fastify, options)
  rememberOptions(fastify, options)

  fastify.decorateReply('problem', problemReplier(options))
  fastify.decorateReply('created', created)
  fastify.decorateReply('accepted', accepted)

  // Returns nothing: the answer is already sent. Returning the reply (a thenable) would make
  // Fastify wait on it through promise jobs, on every error, for no effect.
  fastify.setErrorHandler(function problemErrorHandler(error, request, reply): void {
    sendProblem(options, error, request, reply)
  })

  if (options.notFound) setNotFound(fastify)
  if (options.openapi) documentProblemResponses(fastify, options.render)
  if (options.docs !== undefined) serveDocs(fastify, options.docs)
}

function setNotFound(fastify: FastifyInstance): void {
  try {
    fastify.setNotFoundHandler(notFoundHandler)
  } catch {
    // Fastify allows one not-found handler per prefix; say how to keep both instead of its generic error.
    throw new UsageError(
      'ERR_HTTP_PROBLEMS_INVALID_OPTION',
      'http-problems: a not-found handler is already set at the root; register with { notFound: false } and use notFoundHandler in yours',
    )
  }
}

/**
 * The http-problems Fastify plugin: every error becomes an RFC 9457 problem response with the
 * headers the standards require and a correlation id.
 *
 * @example
 * import Fastify from 'fastify'
 * import problems, { NotFound } from 'http-problems'
 *
 * const app = Fastify({ logger: true })
 * await app.register(problems, { typeBaseUrl: 'https://errors.example.com' })
 * app.get('/users/:id', async () => { throw new NotFound('No such user') })
 */
export const httpProblems = fp(registerProblems, { name: 'http-problems', fastify: '5.x' })
