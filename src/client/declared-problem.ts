/**
 * The typed side of the catalog: a parsed problem whose `type` is one a shared catalog declares
 * becomes an instance of that `defineProblem` class, so `instanceof OutOfCredit` holds and
 * `problem.extensions.balance` is the `number` the schema promises. Only when the body keeps the
 * promise: the status must be the type's and the members must match its schema, else the caller
 * gets the generic problem it got before.
 */
import { schemaIssues } from '../catalog/check-schema.js'
import { problemTypeFacts, type ProblemType } from '../catalog/problem-type.js'
import type { HttpProblem, ProblemOptions } from '../problem.js'
import { invalidOption } from '../usage-error.js'
import type { ParsedProblem } from './parse-problem.js'

/** An instance of the catalog class `parsed` belongs to, or `undefined` when none matches. */
export function declaredProblem(
  parsed: ParsedProblem,
  extensions: Record<string, unknown>,
  catalog: readonly ProblemType[],
): HttpProblem | undefined {
  if (!Array.isArray(catalog)) invalidOption('catalog', 'a list of problem classes', catalog)
  // Every entry is checked, not only those before a match: a bad catalog fails on every answer.
  const types = catalog.map((value, index) => problemTypeFacts(value, `catalog[${index}]`))
  for (const facts of types) {
    if (facts.type !== parsed.type || facts.status !== parsed.status) continue
    if (facts.schema !== undefined && schemaIssues(facts.schema, extensions).length > 0) return undefined
    const options: ProblemOptions = { detail: parsed.detail, code: parsed.code, extensions, cause: parsed }
    return new (facts.problemClass as unknown as new (options: ProblemOptions) => HttpProblem)(options)
  }
  return undefined
}
