/**
 * The rules of a correct problem answer, in one ordered list. `expectProblem` (in a service's own
 * tests) and the `check` command (against a running service) both run this list, so a service
 * cannot pass one and fail the other. A new rule is one entry here; the order is the order in
 * which failures are listed (the check command's table shows the first).
 */
import { isValidCorrelationId } from '../correlation.js'
import { PROBLEM_CONTENT_TYPE } from '../accept.js'
import { problemSchema } from '../schema.js'
import { schemaErrors } from '../testing/check-schema.js'
import { headerRulesFor } from '../testing/header-rules.js'
import { varyFailure } from '../testing/vary-rule.js'
import { isPathAbsolute } from '../uri.js'
import type { Answer, Expectation } from './answer.js'
import { internalsShownIn } from './leaks.js'

/** What every rule reads: the answer, the expectation, and the body once parsed. */
export interface AnswerFacts {
  readonly answer: Answer
  readonly expected: Expectation
  /** The status the answer claims: the wire's, else the expected one. */
  readonly status: number
  /** The body as JSON, when it parses (`undefined` otherwise). */
  readonly json: unknown
  /** The body when it is valid against `problemSchema`; the member rules skip answers without one. */
  readonly problem: Readonly<Record<string, unknown>> | undefined
}

/** One rule: an id for reports, and a check that returns what is wrong (empty when it holds). */
export interface ProblemRule {
  readonly id: string
  /** What the rule asks, for `--help` and the README. */
  readonly description: string
  check(facts: AnswerFacts): readonly string[]
}

const NONE: readonly string[] = []
const PROBLEM_MEDIA_TYPE = PROBLEM_CONTENT_TYPE.split(';')[0]!

/** The rules, in the order their failures are listed. */
export const PROBLEM_RULES: readonly ProblemRule[] = Object.freeze([
  { id: 'status', description: 'the status is the expected one', check: statusRule },
  { id: 'content-type', description: 'the content type is a problem type, without a charset parameter', check: contentTypeRule },
  { id: 'correlation-id', description: 'a valid correlation id header, echoing the one sent', check: correlationHeaderRule },
  { id: 'status-headers', description: 'the headers the status requires, well-formed', check: statusHeadersRule },
  { id: 'vary', description: 'Vary names Accept, which chooses the content type', check: varyRule },
  { id: 'body', description: 'an RFC 9457 body valid against problemSchema; none on HEAD', check: bodyRule },
  { id: 'body-status', description: 'the body status equals the status on the wire', check: bodyStatusRule },
  { id: 'body-correlation-id', description: 'the body correlationId equals the header', check: bodyCorrelationRule },
  { id: 'code', description: 'the expected machine code', check: codeRule },
  { id: 'instance-path', description: 'instance is a path-absolute URI reference, without the query string', check: instanceRule },
  { id: 'no-internals-in-5xx', description: 'no stack or internal message in a 5xx', check: internalsRule },
  { id: 'correlation-id-not-reflected', description: 'an invalid correlation id is never reflected', check: notReflectedRule },
])

function statusRule({ answer, expected }: AnswerFacts): readonly string[] {
  return answer.status === expected.status ? NONE : [`status is ${String(answer.status)}, expected ${expected.status}`]
}

/** RFC 8259 11 defines no `charset` for JSON, and strict RFC 9457 clients ignore a body labelled with one. */
const CHARSET_PARAMETER = /;\s*charset\s*=/i

function contentTypeRule({ answer, expected }: AnswerFacts): readonly string[] {
  const value = answer.header('content-type')
  const wrongType = wrongMediaType(value, expected)
  if (wrongType !== undefined) return [wrongType]
  // wrongMediaType refuses an answer without a content type: `value` is a string here.
  if (CHARSET_PARAMETER.test(value!)) {
    return [`content-type ${JSON.stringify(value)} has a charset parameter (RFC 8259 11 defines none for JSON)`]
  }
  return NONE
}

function wrongMediaType(value: string | undefined, expected: Expectation): string | undefined {
  if (expected.contentType !== undefined) {
    return value === expected.contentType ? undefined : `content-type is ${JSON.stringify(value)}, expected ${JSON.stringify(expected.contentType)}`
  }
  const mediaTypes = expected.mediaTypes ?? [PROBLEM_MEDIA_TYPE]
  const mediaType = value?.split(';')[0]!.trim().toLowerCase()
  // includes is strict: no content type (`undefined`) is none of the media types.
  if (mediaTypes.includes(mediaType!)) return undefined
  return `content-type is ${JSON.stringify(value)}, expected ${mediaTypes.join(' or ')}`
}

