/**
 * The correlation id of a Web `Request`, by the rules every adapter follows (the configured
 * header when valid, else the `traceparent`'s trace id, else a new UUID from the global
 * `crypto`). OpenTelemetry's active span is not consulted: loading the optional
 * `@opentelemetry/api` is a Node concern the fetch entry point leaves out.
 */
import { correlationIdFor } from '../correlation.js'

/** The correlation id for `request`, read from `header` (lower case) or picked. */
export function fetchCorrelationId(request: Request, header: string): string {
  // A repeated header arrives joined with ", ", which is never a valid id: as Node's array is not.
  return correlationIdFor(
    { [header]: request.headers.get(header) ?? undefined, traceparent: request.headers.get('traceparent') ?? undefined },
    header,
  )
}
