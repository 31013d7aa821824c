/**
 * What every benchmark route answers, so variants differ only in how they answer: the same path,
 * the same detail, and for the plain reply the same members our problem body has.
 */
import { loadLibrary } from './library.js'

/** The path every variant is loaded on. */
export const BENCH_PATH = '/users/42'

/** The route pattern behind `BENCH_PATH`: a parametric route, as real services have. */
export const ROUTE = '/users/:id'

/** The detail of every 404, built from the route parameter like a real handler would. */
export function detailFor(id: string): string {
  return `No user ${id}`
}

/** Message of the unexpected error the 500 variants throw. */
export const SERVER_FAULT = 'connection to the database was lost'

/**
 * The members of our 404 body as a plain object, for the "plain reply" ceiling. The correlation
 * id is a constant: a plain reply would not generate one, so the ceiling stays a ceiling.
 */
export function plainMembers(id: string, url: string): Record<string, unknown> {
  return {
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    detail: detailFor(id),
    instance: url,
    code: 'NOT_FOUND',
    correlationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  }
}

/**
 * The headers our problems carry beside the body (content type, `Cache-Control`, `Vary`, a new
 * correlation id), for the hand-written references that write the problem's bytes themselves.
 */
export function problemHeaders(correlationId: string = crypto.randomUUID()): Record<string, string> {
  return { 'content-type': 'application/problem+json', 'cache-control': 'no-store', vary: 'Accept', 'x-correlation-id': correlationId }
}

/** The library's own 500 detail, so the hand-written reference can never drift from our bytes. */
const { SERVER_ERROR_DETAIL } = await loadLibrary()

/**
 * The members of our 500 body, for the hand-written reference that writes them: the fixed detail
 * that tells the client to quote the id, never the thrown message.
 */
export function serverFaultMembers(url: string, correlationId: string): Record<string, unknown> {
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: SERVER_ERROR_DETAIL,
    instance: url,
    code: 'INTERNAL_SERVER_ERROR',
    correlationId,
  }
}
