/**
 * `expectProblem`: one assertion that a response is a correct problem answer, by the rules in
 * `src/rules/problem-rules.ts` (the same rules the `check` command runs against a live service):
 * status, content type (without a charset parameter), correlation id (header and body agree),
 * body valid against `problemSchema`, the headers the standards require for that status with valid
 * values, `Vary` naming `Accept`, `instance` a path-absolute URI reference without a query, nothing
 * internal in a 5xx. Every failure is listed at once, because a wrong answer is rarely
 * wrong in one way only.
 */
import { AssertionError } from 'node:assert'
import { PROBLEM_CONTENT_TYPE } from '../accept.js'
import { DEFAULT_CORRELATION_HEADER } from '../correlation.js'
import { brokenRules } from '../rules/broken-rules.js'
import type { ProblemBody } from '../schema.js'
import { invalidOption } from '../usage-error.js'
import { viewOf, type TestResponse } from './read-response.js'

/** What the response must be. */
export interface ExpectedProblem {
  /** The HTTP status, 400..599; the body's `status` must match it too. */
  status: number
  /** The body's machine `code`, when it matters to the test. */
  code?: string
  /**
   * The exact `Content-Type`. Default `application/problem+json`. A `charset` parameter always
   * fails: RFC 8259 11 defines none for JSON, and strict RFC 9457 clients ignore such a body.
   */
  contentType?: string
  /** The correlation id, when the test sent or knows it. */
  correlationId?: string
  /** Header carrying the correlation id. Default `'x-correlation-id'`. */
  correlationIdHeader?: string
}

/**
 * Asserts that `response` (supertest or `fastify.inject()`) is a problem answer with `expected`'s
 * status, and returns its parsed body for further checks. Throws an `AssertionError` listing every
 * failure. HEAD answers have no body to check; assert their headers directly.
 *
 * @example
 * const response = await app.inject({ method: 'GET', url: '/users/0' })
 * const body = expectProblem(response, { status: 404, code: 'USER_NOT_FOUND' })
 * expect(body.detail).toBe('No user 0')
 *
 * @example
 * expectProblem(await request(server).get('/limited'), { status: 429 }) // checks Retry-After too
 */
export function expectProblem(response: TestResponse, expected: ExpectedProblem): ProblemBody {
  const settings = readExpected(expected)
  if (typeof response !== 'object' || response === null) {
    throw new AssertionError({ message: 'expectProblem: expected a supertest or inject response object', actual: response })
  }
  const view = viewOf(response)
  const failures = brokenRules(view, settings).map((broken) => broken.message)
  if (failures.length > 0) {
    throw new AssertionError({
      message: `expectProblem: not the expected ${settings.status} problem answer:\n  - ${failures.join('\n  - ')}`,
      actual: view.text,
      expected,
      operator: 'expectProblem',
    })
  }
  return JSON.parse(view.text!) as ProblemBody
}

type Settings = Required<Omit<ExpectedProblem, 'code' | 'correlationId'>> & Pick<ExpectedProblem, 'code' | 'correlationId'>

function readExpected(expected: ExpectedProblem): Settings {
  if (typeof expected !== 'object' || expected === null) invalidOption('expected', 'an object { status, code? }', expected)
  const { status, code, correlationId, contentType = PROBLEM_CONTENT_TYPE } = expected
  if (!Number.isInteger(status) || status < 400 || status > 599) invalidOption('status', 'an integer from 400 to 599', status)
  if (code !== undefined && typeof code !== 'string') invalidOption('code', 'a string', code)
  if (correlationId !== undefined && typeof correlationId !== 'string') invalidOption('correlationId', 'a string', correlationId)
  if (typeof contentType !== 'string') invalidOption('contentType', 'a string', contentType)
  const correlationIdHeader = expected.correlationIdHeader ?? DEFAULT_CORRELATION_HEADER
  if (typeof correlationIdHeader !== 'string') invalidOption('correlationIdHeader', 'a string', correlationIdHeader)
  return { status, code, correlationId, contentType, correlationIdHeader: correlationIdHeader.toLowerCase() }
}
