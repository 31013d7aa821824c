/**
 * The `map` option checked once, at registration: an array of `{ match, problem, httpErrors? }`
 * objects, each with a class or predicate `match` and a problem (or a function) `problem`.
 * Anything else throws `ERR_HTTP_PROBLEMS_INVALID_OPTION` naming the rule (`map[2].problem`).
 * The caller's array and rules are read once and never kept or changed.
 */
import { guarded } from '../guarded.js'
import { HttpProblem, isHttpProblem } from '../problem.js'
import { invalidOption } from '../usage-error.js'
import type { MappingFacts, ProblemRule } from './rule.js'

/** A rule ready to run: how it tests a value, and how it answers. */
export interface CompiledRule {
  /** The rule as the caller wrote it: a fault is reported once per rule object. */
  readonly source: ProblemRule
  /** Index in the list, for the log line of a fault. */
  readonly index: number
  /** True when `thrown` is for this rule. May throw (a user predicate); the caller guards it. */
  readonly matches: (thrown: unknown, facts: MappingFacts) => boolean
  /** The problem for a matched value. May throw; the caller guards it. */
  readonly build: (thrown: unknown, facts: MappingFacts) => unknown
  /** Whether values that already are HTTP errors are offered to this rule. */
  readonly httpErrors: boolean
}

/** The checked rules, or `undefined` when there are none (the error path then skips mapping). */
export type CompiledRules = readonly CompiledRule[] | undefined

const RULE_KEYS = new Set(['match', 'problem', 'httpErrors'])

/** Checks the `map` option and compiles it. Throws a coded `UsageError` on the first bad rule. */
export function resolveRules(value: unknown): CompiledRules {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) invalidOption('map', 'an array of { match, problem } rules', value)
  const rules = value.map((rule: unknown, index) => compileRule(rule, index))
  return rules.length === 0 ? undefined : Object.freeze(rules)
}

function compileRule(rule: unknown, index: number): CompiledRule {
  const name = `map[${index}]`
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) invalidOption(name, 'a { match, problem } rule', rule)
  const { match, problem, httpErrors } = rule as Record<string, unknown>
  const unknownKey = Object.keys(rule).find((key) => !RULE_KEYS.has(key))
  if (unknownKey !== undefined) invalidOption(`${name}.${unknownKey}`, 'absent (a rule has match, problem and httpErrors)', (rule as Record<string, unknown>)[unknownKey])
  if (typeof match !== 'function') invalidOption(`${name}.match`, 'a class or a predicate function', match)
  if (!isHttpProblem(problem) && typeof problem !== 'function') {
    invalidOption(`${name}.problem`, 'an HttpProblem or a function returning one', problem)
  }
  if (httpErrors !== undefined && typeof httpErrors !== 'boolean') invalidOption(`${name}.httpErrors`, 'a boolean', httpErrors)
  const matchedClass = isClass(match)
  return {
    source: rule as ProblemRule,
    index,
    matches: matchedClass
      ? (thrown) => guarded(() => thrown instanceof (match as new () => unknown)) === true // a Proxy's getPrototypeOf may throw
      : (thrown, facts) => (match as (thrown: unknown, facts: MappingFacts) => unknown)(thrown, facts) === true,
    build: isHttpProblem(problem) ? () => problem : (problem as (thrown: unknown, facts: MappingFacts) => unknown),
    httpErrors: httpErrors === true || (matchedClass && namesProblems(match)),
  }
}

/**
 * Whether a function is a class (matched with `instanceof`) rather than a predicate (called).
 * Both are functions at runtime, so the shape decides: `class` syntax; a built-in constructor
 * (`Error`, `TypeError`); or an ES5 constructor, known by a prototype that inherits from
 * something other than `Object.prototype` (http-errors' `HttpError`) or carries methods. A plain
 * `function isX(value) { ... }` has none of these and is a predicate.
 */
function isClass(fn: object): boolean {
  let source: string
  let prototype: unknown
  try {
    source = Function.prototype.toString.call(fn)
    prototype = (fn as { prototype?: unknown }).prototype
  }
  // Stryker disable next-line BlockStatement: with the catch emptied the prototype stays undefined, and the next check answers false alike
  catch {
    return false
  }
  if (typeof prototype !== 'object' || prototype === null) return false // arrows, methods, bound functions
  if (/^class\b/.test(source)) return true
  // A built-in constructor, also one whose prototype has no methods of its own (`MessageChannel`).
  if (source.endsWith('{ [native code] }')) return true
  return Object.getPrototypeOf(prototype) !== Object.prototype || Object.getOwnPropertyNames(prototype).length > 1
}

/** `HttpProblem` itself or one of its subclasses: a rule that names our own problems. */
function namesProblems(matched: object): boolean {
  // HttpProblem's own prototype counts too: it carries the problem brand, so `instanceof` is true for it.
  return guarded(() => (matched as { prototype?: unknown }).prototype instanceof HttpProblem) === true
}
