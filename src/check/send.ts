/**
 * One HTTP request to the checked service, the way a careful client sends it: `node:http(s)`
 * (which never follows a redirect), a deadline for the whole exchange, and a cap on how much of
 * the answer is read. It never throws: an answer or the reason there was none.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'

/** What to send. */
export interface Outgoing {
  readonly url: URL
  /** Default `GET` (node:http's). */
  readonly method?: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

/** The answer, or why there was none. */
export type Exchange =
  | { readonly ok: true; readonly status: number; readonly headers: IncomingHttpHeaders; readonly text: string }
  | { readonly ok: false; readonly reason: string }

/** Limits of one exchange. */
export interface SendLimits {
  /** Milliseconds from the request to the end of the answer. */
  readonly timeoutMs: number
  /** Bytes of the answer's body read; the rest is dropped. */
  readonly maxBodyBytes: number
}

/** Sends `outgoing` and reads the answer within `limits`. */
export function send(outgoing: Outgoing, limits: SendLimits): Promise<Exchange> {
  return new Promise((resolve) => {
    // Only the first call counts: a promise settles once, and clearing and destroying again do nothing.
    const finish = (exchange: Exchange): void => {
      clearTimeout(timer)
      resolve(exchange)
      request.destroy()
    }
    const requestOf = outgoing.url.protocol === 'https:' ? httpsRequest : httpRequest
    const request = requestOf(outgoing.url, { method: outgoing.method, headers: outgoing.headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      let size = 0
      const answer = (): void =>
        finish({
          ok: true,
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).subarray(0, limits.maxBodyBytes).toString('utf8'),
        })
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        size += chunk.length
        // Enough to judge the answer: stop reading a body that may never end.
        if (size >= limits.maxBodyBytes) answer()
      })
      response.on('end', answer)
      response.on('error', (error) => finish({ ok: false, reason: reasonOf(error) }))
    })
    const timer = setTimeout(() => finish({ ok: false, reason: `no complete answer within ${limits.timeoutMs} ms` }), limits.timeoutMs)
    // A server may answer (413, say) and close before the whole body is written: the answer wins,
    // so a write error only counts when no answer came.
    request.on('error', (error) => setImmediate(() => finish({ ok: false, reason: reasonOf(error) })))
    request.end(outgoing.body)
  })
}

function reasonOf(error: Error & { code?: string }): string {
  switch (error.code) {
    case 'ECONNRESET':
      return 'the connection was reset before a complete answer (ECONNRESET)'
    case 'ECONNREFUSED':
      return 'the connection was refused (ECONNREFUSED)'
    case 'ENOTFOUND':
      return 'the host name does not resolve (ENOTFOUND)'
    default:
      // Not equivalent, only untested: `error.code === undefined` made `false` would add " (undefined)"
      // to an error without a code, and no socket error here comes without one (not marked: the
      // mark would hide the `true` mutant, which the EPROTO test kills).
      return error.code === undefined ? error.message : `${error.message} (${error.code})`
  }
}
