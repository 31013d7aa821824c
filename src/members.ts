/**
 * A problem's members without the problem: what `createProblem(status, options)` would hold, as
 * plain data, with the same checks and the same coded `UsageError`s. `reply.problem(status, ...)`
 * answers from these when no one could observe the `Error` object, so it builds none (an `Error`
 * is most of what a client error costs to make). Internal.
 */
import { problemMembers, type ProblemMembers, type ProblemOptions } from './problem.js'
import { headersFromFields, statusEntry } from './statuses.js'
import { UsageError, describe } from './usage-error.js'

/** The members `createProblem(status, options)` would have, checked the same way. */
export function createProblemMembers(status: number, options?: string | ProblemOptions): ProblemMembers {
  if (statusEntry(status) === undefined) {
    checkNumericStatus(status)
    return problemMembers(status, options)
  }
  // In the class constructor's order: the typed fields are checked before the options' types.
  const fieldHeaders = headersFromFields(status, options)
  const members = problemMembers(status, options)
  // Object.assign skips an undefined source: a status without typed fields adds no header.
  Object.assign(members.headers, fieldHeaders)
  return members
}

/** `createProblem`'s check for a status that has no class: it must at least be a number. */
export function checkNumericStatus(status: unknown): void {
  if (typeof status !== 'number') {
    throw new UsageError(
      'ERR_HTTP_PROBLEMS_INVALID_STATUS',
      `http-problems: createProblem needs a numeric status, received ${describe(status)}`,
    )
  }
}
