/**
 * Anything thrown → an `HttpProblem`. Reads the conventions of the libraries a service is likely
 * to throw from (http-errors, @fastify/sensible, @fastify/error, @hapi/boom, Fastify's own
 * errors) and turns everything else (plain errors, strings, `null`, ...) into a 500. It never
 * throws: every foreign property is read defensively, since throwing getters and Proxies exist.
 */
import { classFor, createProblem } from './classes.js'
import { isArray, readProperty as read } from './guarded.js'
import { createProblemMembers } from './members.js'
import { HttpProblem, isHttpProblem, problemMembers, wrapCause, type ProblemMembers, type ProblemOptions } from './problem.js'
import { failedPart, validationDetail, validationFailureOf, validationIssues, type ValidationFailure } from './validation.js'
import type { ValidationReader } from './validation-reader.js'

/** How foreign values are read. */
export interface NormalizeOptions {
  /** Status for schema-validation errors: 400 (default) or 422. */
  validationStatus?: 400 | 422
  /** Readers of more validation error shapes, tried before the built-in ones (see `defineValidationReader`). */
  validationReaders?: readonly ValidationReader[]
}

/** Codes of foreign errors that reach clients: CONSTANT_CASE, not Fastify's internal `FST_` ones. */
export const PUBLIC_CODE = /^(?!FST_)[A-Z][A-Z0-9_]{0,63}$/

/**
 * Turns any thrown value into an `HttpProblem`. Our own problems pass through unchanged; the
 * original value of anything else is kept as `cause` for the log.
 *
 * Status mapping of foreign errors: the first of `status` and `statusCode` (boom: only
 * `output.statusCode`) that is an integer or a three-digit string from 400 to 599 is used, so
 * `'404'` is a 404. Anything else (200, 302, 999, 4.5, NaN, `'abc'`, missing) means the error was
 * not meant as an HTTP answer: it becomes a 500, and its message stays out of the body.
 *
 * Never throws. Values that fight back (Proxies whose traps throw, revoked Proxies, throwing
 * getters, `Object.create(null)`) are read one guarded property at a time; what cannot be read
 * counts as absent.
 *
 * @example
 * normalize(createError(404)).status // 404
 * normalize('oops').status           // 500
 */
export function normalize(thrown: unknown, options: NormalizeOptions = {}): HttpProblem {
  return normalizeWith(thrown, options, AS_PROBLEMS)
}

/**
 * What `normalize` would answer, as members only when `thrown` is not already a problem: the
 * same status, headers and body, without building the wrapping `Error`. Internal, for adapters
 * that know no one will see the wrapper (no `onProblem`, no `exposeStack`).
 */
export function normalizeToMembers(thrown: unknown, options: NormalizeOptions = {}): ProblemMembers {
  return normalizeWith(thrown, options, AS_MEMBERS)
}

/** How the problem that stands for a foreign value is made: as an `HttpProblem`, or as members. */
interface ProblemMaker<P extends ProblemMembers> {
  /** `new HttpProblem(status, options)`: foreign errors bring their own headers, not a class's fields. */
  generic(status: number, options: ProblemOptions): P
  /** `createProblem(status, options)`: the class for the status. */
  ofClass(status: number, options: ProblemOptions): P
  /** Builds the wrapper of `cause` (see `wrapCause`: an `Error` cause keeps the only stack). */
  wrapping(cause: unknown, build: () => P): P
}

const AS_PROBLEMS: ProblemMaker<HttpProblem> = {
  generic: (status, options) => new HttpProblem(status, options),
  ofClass: (status, options) => createProblem(status, options),
  wrapping: wrapCause,
}

const AS_MEMBERS: ProblemMaker<ProblemMembers> = {
  generic: problemMembers,
  ofClass: createProblemMembers,
  wrapping: (_cause, build) => build(),
}

function normalizeWith<P extends ProblemMembers>(thrown: unknown, options: NormalizeOptions, make: ProblemMaker<P>): P {
  if (isHttpProblem(thrown)) return thrown as ProblemMembers as P
  // Anything else that is no object (a string, `null`, a function) reads as having no member
  // (`read` answers undefined for it), so it takes the 500 below like an error without a status.
  const foreign = thrown as Record<string, unknown>
  const failure = validationFailureOf(foreign)
  if (failure !== undefined) return validationProblem(foreign, failure, options, make)

  const boomOutput = boomOutputOf(foreign)
  const status = foreignStatus(foreign, boomOutput)
  if (status === undefined) return serverError(thrown, make)

  const exposeFlag = read(foreign, 'expose')
  const expose = typeof exposeFlag === 'boolean' ? exposeFlag : status < 500
  const headers = headerRecord(read(boomOutput ?? foreign, 'headers'))
  const message = read(foreign, 'message')
  const code = read(foreign, 'code')
  const title = classFor(status)?.title

  // The thrown error carries the stack that matters; the wrapper does not capture one of its own.
  return make.wrapping(thrown, () => make.generic(status, {
    detail: expose && typeof message === 'string' && message !== '' && message !== title ? message : undefined,
    code: expose && typeof code === 'string' && PUBLIC_CODE.test(code) ? code : undefined,
    headers,
    expose,
    cause: thrown,
  }))
}

