/**
 * Shared by both services: Fastify's request id is the correlation id, so every log line of a
 * request (Fastify's own "incoming request" / "request completed" too, not only the problem's)
 * carries the id a client quotes. `correlationHeaders` reads a valid incoming id or makes one and
 * stores it on the request, which is also where the plugin's error handler reads it.
 */
import type { IncomingMessage } from 'node:http'
import { correlationHeaders } from '../../src/client/index.js'
import { DEFAULT_CORRELATION_HEADER } from '../../src/index.js'

/** Fastify `genReqId`: the request's correlation id. */
export function correlationRequestId(request: IncomingMessage): string {
  return correlationHeaders(request)[DEFAULT_CORRELATION_HEADER]!
}
