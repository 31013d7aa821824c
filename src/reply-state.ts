/**
 * Reply state (DESIGN.md): the headers the route, a hook or another plugin set on the reply
 * before the problem, read as a request fact so every adapter keeps and removes the same ones.
 *
 * - A header of the status table (`Retry-After` from a rate limiter, `WWW-Authenticate` from an
 *   auth plugin...) is kept when it is well-formed and the problem has no value of its own, so the
 *   header and the plugin's message agree; a malformed one is removed, never sent.
 * - Content headers of the success the route meant to send are removed (content-headers.ts).
 * - `Vary` is merged into the problem's; `Expires` goes when `Cache-Control` is replaced. Left
 *   alone (`cacheControl: false`), both are kept like any other header below.
 * - Everything else stays (rate-limit counters, CORS, security headers, cookies), unless Node
 *   would refuse to write it.
 */
import { CONTENT_HEADERS } from './content-headers.js'
import { isValidHeaderName } from './header-values.js'
import type { HeaderMap } from './statuses.js'
import { STATUS_HEADER_NAMES, sendableFieldText, wellFormedStatusHeader } from './status-header-syntax.js'

/** Headers as Node and the frameworks keep them on a response: lower-case names. */
export type ReplyHeaders = Readonly<Record<string, string | number | readonly string[] | undefined>>

type Handling = 'status' | 'content' | 'framing' | 'vary' | 'expires' | 'cache-control'

/** How each header with a rule is handled; any other header is kept when it can be sent. */
const HANDLING: ReadonlyMap<string, Handling> = new Map<string, Handling>([
  ...CONTENT_HEADERS.map((name) => [name, 'content'] as const),
  // After the content headers: `content-range` is both, and a 416 keeps it (checked below).
  ...[...STATUS_HEADER_NAMES].map((name) => [name, 'status'] as const),
  // The renderer frames the body itself; Content-Type and Content-Length are always replaced.
  ['transfer-encoding', 'framing'],
  ['vary', 'vary'],
  ['expires', 'expires'],
  ['cache-control', 'cache-control'],
])

/**
 * Settles the headers already on the reply against the problem's own `headers` (lower case),
 * which it completes: a well-formed status-table header the problem lacks, and the reply's
 * `Vary`. Returns the names the adapter must remove from the reply before writing `headers`;
 * the ones removed for being malformed or unsendable are also pushed to `dropped`, for the log.
 * `replacesCaching`: the answer sets its own `Cache-Control`, so a route's `Expires` goes too.
 */
export function settleReplyHeaders(
  reply: ReplyHeaders | undefined,
  status: number,
  headers: HeaderMap,
  replacesCaching: boolean,
  dropped: string[],
): string[] {
  const removed: string[] = []
  if (reply === undefined) return removed
  for (const name of Object.keys(reply)) {
    const value = reply[name]
    switch (HANDLING.get(name)) {
      case 'status':
        if (name === 'content-range' && status !== 416) removed.push(name)
        else keepStatusHeader(name, value, headers, removed, dropped)
        break
      case 'content':
      case 'framing':
        removed.push(name)
        break
      case 'vary':
        mergeVary(value, headers)
        break
      case 'expires':
        if (!replacesCaching) removeUnsendable(name, value, removed, dropped)
        else if (headers.expires === undefined) removed.push(name) // it goes with the route's Cache-Control
        break
      case 'cache-control':
        // Replaced by the answer's own; left alone with `cacheControl: false`, then sent as it is.
        if (!replacesCaching) removeUnsendable(name, value, removed, dropped)
        break
      default:
        removeUnsendable(name, value, removed, dropped)
    }
  }
  return removed
}

/** Removes a header that goes out as the route set it when Node would refuse to write it. */
function removeUnsendable(name: string, value: unknown, removed: string[], dropped: string[]): void {
  if (sendable(name, value)) return
  removed.push(name)
  dropped.push(name)
}

function keepStatusHeader(name: string, value: unknown, headers: HeaderMap, removed: string[], dropped: string[]): void {
  const own = headers[name]
  if (own !== undefined && own.trim() !== '') return // the problem's own value wins and replaces it
  const kept = wellFormedStatusHeader(name, value)
  if (kept !== undefined) {
    headers[name] = kept
  } else {
    removed.push(name)
    dropped.push(name)
  }
}

function mergeVary(value: unknown, headers: HeaderMap): void {
  const text = sendableFieldText(value)
  if (text === undefined) return
  headers.vary = headers.vary === undefined ? text : `${headers.vary}, ${text}`
}

/** Whether Node would write this header: a token name, values without control characters. */
function sendable(name: string, value: unknown): boolean {
  return isValidHeaderName(name) && sendableFieldText(value) !== undefined
}