function correlationHeaderRule({ answer, expected }: AnswerFacts): readonly string[] {
  const name = expected.correlationIdHeader
  const id = answer.header(name)
  if (!isValidCorrelationId(id)) return [`${name} header is ${JSON.stringify(id)}, expected a valid correlation id`]
  if (expected.correlationId !== undefined && id !== expected.correlationId) {
    return [`${name} header is ${JSON.stringify(id)}, expected ${JSON.stringify(expected.correlationId)}`]
  }
  return NONE
}

function statusHeadersRule({ answer, expected }: AnswerFacts): readonly string[] {
  const failures: string[] = []
  for (const rule of headerRulesFor(expected.status)) {
    const value = answer.header(rule.header)
    if (value === undefined) {
      if (rule.required) failures.push(`${rule.header} header is missing (${rule.source})`)
    } else if (!rule.format.test(value)) {
      failures.push(`${rule.header} header ${JSON.stringify(value)} is malformed (${rule.source})`)
    }
  }
  return failures
}

function varyRule({ answer }: AnswerFacts): readonly string[] {
  const failure = varyFailure(answer.header('vary'))
  return failure === undefined ? NONE : [failure]
}

function bodyRule({ answer, expected, json }: AnswerFacts): readonly string[] {
  const text = answer.text ?? ''
  if (expected.head === true) return text === '' ? NONE : [`a HEAD answer has a body: ${JSON.stringify(text.slice(0, 80))}`]
  if (text === '') return ['the response has no body (HEAD answers carry none: check their headers directly)']
  if (json === undefined) return [`the body is not JSON: ${JSON.stringify(text.slice(0, 80))}`]
  return schemaErrors(problemSchema, json).map((error) => `body does not match problemSchema: ${error}`)
}

function bodyStatusRule({ problem, status }: AnswerFacts): readonly string[] {
  if (problem === undefined || problem.status === status) return NONE
  return [`body status is ${String(problem.status)}, expected ${status}`]
}

function bodyCorrelationRule({ answer, expected, problem }: AnswerFacts): readonly string[] {
  const id = answer.header(expected.correlationIdHeader)
  if (problem === undefined || !isValidCorrelationId(id) || problem.correlationId === id) return NONE
  return [`body correlationId ${JSON.stringify(problem.correlationId)} differs from the header's ${JSON.stringify(id)}`]
}

function codeRule({ expected, problem }: AnswerFacts): readonly string[] {
  if (problem === undefined || expected.code === undefined || problem.code === expected.code) return NONE
  return [`body code is ${JSON.stringify(problem.code)}, expected ${JSON.stringify(expected.code)}`]
}

function instanceRule({ problem }: AnswerFacts): readonly string[] {
  // problemSchema requires `instance`, a string: a body that passed it has one.
  if (problem === undefined || isPathAbsolute(problem.instance)) return NONE
  const instance = problem.instance as string
  // The query string is named on its own: it is where tokens and e-mail addresses leak.
  const why = instance.includes('?') ? ', and carries the query string' : ''
  return [`body instance ${JSON.stringify(instance)} is not a path-absolute URI reference without query (RFC 9457 3.1.5, RFC 3986 4.2)${why}`]
}

function internalsRule({ status, json, answer }: AnswerFacts): readonly string[] {
  if (status < 500) return NONE
  if (typeof json === 'object' && json !== null && Object.prototype.hasOwnProperty.call(json, 'stack')) {
    return ['a 5xx body has a "stack" member']
  }
  // A JSON body is read through its strings, where a stack's line breaks are real again.
  // Stryker disable next-line StringLiteral: with no body there is nothing to show; any stand-in without a stack or error name reads the same
  const texts = json === undefined ? [answer.text ?? ''] : stringsIn(json)
  for (const text of texts) {
    const shown = internalsShownIn(text)
    if (shown !== undefined) return [`a 5xx body shows the server's internals: ${JSON.stringify(shown)}`]
  }
  return NONE
}

/** Every string in a JSON value, nested ones included (JSON is a tree: no cycles to guard). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  // Numbers, booleans and null hold no strings: Object.values of a primitive is empty.
  return Object.values(value ?? {}).flatMap(stringsIn)
}

function notReflectedRule({ answer, expected }: AnswerFacts): readonly string[] {
  const rejected = expected.rejectedCorrelationId
  if (rejected === undefined) return NONE
  const places = [answer.header(expected.correlationIdHeader) === rejected ? 'header' : '', answer.text?.includes(rejected) === true ? 'body' : '']
  const where = places.filter((place) => place !== '')
  return where.length === 0 ? NONE : [`the invalid correlation id ${JSON.stringify(rejected)} is reflected in the ${where.join(' and ')}`]
}
