/**
 * The headers that carry a request's identity to the services it calls, so one id names the
 * request in every service's log and problem answer, and traces stay joined.
 */
import { configuredCorrelationHeader, traceIdFrom } from '../correlation.js'
import { readProperty } from '../guarded.js'
import { isValidHeaderName, isValidHeaderValue } from '../header-values.js'
import { requestCorrelationId, storedCorrelation, type RequestCorrelation } from '../request-correlation.js'
import { currentTracing } from '../tracing.js'
import { invalidOption } from '../usage-error.js'

/** An incoming request: Fastify's `request`, Express's `req`, or Node's `IncomingMessage`. */
export interface RequestLike {
  /** The request's headers, lower-case names as Node keeps them. */
  readonly headers: Record<string, string | string[] | undefined>
  /** Fastify's underlying Node request, whose headers object is the one the plugin reads. */
  readonly raw?: { readonly headers: RequestLike['headers'] }
}

/** Options of `correlationHeaders`. */
export interface CorrelationHeadersOptions {
  /**
   * Header that carries the correlation id, in and out. Default: the header the request's
   * adapter uses (the plugin's or `problems()`'s `correlationIdHeader`), else `'x-correlation-id'`.
   */
  correlationIdHeader?: string
}

/**
 * Headers to send on an outgoing call made while handling `request`: the correlation id, and
 * `traceparent` (with `tracestate`) when the request is traced. The id is the one the plugin
 * answers and logs with: the incoming id when valid, else the active span's trace id (when
 * OpenTelemetry is loaded), else the incoming `traceparent`'s trace id, else a new UUID.
 *
 * The id is the request's one correlation id (`request.correlationId` in Fastify, `req.correlationId`
 * in Express): the header and the id come from the request, where the adapter keeps them, so
 * the header is named once, in the plugin's (or `problems()`'s) options. A made-up id is kept on
 * the request, so every later call and the problem answer for this request quote the same id. With an active OpenTelemetry span, `traceparent` names
 * that span (as OpenTelemetry's own propagator would); otherwise a valid incoming one is passed on.
 *
 * @example
 * app.get('/orders/:id', async (request) => {
 *   const response = await fetch(`${usersUrl}/users/42`, { headers: correlationHeaders(request) })
 *   ...
 * })
 */
export function correlationHeaders(request: RequestLike, options: CorrelationHeadersOptions = {}): Record<string, string> {
  const adapters = adapterCorrelation(request)
  const headerName = correlationHeaderName(options, adapters?.header)
  const tracing = currentTracing()
  const id = adapters?.id ?? requestCorrelationId(request.raw ?? request, headerName, tracing)
  if (request.headers[headerName] !== id) remember(request, headerName, id)

  const headers: Record<string, string> = { [headerName]: id }
  const spanParent = tracing?.activeTraceparent()
  const incoming = request.headers.traceparent
  if (spanParent !== undefined) {
    headers.traceparent = spanParent
  } else if (traceIdFrom(incoming) !== undefined) {
    // traceIdFrom answers only for a string: a repeated header (an array) is not passed on.
    headers.traceparent = incoming as string
    const state = request.headers.tracestate
    if (typeof state === 'string' && state.length <= 512 && isValidHeaderValue(state)) headers.tracestate = state
  }
  return headers
}

/**
 * Stores the id where the plugin's error handler will read it. Fastify's `request.headers` can be
 * a merged copy, so the underlying Node request gets it too.
 */
function remember(request: RequestLike, headerName: string, id: string): void {
  request.headers[headerName] = id
  if (request.raw !== undefined) request.raw.headers[headerName] = id
}

/**
 * The correlation the adapter picked for this request. Fastify's `request.correlationId` is a
 * getter: reading it makes the plugin pick the id (from its own header) if nothing did yet.
 */
function adapterCorrelation(request: RequestLike): RequestCorrelation | undefined {
  readProperty(request, 'correlationId')
  return storedCorrelation(request.raw ?? request)
}

function correlationHeaderName(options: CorrelationHeadersOptions, adapterHeader: string | undefined): string {
  if (typeof options !== 'object' || options === null) invalidOption('options', 'an object', options)
  const { correlationIdHeader = adapterHeader ?? configuredCorrelationHeader() } = options
  if (!isValidHeaderName(correlationIdHeader)) {
    invalidOption('correlationIdHeader', 'a valid header name', correlationIdHeader)
  }
  return correlationIdHeader.toLowerCase()
}