/**
 * True when `normalize` reads `thrown` as an HTTP error of its own (one of our problems, a
 * validation error, an error with a 4xx/5xx status) rather than answering 500 for it. Mapping
 * rules leave such values alone unless a rule names them. Never throws.
 *
 * @example
 * isHttpError(createError(404)) // true
 * isHttpError(new Error('x'))   // false
 */
export function isHttpError(thrown: unknown): boolean {
  // Stryker disable next-line ConditionalExpression: a shortcut; every problem has a 4xx/5xx `status`, which the line below reads
  if (isHttpProblem(thrown)) return true
  // As in `normalize`, a value that is no object reads as having no member: not an HTTP error.
  const foreign = thrown as Record<string, unknown>
  return isArray(read(foreign, 'validation')) || foreignStatus(foreign, boomOutputOf(foreign)) !== undefined
}

/** boom's `output`, for an error that says it is one (`isBoom`). */
function boomOutputOf(foreign: Record<string, unknown>): Record<string, unknown> | undefined {
  const output = read(foreign, 'isBoom') === true ? read(foreign, 'output') : undefined
  // Stryker disable next-line ConditionalExpression: a null output would be read as no output anyway (`boomOutput ?` and `??` below)
  return typeof output === 'object' && output !== null ? (output as Record<string, unknown>) : undefined
}

/** The status a foreign error names (boom: only `output.statusCode`), or `undefined`. */
function foreignStatus(foreign: Record<string, unknown>, boomOutput: Record<string, unknown> | undefined): number | undefined {
  return boomOutput
    ? statusFrom(read(boomOutput, 'statusCode'))
    : (statusFrom(read(foreign, 'status')) ?? statusFrom(read(foreign, 'statusCode')))
}

function serverError<P extends ProblemMembers>(cause: unknown, make: ProblemMaker<P>): P {
  return make.wrapping(cause, () => make.ofClass(500, { cause }))
}

/**
 * The problem of a validation failure an adapter found itself (NestJS's `ValidationPipe`
 * exceptions, which carry their entries in their response): the members `normalize` gives any
 * other validation failure, with `status` when the framework chose one. Internal, for adapters.
 */
export function validationFailureProblem(
  failure: ValidationFailure,
  cause: unknown,
  options: NormalizeOptions,
  status: number = options.validationStatus ?? 400,
): HttpProblem {
  return validationProblem(cause, failure, options, AS_PROBLEMS, status)
}

function validationProblem<P extends ProblemMembers>(
  foreign: unknown,
  failure: ValidationFailure,
  options: NormalizeOptions,
  make: ProblemMaker<P>,
  status: number = options.validationStatus ?? 400,
): P {
  const errors = validationIssues(failure.entries, failure.part, options.validationReaders)
  return make.ofClass(status, {
    detail: validationDetail(failedPart(failure, errors)),
    code: 'VALIDATION_FAILED',
    extensions: { errors },
    cause: foreign,
  })
}

function statusFrom(value: unknown): number | undefined {
  const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value
  // Stryker disable next-line ConditionalExpression: `typeof` narrows the type; Number.isInteger is false for every non-number
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : undefined
}

/**
 * The own members of a foreign `headers` object, each read guarded (a getter that throws counts as
 * absent). Which values are sent is the problem's own rule, applied where every problem's headers
 * are copied (`copyHeaders`: strings and finite numbers).
 */
function headerRecord(value: unknown): Record<string, string> | undefined {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut for errors without headers; the keys of a string read as no values, and Object.keys(null) throws into the catch
  if (typeof value !== 'object' || value === null) return undefined
  const headers: Record<string, unknown> = {}
  let names: string[]
  try {
    names = Object.keys(value)
  } catch {
    return undefined
  }
  for (const name of names) headers[name] = read(value as Record<string, unknown>, name)
  // Not yet strings: `copyHeaders` keeps only the values that are, or finite numbers, and drops the rest.
  return headers as Record<string, string>
}
