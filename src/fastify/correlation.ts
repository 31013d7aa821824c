/**
 * The correlation id, configured once by the plugin's `correlationIdHeader`: `request.correlationId`
 * (a getter, so a request that never reads it costs nothing) and a `correlationId` binding on the
 * request's child logger, beside Fastify's own `reqId`, so every log line of the request carries it.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify'
import { configureCorrelationHeader } from '../correlation.js'
import { markCorrelationBound, requestCorrelationId } from '../request-correlation.js'
import type { ResolvedOptions } from './options.js'

type ChildLoggerFactory = FastifyInstance['childLoggerFactory']
type Bindings = Parameters<ChildLoggerFactory>[1]

/** Decorates `request.correlationId` and binds the id into each request's logger. */
export function installCorrelation(fastify: FastifyInstance, options: ResolvedOptions): void {
  const header = options.render.correlationIdHeader
  configureCorrelationHeader(header)
  fastify.decorateRequest('correlationId', {
    getter(this: FastifyRequest): string {
      return requestCorrelationId(this.raw, header, options.tracing)
    },
  })
  // Without a logger there is no line to bind the id to: Fastify then skips the child logger
  // entirely, and a factory of ours would only add work to every request.
  if (hasLogger(fastify.log)) {
    fastify.setChildLoggerFactory(bindingCorrelationId(fastify.childLoggerFactory, header, options))
  }
}

/** Fastify's logger when none is configured returns itself as every child. */
function hasLogger(log: FastifyBaseLogger): boolean {
  return log.child({}) !== log
}

/**
 * Wraps the factory already in place (Fastify's, or the app's own `childLoggerFactory`), adding
 * the `correlationId` binding to the ones Fastify passes (its `reqId` stays).
 */
function bindingCorrelationId(inner: ChildLoggerFactory, header: string, options: ResolvedOptions): ChildLoggerFactory {
  return function correlatedChildLogger(this: FastifyInstance, logger, bindings, childOptions, rawRequest) {
    const correlationId = requestCorrelationId(rawRequest, header, options.tracing)
    const child = inner.call(this, logger, withCorrelationId(bindings, correlationId), childOptions, rawRequest)
    markCorrelationBound(child)
    return child
  }
}

/**
 * A copy of `bindings` with `correlationId` added, the caller's object left as it was. Made with
 * `Object.assign`, not a spread: pino reads the bindings with `for...in`, which took about 2 µs
 * longer per request on the spread's result than on this copy, on every request of a logged app
 * (BENCHMARKS.md, "The success path with pino").
 */
function withCorrelationId(bindings: Bindings, correlationId: string): Bindings {
  const all: Bindings = Object.assign({}, bindings)
  all.correlationId = correlationId
  return all
}
