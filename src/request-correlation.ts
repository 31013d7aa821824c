/**
 * The one correlation id of a request, picked once and kept on the Node request itself, so every
 * reader agrees: the Fastify `request.correlationId` getter and child logger binding, Express's
 * `req.correlationId`, the problem answer and its log line, and `correlationHeaders(request)` for
 * outgoing calls. The Node request is what every framework's request wraps (Fastify's
 * `request.raw`, Express's `req` itself), and it lives exactly as long as the request.
 */
import type { Tracing } from './tracing.js'
import { tracedCorrelationId } from './tracing.js'

/** The correlation id of a request and the header it was read from (and is answered in). */
export interface RequestCorrelation {
  readonly id: string
  readonly header: string
}

type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>

/** A Node request (or anything with its headers), where the id is kept. */
export interface CorrelatedRequest {
  readonly headers: HeaderBag
}

/** A `Symbol.for` key: the client bundle reads what the adapters' bundles wrote. */
const CORRELATION = Symbol.for('http-problems.requestCorrelation')

type Slot = { [CORRELATION]?: RequestCorrelation }

/** The correlation already picked for `request`, if any. */
export function storedCorrelation(request: object): RequestCorrelation | undefined {
  return (request as Slot)[CORRELATION]
}

/**
 * The correlation id of `request`: the one already picked, else (and then kept) the incoming
 * `header` when valid, else the active span's trace id, else the `traceparent`'s, else a new UUID.
 */
export function requestCorrelationId(request: CorrelatedRequest, header: string, tracing: Tracing | undefined): string {
  const stored = (request as Slot)[CORRELATION]
  if (stored !== undefined) return stored.id
  const id = tracedCorrelationId(request.headers, header, tracing)
  ;(request as Slot)[CORRELATION] = { id, header }
  return id
}

/**
 * Marks loggers whose bindings already hold the request's `correlationId` (see
 * `markCorrelationBound`). A symbol-keyed own property rather than a `WeakSet`: one is added for
 * every request's child logger, and a weak collection with an entry per request is work for every
 * garbage collection.
 */
const CORRELATION_BOUND = Symbol('http-problems.correlationBound')

type Marked = { [CORRELATION_BOUND]?: true }

/** Notes that `logger` binds the request's `correlationId`, so lines through it need not repeat it. */
export function markCorrelationBound(logger: object): void {
  try {
    Object.defineProperty(logger, CORRELATION_BOUND, { value: true })
  } catch {
    // A frozen logger cannot be marked: its lines then repeat the id, which is a duplicate key at worst.
  }
}

/**
 * True when `logger` already writes `correlationId` on every line: a line that added it again
 * would be JSON with a duplicate key, which some log stores refuse.
 */
export function bindsCorrelationId(logger: object): boolean {
  try {
    // Stryker disable next-line ConditionalExpression: the mark is only ever written as true, so its own presence already says it
    return Object.prototype.hasOwnProperty.call(logger, CORRELATION_BOUND) && (logger as Marked)[CORRELATION_BOUND] === true
  } catch {
    // A Proxy logger whose traps throw: not marked by us, so its lines carry the id themselves.
    return false
  }
}
