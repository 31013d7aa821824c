/**
 * Web `Headers` as request facts: the core reads headers the way Node keeps them (a record of
 * lower-case names), so the reply's headers are read into one.
 */
import { guarded } from '../guarded.js'
import type { ReplyHeaders } from '../reply-state.js'

/**
 * `headers` as Node would hold them on a response, but for `Set-Cookie`: the iterator gives each
 * apart, and the record keeps the last. The core never reads `Set-Cookie` (it stays on the
 * `Headers` the answer is written over); its presence is what counts (see `respondWithProblem`).
 */
export function replyHeadersOf(headers: Headers): ReplyHeaders {
  const record: Record<string, string> = {}
  for (const [name, value] of headers) record[name] = value
  return record
}

/**
 * `headers` when they can be changed, else a copy: the headers of a response from `fetch()` (or
 * `Response.error()`, `Response.redirect()`) are immutable, and a hook may find such a response
 * in Hono's context.
 */
export function writableHeaders(headers: Headers): Headers {
  const probe = 'x-http-problems-probe'
  const writable = guarded(() => {
    // Stryker disable next-line StringLiteral: only whether set() throws matters: immutable Headers refuse any value, mutable ones lose the probe at once
    headers.set(probe, '1')
    headers.delete(probe)
    return true
  })
  return writable === true ? headers : new Headers(headers)
}
