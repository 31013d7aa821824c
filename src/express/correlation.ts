/**
 * The correlation id for Express, configured once by `problems()`'s `correlationIdHeader`: the
 * `correlation` middleware puts it on `req.correlationId` and binds it into pino-http's request
 * logger, so a route's own `req.log` lines carry it, not only the problem's line.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { markCorrelationBound, requestCorrelationId } from '../request-correlation.js'
import { isProblemLogger } from '../logger-option.js'
import './request-types.js'

/** The middleware that picks the request's correlation id; mount it first (after pino-http, if any). */
export function correlationMiddleware(header: string): RequestHandler {
  return function problemCorrelation(request: Request, response: Response, next: NextFunction): void {
    const correlationId = requestCorrelationId(request, header, undefined)
    request.correlationId = correlationId
    bindCorrelationId(request, response, correlationId)
    next()
  }
}

/**
 * pino-http gives the request and the response the same child logger; both get one more child
 * with the id, so lines logged through either carry it.
 */
function bindCorrelationId(request: Request, response: Response, correlationId: string): void {
  const holders = [request, response] as unknown as { log?: unknown }[]
  const bound = new Map<unknown, unknown>()
  for (const holder of holders) {
    const log = holder.log
    if (!isProblemLogger(log) || typeof (log as { child?: unknown }).child !== 'function') continue
    if (!bound.has(log)) {
      const child = (log as unknown as { child(bindings: object): object }).child({ correlationId })
      markCorrelationBound(child)
      bound.set(log, child)
    }
    holder.log = bound.get(log)
  }
}
