/**
 * Requests the framework or Node's HTTP parser refuses before any route runs: a URL whose
 * percent-encoding does not decode, a parameter over Fastify's length limit, a request line or
 * header block Node cannot parse. Framework-free, so every adapter answers them alike.
 */
import { BadRequest, RequestHeaderFieldsTooLarge, RequestTimeout, ContentTooLarge, URITooLong } from './classes.js'
import { readProperty } from './guarded.js'
import type { HttpProblem } from './problem.js'

/**
 * The problem for a URL whose percent-encoding does not decode. The URL itself is not echoed in
 * `detail`: `instance` names the path already, and nothing from the query string is sent back.
 *
 * @example
 * badUrlProblem().status // 400
 */
export function badUrlProblem(): HttpProblem<400> {
  return new BadRequest({ detail: 'The request URL is malformed: a percent-encoded sequence does not decode.', code: 'BAD_URL' })
}

/**
 * What Fastify hands its `frameworkErrors` option, as the problem to answer: a bad URL is
 * `badUrlProblem()`, a parameter over `maxParamLength` a 414; anything else (an async
 * constraint that failed, say) is answered as if a route had thrown it.
 */
export function frameworkErrorProblem(error: unknown): unknown {
  const code = readProperty(error, 'code')
  if (code === 'FST_ERR_BAD_URL') return badUrlProblem()
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return new URITooLong({ detail: 'A path parameter is longer than the server accepts.', code: 'PARAM_TOO_LONG' })
  }
  return error
}

/**
 * The problem for an error Node's HTTP server reports with `clientError`, with the statuses
 * Node itself answers them with: 431 for a header block over `maxHeaderSize`, 408 for a request
 * not received within `requestTimeout`/`headersTimeout`, 413 for an oversized chunk extension,
 * 400 for anything else the parser refused.
 *
 * @example
 * clientErrorProblem({ code: 'HPE_HEADER_OVERFLOW' }).status // 431
 */
export function clientErrorProblem(error: unknown): HttpProblem {
  switch (readProperty(error, 'code')) {
    case 'HPE_HEADER_OVERFLOW':
      return new RequestHeaderFieldsTooLarge({ detail: 'The request header fields are larger than the server accepts.' })
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RequestTimeout({ detail: 'The request was not received in time.' })
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new ContentTooLarge({ detail: 'A chunk extension is larger than the server accepts.' })
    default:
      return new BadRequest({ detail: 'The request is not valid HTTP.' })
  }
}
