/**
 * Web `Headers` as request facts: the core reads headers the way Node keeps them (a record of
 * lower-case names), so the reply's headers are read into one, `Set-Cookie` as its list.
 */
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
