/**
 * Web `Headers` as request facts: the core reads headers the way Node keeps them (a record of
 * lower-case names), so the reply's headers are read into one, `Set-Cookie` as its list.
 */
import { guarded } from '../guarded.js'
import type { ReplyHeaders } from '../reply-state.js'

/** `headers` as Node would hold them on a response. */
export function replyHeadersOf(headers: Headers): ReplyHeaders {
  const record: Record<string, string | string[]> = {}
  for (const [name, value] of headers) {
    // The iterator gives each Set-Cookie apart (they cannot be joined); the record keeps the list.
    if (name !== 'set-cookie') record[name] = value
  }
  const cookies = headers.getSetCookie()
  if (cookies.length > 0) record['set-cookie'] = cookies
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
