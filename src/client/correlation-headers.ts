/**
 * The headers that carry a request's identity to the services it calls, so one id names the
 * request in every service's log and problem answer, and traces stay joined.
 */
import { DEFAULT_CORRELATION_HEADER, traceIdFrom } from '../correlation.js'
import { isValidHeaderName, isValidHeaderValue } from '../header-values.js'
import { currentTracing, tracedCorrelationId } from '../tracing.js'
import { invalidOption } from '../usage-error.js'

type HeaderBag = Record<string, string | string[] | undefined>

/** An incoming request: Fastify's `request`, Express's `req`, or Node's `IncomingMessage`. */
export interface RequestLike {
  readonly headers: HeaderBag
  /** Fastify's underlying Node request, whose headers object is the one the plugin reads. */
  readonly raw?: { readonly headers: HeaderBag }
}

/** Options of `correlationHeaders`. */
export interface CorrelationHeadersOptions {
  /** Header that carries the correlation id, in and out. Default `'x-correlation-id'`. */
  correlationIdHeader?: string
}

/**
 * Headers to send on an outgoing call made while handling `request`: the correlation id, and
 * `traceparent` (with `tracestate`) when the request is traced. The id is the one the plugin
 * answers and logs with: the incoming id when valid, else the active span's trace id (when
 * OpenTelemetry is loaded), else the incoming `traceparent`'s trace id, else a new UUID.
 *
 * A made-up id is stored on the request's headers, so every later call and the problem answer
 * for this request quote the same id. With an active OpenTelemetry span, `traceparent` names
 * that span (as OpenTelemetry's own propagator would); otherwise a valid incoming one is passed on.
 *
 * @example
 * app.get('/orders/:id', async (request) => {
 *   const response = await fetch(`${usersUrl}/users/42`, { headers: correlationHeaders(request) })
 *   ...
 * })
 */
export function correlationHeaders(request: RequestLike, options: CorrelationHeadersOptions = {}): Record<string, string> {
  const headerName = correlationHeaderName(options)
  const tracing = currentTracing()
  const id = tracedCorrelationId(request.headers, headerName, tracing)
  if (request.headers[headerName] !== id) remember(request, headerName, id)

  const headers: Record<string, string> = { [headerName]: id }
  const spanParent = tracing?.activeTraceparent()
  const incoming = request.headers.traceparent
  if (spanParent !== undefined) {
    headers.traceparent = spanParent
  } else if (typeof incoming === 'string' && traceIdFrom(incoming) !== undefined) {
    headers.traceparent = incoming
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
  if (request.raw !== undefined && request.raw.headers !== request.headers) request.raw.headers[headerName] = id
}

function correlationHeaderName(options: CorrelationHeadersOptions): string {
  if (typeof options !== 'object' || options === null) invalidOption('options', 'an object', options)
  const { correlationIdHeader = DEFAULT_CORRELATION_HEADER } = options
  if (typeof correlationIdHeader !== 'string' || !isValidHeaderName(correlationIdHeader)) {
    invalidOption('correlationIdHeader', 'a valid header name', correlationIdHeader)
  }
  return correlationIdHeader.toLowerCase()
}
