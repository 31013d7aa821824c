/**
 * `ProblemFilter`: wiring only. A NestJS exception filter that answers every exception of an
 * HTTP request through the adapter of the platform Nest runs on (`@nestjs/platform-express` or
 * `@nestjs/platform-fastify`), so the bytes are the ones the plain Express middleware and Fastify
 * plugin send. Nothing is imported from `@nestjs/*`: the filter is a plain class Nest calls.
 */
import type { Request, Response } from 'express'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { configureCorrelationHeader } from '../correlation.js'
import { unmatchedRouteProblem as expressUnmatchedRoute } from '../express/not-found.js'
import type { ResolvedExpressOptions } from '../express/options.js'
import { sendProblem as sendExpressProblem } from '../express/send-problem.js'
import { unmatchedRouteProblem as fastifyUnmatchedRoute } from '../fastify/not-found.js'
import type { ResolvedOptions as ResolvedFastifyOptions } from '../fastify/options.js'
import { sendProblem as sendFastifyProblem } from '../fastify/send-problem.js'
import { readProperty as read } from '../guarded.js'
import type { ProblemLogger } from '../log-problem.js'
import { resolveNestOptions, type NestProblemsOptions } from './options.js'
import { isUnmatchedRoute } from './unmatched-route.js'

/**
 * The part of Nest's `ArgumentsHost` the filter uses; Nest's own `ArgumentsHost` fits it.
 */
export interface ProblemFilterHost {
  /** `'http'` for a request; other contexts (`'rpc'`, `'ws'`) are not answered. */
  getType(): string
  /** The platform's request and response (Express `req`/`res`, or Fastify's request and reply). */
  switchToHttp(): { getRequest(): unknown; getResponse(): unknown }
}

/**
 * A NestJS exception filter that answers every exception with an RFC 9457 problem: the bytes the
 * Express middleware and the Fastify plugin send, on either platform. It reads Nest's
 * `HttpException` family (status, response message or `error` as the 4xx `detail`, `errorCode`),
 * `ValidationPipe` failures (`errors[]` with JSON pointers from class-validator's tree), and
 * Nest's answer to an unknown route (404, or 405 with `Allow`); everything else goes through the
 * same normalization as in the other adapters (a crash is a 500 that shows nothing internal).
 * Bad options throw `ERR_HTTP_PROBLEMS_INVALID_OPTION` here, not at the first error. Use it
 * globally (`app.useGlobalFilters`) or on a controller (`@UseFilters(ProblemFilter)`); it is for
 * HTTP only: in another context (`rpc`, `ws`) it throws the exception on.
 *
 * @example
 * import { NestFactory } from '@nestjs/core'
 * import { ValidationPipe } from '@nestjs/common'
 * import { ProblemFilter } from 'http-problems/nestjs'
 *
 * const app = await NestFactory.create(AppModule)
 * app.useGlobalPipes(new ValidationPipe({ exceptionFactory: (errors) => errors }))
 * app.useGlobalFilters(new ProblemFilter({ typeBaseUrl: 'https://errors.example.com' }))
 * await app.listen(3000)
 */
export class ProblemFilter {
  readonly #express: ResolvedExpressOptions
  readonly #fastify: ResolvedFastifyOptions

  constructor(options?: NestProblemsOptions) {
    const resolved = resolveNestOptions(options)
    configureCorrelationHeader(resolved.render.correlationIdHeader)
    this.#express = { ...resolved, docs: undefined }
    // Stryker disable next-line BooleanLiteral: sendProblem reads neither notFound nor openapi (the plugin's registration does); they only complete the type
    this.#fastify = { ...resolved, notFound: false, onProblem: undefined, openapi: false, docs: undefined, tracing: undefined }
  }

  /**
   * Answers `exception`, thrown while Nest handled the request of `host`. Nest calls it.
   *
   * @example
   * new ProblemFilter().catch(new NotFoundException(), host) // what Nest does for you
   */
  catch(exception: unknown, host: ProblemFilterHost): void {
    if (host.getType() !== 'http') throw exception
    const http = host.switchToHttp()
    const request = http.getRequest()
    const response = http.getResponse()
    if (isFastifyReply(response)) this.#answerFastify(exception, request as FastifyRequest, response)
    else this.#answerExpress(exception, request as Request, response as Response)
  }

  #answerExpress(exception: unknown, request: Request, response: Response): void {
    // The answer has begun (a stream that broke): it cannot become a problem, so it is cut off
    // rather than left hanging, as Express's own handler does.
    if (response.headersSent) {
      response.destroy()
      return
    }
    const thrown = isUnmatchedRoute(exception, request.method, request.originalUrl) ? expressUnmatchedRoute(request) : exception
    sendExpressProblem(this.#express, thrown, request, response)
  }

  #answerFastify(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const raw = request.raw as { method?: string; url?: string; originalUrl?: string }
    const thrown = isUnmatchedRoute(exception, raw.method, raw.originalUrl ?? raw.url) ? fastifyUnmatchedRoute(request) : exception
    sendFastifyProblem(this.#fastify, thrown, withLogger(request, this.#express.logger), reply)
  }
}

/** Fastify's reply: the Node response as `raw`, and Fastify's `code` and `send`. */
function isFastifyReply(response: unknown): response is FastifyReply {
  // `read` answers undefined for anything but an object: a `raw` that is none has no `setHeader`.
  return typeof read(read(response, 'raw'), 'setHeader') === 'function' && typeof read(response, 'code') === 'function'
}

/**
 * The request, seen with the filter's `logger` as `request.log` when Fastify has none of its own
 * (its no-op logger returns itself as every child). Everything else is the request's own: the
 * view inherits from it, and Fastify's getters read through `this`.
 */
function withLogger(request: FastifyRequest, logger: ProblemLogger | undefined): FastifyRequest {
  const log = request.log
  // Equivalent, not marked: `logger === undefined` made `false` gives a no-op Fastify logger's request
  // a view whose `log` is undefined, and sendProblem logs nothing with either (logProblem and
  // reportRuleFault take an undefined logger). A mark would hide this line's killable `true` mutant.
  if (logger === undefined || log.child({}) !== log) return request
  return Object.create(request, { log: { value: logger } }) as FastifyRequest
}
