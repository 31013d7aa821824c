/**
 * A client that sends `Connection: close` must have its connection closed after the answer
 * (RFC 9112 9.6). A 426 answers `Connection: Upgrade`, and Node keeps a connection open when the
 * response names a `Connection` without `close`, whatever the request said: so `close` is added.
 */
import type { HeaderMap } from './statuses.js'

const CLOSE = /(?:^|,)[ \t]*close[ \t]*(?:,|$)/i

/** Adds `close` to the answer's `Connection` when the request's `Connection` asked to close. */
export function honourConnectionClose(headers: HeaderMap, requestConnection: string | readonly string[] | undefined): void {
  const connection = headers.connection
  if (connection === undefined || requestConnection === undefined || CLOSE.test(connection)) return
  // Stryker disable next-line ConditionalExpression: RegExp.test reads an array as its items joined with ',', the string join(',') makes
  const asked = typeof requestConnection === 'string' ? requestConnection : requestConnection.join(',')
  if (CLOSE.test(asked)) headers.connection = `${connection}, close`
}
