/**
 * `expectProblem`: one assertion that a response is a correct problem answer: status, content
 * type (without a charset parameter), correlation id (header and body agree), body valid against
 * `problemSchema` with a path-absolute `instance`, and the headers the standards require for that
 * status, with valid values. Every failure is listed at once, because a
 * wrong answer is rarely wrong in one way only.
 */
import { AssertionError } from 'node:assert'
import { PROBLEM_CONTENT_TYPE } from '../accept.js'
import { DEFAULT_CORRELATION_HEADER, isValidCorrelationId } from '../correlation.js'
import { problemSchema, type ProblemBody } from '../schema.js'
import { invalidOption } from '../usage-error.js'
import { isPathAbsolute } from '../uri.js'
import { schemaErrors } from './check-schema.js'
import { headerRulesFor } from './header-rules.js'
import { viewOf, type ResponseView, type TestResponse } from './read-response.js'
import { varyFailure } from './vary-rule.js'

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
  const failures: string[] = []
  if (view.status !== settings.status) failures.push(`status is ${String(view.status)}, expected ${settings.status}`)
  const contentType = view.header('content-type')
  if (contentType !== settings.contentType) {
    failures.push(`content-type is ${JSON.stringify(contentType)}, expected ${JSON.stringify(settings.contentType)}`)
  }
  if (contentType !== undefined && CHARSET_PARAMETER.test(contentType)) {
    failures.push(`content-type ${JSON.stringify(contentType)} has a charset parameter (RFC 8259 11 defines none for JSON)`)
  }
  const headerId = checkCorrelationHeader(view, settings, failures)
  checkHeaderRules(view, settings.status, failures)
  const vary = varyFailure(view.header('vary'))
  if (vary !== undefined) failures.push(vary)
  const body = parseBody(view, failures)
  if (body !== undefined) checkBody(body, headerId, settings, failures)

  if (failures.length > 0) {
    throw new AssertionError({
      message: `expectProblem: not the expected ${settings.status} problem answer:\n  - ${failures.join('\n  - ')}`,
      actual: body ?? view.text,
      expected,
      operator: 'expectProblem',
    })
  }
  return body as ProblemBody
}

const CHARSET_PARAMETER = /;\s*charset\s*=/i

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

function checkCorrelationHeader(view: ResponseView, settings: Settings, failures: string[]): string | undefined {
  const id = view.header(settings.correlationIdHeader)
  if (!isValidCorrelationId(id)) {
    failures.push(`${settings.correlationIdHeader} header is ${JSON.stringify(id)}, expected a valid correlation id`)
    return undefined
  }
  if (settings.correlationId !== undefined && id !== settings.correlationId) {
    failures.push(`${settings.correlationIdHeader} header is ${JSON.stringify(id)}, expected ${JSON.stringify(settings.correlationId)}`)
  }
  return id
}

function checkHeaderRules(view: ResponseView, status: number, failures: string[]): void {
  for (const rule of headerRulesFor(status)) {
    const value = view.header(rule.header)
    if (value === undefined) {
      if (rule.required) failures.push(`${rule.header} header is missing (${rule.source})`)
    } else if (!rule.format.test(value)) {
      failures.push(`${rule.header} header ${JSON.stringify(value)} is malformed (${rule.source})`)
    }
  }
}

function parseBody(view: ResponseView, failures: string[]): Record<string, unknown> | undefined {
  if (view.text === undefined || view.text === '') {
    failures.push('the response has no body (HEAD answers carry none: check their headers directly)')
    return undefined
  }
  let body: unknown
  try {
    body = JSON.parse(view.text)
  } catch {
    failures.push(`the body is not JSON: ${JSON.stringify(view.text.slice(0, 80))}`)
    return undefined
  }
  const errors = schemaErrors(problemSchema, body)
  failures.push(...errors.map((error) => `body does not match problemSchema: ${error}`))
  return errors.length === 0 ? (body as Record<string, unknown>) : undefined
}

function checkBody(body: Record<string, unknown>, headerId: string | undefined, settings: Settings, failures: string[]): void {
  if (body.status !== settings.status) failures.push(`body status is ${String(body.status)}, expected ${settings.status}`)
  if (headerId !== undefined && body.correlationId !== headerId) {
    failures.push(`body correlationId ${JSON.stringify(body.correlationId)} differs from the header's ${JSON.stringify(headerId)}`)
  }
  if (!isPathAbsolute(body.instance)) {
    failures.push(
      `body instance ${JSON.stringify(body.instance)} is not a path-absolute URI reference without query (RFC 9457 3.1.5, RFC 3986 4.2)`,
    )
  }
  if (settings.code !== undefined && body.code !== settings.code) {
    failures.push(`body code is ${JSON.stringify(body.code)}, expected ${JSON.stringify(settings.code)}`)
  }
}
