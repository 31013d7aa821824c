/**
 * The answer for a request the client abandoned: 499 Client Closed Request (nginx's status; no
 * RFC defines it). No client ever receives it, since nothing is written to a closed connection;
 * it exists for the log line, where it tells an abandoned request from a failure of ours.
 */
import { HttpProblem } from '../problem.js'

/** nginx's 499 Client Closed Request. */
export const CLIENT_CLOSED_STATUS = 499
/** The code of the client-closed problem. */
export const CLIENT_CLOSED_CODE = 'CLIENT_CLOSED_REQUEST'

/** The problem logged for a request the client abandoned; `cause` is what the route threw. */
export function clientClosedProblem(cause: unknown): HttpProblem {
  return new HttpProblem(CLIENT_CLOSED_STATUS, {
    title: 'Client Closed Request',
    code: CLIENT_CLOSED_CODE,
    detail: 'The client closed the connection before the answer.',
    cause,
  })
}
