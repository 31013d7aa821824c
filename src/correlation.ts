/**
 * Correlation ids: the value that ties a client's error response to the service's log line and
 * follows a request across services. Incoming values are used only when they are safe to echo
 * into a header, a JSON body and a log line; anything else is replaced, never reflected.
 */
/**
 * Default header that carries the correlation id, in and out.
 *
 * @example
 * fetch(url, { headers: { [DEFAULT_CORRELATION_HEADER]: correlationId } })
 */
export const DEFAULT_CORRELATION_HEADER = 'x-correlation-id'

/** The characters a correlation id may use: safe in headers, JSON, URLs and log lines. */
const SAFE_ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~:/+=@-'
/** Longest correlation id accepted. */
const MAX_ID_LENGTH = 128
/**
 * `SAFE_ID_CHARACTERS` as a table by char code. The check runs on every problem (incoming ids and
 * our own), and a table lookup per character costs less than a regular expression, which V8 runs
 * through its runtime for the concatenated strings `randomUUID` returns.
 */
const SAFE_ID_CHARACTER = new Uint8Array(128)
for (const character of SAFE_ID_CHARACTERS) SAFE_ID_CHARACTER[character.charCodeAt(0)] = 1
/** W3C Trace Context `traceparent`: version-traceid-parentid-flags, lower-case hex. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/
const ALL_ZEROS = /^0+$/

/**
 * True when an incoming correlation id may be reused as is.
 *
 * @example
 * isValidCorrelationId('req-7f3a') // true
 * isValidCorrelationId('a\r\nb')  // false
 */
export function isValidCorrelationId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) return false
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    // Stryker disable next-line EqualityOperator,ConditionalExpression: past 127 the lookup is undefined, which the second test refuses too; the first only spares the lookup
    if (code >= 128 || SAFE_ID_CHARACTER[code] !== 1) return false
  }
  return true
}

/**
 * The trace-id of a valid W3C `traceparent` header, or `undefined`. Version `ff` and all-zero ids
 * are invalid; version `00` allows nothing after the flags.
 *
 * @example
 * traceIdFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01') // '4bf92f3577b34da6a3ce929d0e0e4736'
 */
export function traceIdFrom(traceparent: unknown): string | undefined {
  if (typeof traceparent !== 'string' || traceparent.length > 512) return undefined
  const match = TRACEPARENT.exec(traceparent)
  if (match === null) return undefined
  const [, version, traceId, parentId, , rest] = match
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined
  if (ALL_ZEROS.test(traceId!) || ALL_ZEROS.test(parentId!)) return undefined
  return traceId
}

/**
 * A new random correlation id (a UUID v4), from the global Web Crypto `crypto` (Node 20+, Deno,
 * Bun, Workers), so this module imports nothing from Node.
 */
export function newCorrelationId(): string {
  return crypto.randomUUID()
}

/**
 * The correlation id for a request: the incoming one if valid, else the trace-id of a valid
 * `traceparent`, else a new UUID. Repeated headers (array values) are never valid.
 *
 * @example
 * correlationIdFor(request.headers) // 'req-7f3a' when the request sent x-correlation-id: req-7f3a
 */
export function correlationIdFor(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  headerName: string = DEFAULT_CORRELATION_HEADER,
): string {
  const incoming = headers[headerName]
  if (isValidCorrelationId(incoming)) return incoming
  return traceIdOrNewId(headers.traceparent)
}

/** The trace-id of a valid `traceparent`, else a new UUID: the id of a request that brought none. */
export function traceIdOrNewId(traceparent: unknown): string {
  return traceIdFrom(traceparent) ?? newCorrelationId()
}

/** Where the adapters note the correlation header they were configured with, for the client helpers. */
const CONFIGURED_HEADER = Symbol.for('http-problems.correlationIdHeader')

/**
 * Notes `headerName` as this process's correlation header: the Fastify plugin and `problems()`
 * call it with their `correlationIdHeader`, so the client helpers (`parseProblem`,
 * `upstreamProblem`, `correlationHeaders`) use the same header without being told again. Kept on
 * `globalThis`: the client is a separate bundle.
 */
export function configureCorrelationHeader(headerName: string): void {
  ;(globalThis as unknown as Record<symbol, string | undefined>)[CONFIGURED_HEADER] = headerName
}

/**
 * The correlation header the adapter was last configured with in this process, else
 * `x-correlation-id`. The default of every client helper's `correlationIdHeader` option.
 *
 * @example
 * await app.register(problems, { correlationIdHeader: 'x-request-id' })
 * configuredCorrelationHeader() // 'x-request-id'
 */
export function configuredCorrelationHeader(): string {
  return (globalThis as unknown as Record<symbol, string | undefined>)[CONFIGURED_HEADER] ?? DEFAULT_CORRELATION_HEADER
}
