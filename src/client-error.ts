/**
 * Answers a request Node's HTTP parser refused (the server's `clientError` event) with a problem,
 * written as raw HTTP on the socket: no request object exists, so no framework can answer it.
 * Used by the Fastify `clientErrorHandler` and Express's `problems().clientErrorHandler`.
 *
 * The socket is the client's and may be gone or half-written: nothing is written to a socket
 * that is destroyed, not writable, or already carrying a response, and the socket is always
 * destroyed afterwards (as Node's own handler does), so no connection is left open.
 */
import type { Duplex } from 'node:stream'
import { newCorrelationId } from './correlation.js'
import { guarded, readProperty } from './guarded.js'
import { problemLogLevel } from './log-level.js'
import { logProblem, type ProblemLogger } from './log-problem.js'
import { reasonPhrase } from './problem.js'
import { renderProblem, type RenderedProblem } from './render.js'
import { clientErrorProblem } from './request-errors.js'
import type { ProblemSettings } from './settings.js'

/**
 * Writes the problem for `error` on `socket` and destroys it. A reset connection gets nothing:
 * no one is there to read it. Never throws.
 */
export function answerClientError(
  error: unknown,
  socket: Duplex,
  settings: ProblemSettings,
  logger: ProblemLogger | undefined,
): void {
  try {
    if (readProperty(error, 'code') === 'ECONNRESET' || socket.destroyed) return
    const problem = clientErrorProblem(error)
    const correlationId = newCorrelationId()
    // No request line could be read: the answer names no `instance`. The renderer reads the
    // method only to tell HEAD from the rest, and the url only for `instance`.
    // Stryker disable next-line StringLiteral: neither a method other than HEAD nor a url can change the answer, whose instance is removed
    const rendered = renderProblem(problem, { method: 'GET', url: '', correlationId }, settings.render)
    if (logger !== undefined) {
      const level = problemLogLevel(rendered.status, settings)
      logProblem(logger, { problem, thrown: error, correlationId, rendered }, level)
    }
    if (canAnswer(socket)) socket.write(rawResponse(rendered))
  } catch {
    // The socket went away under us; destroying it below is all that is left to do.
  } finally {
    guarded(() => socket.destroy())
  }
}

/** Writable, and no response of an earlier request on this connection is under way. */
function canAnswer(socket: Duplex): boolean {
  return socket.writable && readProperty(socket, '_httpMessage') == null
}

/** The whole HTTP/1.1 response, head and body, closing the connection. */
function rawResponse(rendered: RenderedProblem): string {
  // Rendered for a GET, never a HEAD: the body is always there.
  const body = withoutInstance(rendered.body!)
  const headers: Record<string, string> = {
    ...rendered.headers,
    date: new Date().toUTCString(),
    connection: 'close',
    'content-length': String(Buffer.byteLength(body)),
  }
  let head = `HTTP/1.1 ${rendered.status} ${reasonPhrase(rendered.status)}\r\n`
  for (const name of Object.keys(headers)) head += `${name}: ${headers[name]}\r\n`
  return `${head}\r\n${body}`
}

/**
 * The renderer always writes `instance`, from the request path; no request line was read here,
 * so whatever it wrote names nothing.
 */
function withoutInstance(body: string): string {
  const document = JSON.parse(body) as Record<string, unknown>
  delete document.instance
  return JSON.stringify(document)
}
