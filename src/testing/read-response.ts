/**
 * One view of the response objects tests hold: supertest's (`status`, `headers`, `text`) and
 * Fastify's `inject` (`statusCode`, `headers`, `body`/`payload`). Reading never throws, so the
 * assertion that follows can say what was wrong with the response.
 */
import type { Answer } from '../rules/answer.js'

/** A response from supertest or `fastify.inject()` (light-my-request). */
export interface TestResponse {
  /** supertest */
  readonly status?: number
  /** light-my-request, Node */
  readonly statusCode?: number
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>
  /** supertest: the raw body text */
  readonly text?: string
  /** light-my-request: the raw body text; supertest: the parsed body */
  readonly body?: unknown
  /** light-my-request: the raw body text */
  readonly payload?: string
}

/** The status, headers and raw body text of `response`. */
export function viewOf(response: TestResponse): Answer {
  const status = typeof response.status === 'number' ? response.status : response.statusCode
  // Indexing a primitive never throws either: only null and undefined need the stand-in.
  const headers = response.headers ?? {}
  return {
    status: typeof status === 'number' ? status : undefined,
    header(name) {
      const value = headers[name.toLowerCase()]
      if (value === undefined) return undefined
      return Array.isArray(value) ? value.join(', ') : String(value)
    },
    text: textOf(response),
  }
}

function textOf(response: TestResponse): string | undefined {
  if (typeof response.text === 'string') return response.text
  if (typeof response.payload === 'string') return response.payload
  return typeof response.body === 'string' ? response.body : undefined
}
