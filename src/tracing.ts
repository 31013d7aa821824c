/**
 * OpenTelemetry, when the application has it: `@opentelemetry/api` is an optional peer
 * dependency, imported once at plugin registration and never otherwise. Without it every hook
 * here is `undefined` and costs nothing. With it, and only when a span is active, a 5xx is
 * recorded on that span (exception event, status ERROR), and the span's trace id is the
 * correlation id of a request that brought none, so a quoted id finds the trace as well as the
 * log line.
 *
 * The loaded API is kept on `globalThis` under a `Symbol.for` key, like OpenTelemetry keeps its
 * own globals: the client (`http-problems/client`) is a separate bundle and must see what the
 * plugin loaded.
 */
import { isValidCorrelationId, traceIdOrNewId } from './correlation.js'
import { isError } from './guarded.js'
import { emitWarning } from './warn.js'

/** What this library does with OpenTelemetry; nothing else touches the API. */
export interface Tracing {
  /** Trace id of the active span, when a valid one is active. */
  activeTraceId(): string | undefined
  /** W3C `traceparent` naming the active span as parent, for outgoing calls. */
  activeTraceparent(): string | undefined
  /**
   * On the active span: an exception event for `thrown` (or, when `thrown` is no `Error`, for
   * `problem`, if that is one) and status ERROR.
   */
  recordServerError(thrown: unknown, problem: unknown): void
}

/** The subset of `@opentelemetry/api` used here, typed locally so its types never reach ours. */
interface SpanContextLike {
  traceId: string
  spanId: string
  traceFlags: number
}
interface SpanLike {
  spanContext(): SpanContextLike
  recordException(exception: Error): void
  setStatus(status: { code: number; message?: string }): void
}
interface OpenTelemetryApi {
  trace: { getActiveSpan(): SpanLike | undefined }
  isSpanContextValid(context: SpanContextLike): boolean
  SpanStatusCode: { ERROR: number }
}

interface Registry {
  loading?: Promise<Tracing | undefined>
  tracing?: Tracing | undefined
}

const REGISTRY_KEY = Symbol.for('http-problems.tracing')
const OPENTELEMETRY_API = '@opentelemetry/api'

/**
 * Imports `@opentelemetry/api` the first time it is called in the process, and resolves to
 * `undefined` when it is not installed. Never rejects.
 */
export function loadTracing(): Promise<Tracing | undefined> {
  const registry = registryOf()
  registry.loading ??= importOptional(OPENTELEMETRY_API).then((api) => {
    registry.tracing = tracingFrom(api)
    return registry.tracing
  })
  return registry.loading
}

/** What `loadTracing` loaded, or `undefined` (not loaded yet, or not installed). */
export function currentTracing(): Tracing | undefined {
  return registryOf().tracing
}

/** The module, or `undefined` when it cannot be imported (not installed, or broken). */
export async function importOptional(specifier: string): Promise<unknown> {
  try {
    return (await import(specifier)) as unknown
  } catch {
    // Not installed, or it threw while loading: resolves to undefined.
  }
}

/** A `Tracing` over an imported `@opentelemetry/api`, or `undefined` when it is not that API. */
export function tracingFrom(imported: unknown): Tracing | undefined {
  const api = apiOf(imported) ?? apiOf((imported as { default?: unknown } | undefined)?.default)
  if (api === undefined) return undefined
  const activeContext = (): SpanContextLike | undefined => {
    const context = api.trace.getActiveSpan()?.spanContext()
    return context !== undefined && api.isSpanContextValid(context) ? context : undefined
  }
  return {
    activeTraceId: () => activeContext()?.traceId,
    activeTraceparent() {
      const context = activeContext()
      if (context === undefined) return undefined
      const flags = (context.traceFlags & 0xff).toString(16).padStart(2, '0')
      return `00-${context.traceId}-${context.spanId}-${flags}`
    },
    recordServerError(thrown, problem) {
      // A thrown non-Error (or a Proxy that fights `instanceof`) has nothing to record; the problem stands in.
      const exception = isError(thrown) ? thrown : isError(problem) ? problem : undefined
      if (exception === undefined) return
      try {
        const span = api.trace.getActiveSpan()
        if (span === undefined) return
        span.recordException(exception)
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: exception.message })
      } catch (fault) {
        // A broken span must not turn one error into two; say so once, where operators look.
        emitWarning('http-problems: the active span threw while recording a server error', {
          code: 'HTTP_PROBLEMS_TRACING_FAULT',
          detail: fault instanceof Error ? fault.message : String(fault),
        })
      }
    },
  }
}

/**
 * The correlation id of a request: the incoming one when valid, else the active span's trace id
 * (when tracing is loaded and a span is active), else what `correlationIdFor` picks.
 */
export function tracedCorrelationId(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  headerName: string,
  tracing: Tracing | undefined,
): string {
  // The incoming id is checked once here; correlationIdFor would check it again.
  const incoming = headers[headerName]
  if (isValidCorrelationId(incoming)) return incoming
  const traceId = tracing?.activeTraceId()
  return traceId ?? traceIdOrNewId(headers.traceparent)
}

function apiOf(candidate: unknown): OpenTelemetryApi | undefined {
  const api = candidate as Partial<OpenTelemetryApi> | undefined
  return typeof api?.trace?.getActiveSpan === 'function' &&
    typeof api.isSpanContextValid === 'function' &&
    typeof api.SpanStatusCode?.ERROR === 'number'
    ? (api as OpenTelemetryApi)
    : undefined
}

function registryOf(): Registry {
  const global = globalThis as unknown as Record<symbol, Registry | undefined>
  return (global[REGISTRY_KEY] ??= {})
}

