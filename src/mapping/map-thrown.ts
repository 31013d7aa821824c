/**
 * The map step of the one data flow: thrown value → the problem of the first rule that matches,
 * or `undefined` to let `normalize` answer. Runs before `normalize` in every adapter.
 *
 * It never throws and never lets a rule's own failure reach the client: a rule whose `match` or
 * `problem` throws, or whose `problem` returns something that is not a problem, is skipped, and
 * reported once per rule per process (a rule that fails on one value usually fails on every
 * value, and a log line per request would drown the log).
 */
import { guarded, readProperty } from '../guarded.js'
import { isHttpError } from '../normalize.js'
import { isHttpProblem, type HttpProblem } from '../problem.js'
import type { CompiledRule, CompiledRules } from './resolve-rules.js'
import type { MappingFacts, ProblemRule } from './rule.js'

/** Where a failing rule is reported (the adapter's request logger). */
export type RuleFaultReporter = (fault: unknown, message: string) => void

/** Rules already reported as failing, by the object the caller wrote. */
const reportedRules = new WeakSet<ProblemRule>()

/**
 * The problem of the first rule that matches `thrown`, or `undefined` when none does (or there
 * are no rules). Values that already are HTTP errors are offered only to rules that name them.
 *
 * @example
 * const mapped = mapThrown(settings.rules, thrown, { clientClosed: false }, report)
 * const problem = mapped ?? normalize(thrown)
 */
export function mapThrown(
  rules: CompiledRules,
  thrown: unknown,
  facts: MappingFacts,
  report: RuleFaultReporter,
): HttpProblem | undefined {
  if (rules === undefined) return undefined
  let httpError: boolean | undefined
  for (const rule of rules) {
    if (!rule.httpErrors && (httpError ??= isHttpError(thrown))) continue
    const problem = answer(rule, thrown, facts, report)
    if (problem !== undefined) return problem
  }
  return undefined
}

/** The rule's problem for `thrown`, or `undefined` when it does not match or fails. */
function answer(rule: CompiledRule, thrown: unknown, facts: MappingFacts, report: RuleFaultReporter): HttpProblem | undefined {
  let problem: unknown
  try {
    if (!rule.matches(thrown, facts)) return undefined
    problem = rule.build(thrown, facts)
  } catch (fault) {
    reportOnce(rule, fault, 'threw', report)
    return undefined
  }
  if (isHttpProblem(problem)) return problem
  ignoreRejection(problem)
  reportOnce(rule, problem, 'returned something that is not an HttpProblem', report)
  return undefined
}

/** An async `problem` function: its promise is not an answer, and must not reject unhandled later. */
function ignoreRejection(value: unknown): void {
  const then = readProperty(value, 'then')
  // Equivalent mutant, not marked (a mark would hide this line's killed `false` mutant too): the
  // test made `true` calls a `then` that is no function inside `guarded`, which catches the
  // TypeError. Dropping the test instead would throw (and build a stack) for every non-problem a
  // broken rule returns, on each request.
  if (typeof then === 'function') guarded(() => then.call(value, undefined, () => undefined))
}

function reportOnce(rule: CompiledRule, fault: unknown, what: string, report: RuleFaultReporter): void {
  if (reportedRules.has(rule.source)) return
  reportedRules.add(rule.source)
  try {
    report(fault, `http-problems: mapping rule map[${rule.index}] ${what}; it was skipped (reported once per rule)`)
  } catch {
    // The reporter is the adapter's logger; a logger that throws has nothing left to tell.
  }
}
