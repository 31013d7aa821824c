/**
 * A mapping rule as plain data: `{ match, problem }`, in an ordered list (the `map` option of
 * both adapters). `match` is a class or a predicate; `problem` is a problem, or a function from
 * the thrown value to one. The types make a type-guard predicate (or a class) narrow the value
 * the `problem` function receives.
 */
import type { HttpProblem } from '../problem.js'

/** What a rule may know about the request besides the thrown value. */
export interface MappingFacts {
  /** The client closed the connection before the answer: nothing can be written to it any more. */
  readonly clientClosed: boolean
}

/** A class: the rule matches its instances (`instanceof`). Abstract classes too. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any constructor parameters
export type MatchedClass<T> = abstract new (...args: any) => T

/**
 * A type guard over the thrown value (`(thrown): thrown is PgError`): it narrows what the rule's
 * `problem` function receives. Only `true` matches.
 */
export type TypeGuard<T> = (thrown: unknown, facts: MappingFacts) => thrown is T

/**
 * A plain predicate over the thrown value: the `problem` function then receives `unknown`. Only
 * `true` matches (not merely truthy); a predicate that throws is logged once and skipped.
 */
export type MatchPredicate = (thrown: unknown, facts: MappingFacts) => boolean

/**
 * The answer of a rule for a value of type `T`. Written as a method so that a rule for a narrower
 * type still fits in a list of rules for `unknown` (method parameters are checked bivariantly);
 * inside `problemRule` the parameter is checked against what `match` narrows to.
 */
export type ProblemFactory<T> = { build(thrown: T, facts: MappingFacts): HttpProblem }['build']

/**
 * One mapping rule. `match` picks the thrown values the rule answers; `problem` is the answer: a
 * problem (the same one every time) or a function that builds one from the thrown value (so it
 * can keep the value as `cause` and pick members from it).
 *
 * A value the library already reads as an HTTP error (our problems, http-errors, boom, errors
 * with a 4xx/5xx `status`) is never offered to a rule, unless the rule names them: its `match`
 * is `HttpProblem` or one of its subclasses (`NotFound`, a `defineProblem` class), or it sets
 * `httpErrors: true`.
 *
 * @example
 * const rule: ProblemRule<PgError> = { match: isPgError, problem: () => new Conflict() }
 */
export interface ProblemRule<T = unknown> {
  /** A class (matches its instances) or a predicate over the thrown value. */
  readonly match: MatchedClass<T> | TypeGuard<T> | MatchPredicate
  /** The problem to answer with, or a function from the thrown value to it. */
  readonly problem: HttpProblem | ProblemFactory<T>
  /** Offer values that already are HTTP errors to this rule too. Default `false`. */
  readonly httpErrors?: boolean
}

/** What `problemRule` takes for a class or a type guard: `problem`'s parameter is what `match` narrows to. */
export interface TypedRuleInput<T> {
  readonly match: MatchedClass<T> | TypeGuard<T>
  readonly problem: HttpProblem | ((thrown: T, facts: MappingFacts) => HttpProblem)
  readonly httpErrors?: boolean
}

/** What `problemRule` takes for a plain predicate: `problem` receives `unknown`. */
export interface PredicateRuleInput {
  readonly match: MatchPredicate
  readonly problem: HttpProblem | ((thrown: unknown, facts: MappingFacts) => HttpProblem)
  readonly httpErrors?: boolean
}

/**
 * Writes a rule with its types checked: the value `problem` receives is what `match` narrows
 * to (the class's instances, or the type a type guard asserts), and a parameter annotated with
 * any other type does not compile. Returns `rule` itself.
 *
 * @example
 * import { Conflict } from 'http-problems'
 * import { problemRule } from 'http-problems/mapping'
 *
 * class DuplicateEmail extends Error { constructor(readonly email: string) { super('duplicate') } }
 *
 * await app.register(problems, {
 *   map: [
 *     problemRule({ match: DuplicateEmail, problem: (error) => new Conflict({ detail: 'That email is taken.', cause: error }) }),
 *   ],
 * })
 */
export function problemRule<T>(rule: TypedRuleInput<T>): ProblemRule<T>
export function problemRule(rule: PredicateRuleInput): ProblemRule
export function problemRule(rule: ProblemRule): ProblemRule {
  return rule
}
