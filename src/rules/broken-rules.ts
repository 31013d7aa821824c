/**
 * Runs the rules of a correct problem answer over one answer. The body is parsed once here, so
 * every rule reads the same facts.
 */
import { problemSchema } from '../schema.js'
import { schemaErrors } from '../testing/check-schema.js'
import type { Answer, BrokenRule, Expectation } from './answer.js'
import { PROBLEM_RULES, type AnswerFacts } from './problem-rules.js'

/**
 * Every rule `answer` breaks under `expected`, in `PROBLEM_RULES` order; empty when it is a
 * correct problem answer.
 */
export function brokenRules(answer: Answer, expected: Expectation): BrokenRule[] {
  const facts = factsOf(answer, expected)
  const broken: BrokenRule[] = []
  for (const rule of PROBLEM_RULES) {
    for (const message of rule.check(facts)) broken.push({ rule: rule.id, message })
  }
  return broken
}

function factsOf(answer: Answer, expected: Expectation): AnswerFacts {
  const json = parseJson(answer.text)
  // No JSON (`undefined`) fails the schema like any other non-object.
  const valid = !expected.head && schemaErrors(problemSchema, json).length === 0
  return {
    answer,
    expected,
    status: answer.status ?? expected.status,
    json,
    problem: valid ? (json as Record<string, unknown>) : undefined,
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    // No body (`undefined`, read as the text "undefined") and an empty one are no JSON either.
    return JSON.parse(String(text)) as unknown
  }
  // Stryker disable next-line BlockStatement: an empty catch returns undefined as well
  catch {
    return undefined
  }
}
