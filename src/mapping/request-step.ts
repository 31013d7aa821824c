/**
 * The map step as the adapters call it: one call before `normalize`, with the connection (to tell
 * whether the client is still there) and the request's logger (for a failing rule).
 */
import { guarded } from '../guarded.js'
import type { ProblemLogger } from '../log-problem.js'
import type { HttpProblem, ProblemMembers } from '../problem.js'
import { mapThrown, type RuleFaultReporter } from './map-thrown.js'
import { CLIENT_CLOSED_CODE, CLIENT_CLOSED_STATUS } from './client-closed.js'
import type { CompiledRules } from './resolve-rules.js'
import { reportRuleFault } from './report-rule-fault.js'

/**
 * What tells whether the client is still there: Node's `ServerResponse` (destroyed when the
 * client's socket closes first), or, for a Web `Request`, an object whose `destroyed` reads the
 * request's abort signal.
 */
export interface ClientConnection {
  readonly destroyed: boolean
}

/**
 * The problem the `map` rules give for `thrown`, or `undefined` (no rules, none matched): then
 * `normalize` answers as usual. Never throws.
 *
 * @example
 * const mapped = mapRequestError(options.rules, thrown, reply.raw, request.log)
 */
export function mapRequestError(
  rules: CompiledRules,
  thrown: unknown,
  response: ClientConnection,
  logger: ProblemLogger | undefined,
): HttpProblem | undefined {
  if (rules === undefined) return undefined
  const report: RuleFaultReporter = (fault, message) => reportRuleFault(logger, fault, message)
  return mapThrown(rules, thrown, { clientClosed: connectionClosed(response) }, report)
}

/**
 * True when the answer is the client-closed problem and the connection is indeed gone: the
 * adapter then logs the line and writes nothing.
 *
 * @example
 * if (answersClosedClient(problem, reply.raw)) logProblem(logger, { ...entry, clientClosed: true }, level)
 */
export function answersClosedClient(problem: ProblemMembers, response: ClientConnection): boolean {
  return problem.status === CLIENT_CLOSED_STATUS && problem.code === CLIENT_CLOSED_CODE && connectionClosed(response)
}

/** Node destroys the response when the client's socket closes before the answer. */
function connectionClosed(response: ClientConnection): boolean {
  return guarded(() => response.destroyed) === true
}
