/**
 * Nest's exceptions as problems, read as data (no import of `@nestjs/common`, no method called):
 * - a 4xx `HttpException` (`NotFoundException`, `new HttpException(response, status, { cause })`...):
 *   its `status`; the `message` of its response (or the response string), else its `error`
 *   description, as `detail` unless it only repeats the status phrase, and its `errorCode` as
 *   `code` when it is CONSTANT_CASE (a 5xx one is left to `normalize`, which shows nothing);
 * - a `ValidationPipe` failure: a 4xx whose response (or `response.message`) is an array, of
 *   class-validator `ValidationError`s or of the pipe's messages, and the bare `ValidationError[]`
 *   an `exceptionFactory` may throw: the validation problem every adapter answers;
 * - what the platform's `mapException` wrapped (body-parser, http-errors, Fastify errors, a path
 *   that does not decode): answered as the wrapped error is by the plain adapters.
 * (A path that does not decode is the bad-URL problem, as `frameworkErrors` answers it on Fastify.)
 * They run as mapping rules after the user's `map`, so a user rule can still answer them first.
 */
import { STATUS_CODES } from 'node:http'
import { classFor } from '../classes.js'
import { badUrlOr } from '../express/bad-url.js'
import { isArray, isError, readProperty as read } from '../guarded.js'
import type { ProblemRule } from '../mapping/rule.js'
import { PUBLIC_CODE, isHttpError, normalize, validationFailureProblem, type NormalizeOptions } from '../normalize.js'
import { HttpProblem, wrapCause } from '../problem.js'

/** Duck-typed `HttpException`: an `Error` with Nest's accessors; its fields are read, never called. */
export function isHttpException(thrown: unknown): thrown is Error {
  return isError(thrown) && typeof read(thrown, 'getStatus') === 'function' && typeof read(thrown, 'getResponse') === 'function'
}

/** The rules the filter appends to the user's `map`; `options` are the resolved shared ones. */
export function nestExceptionRules(options: NormalizeOptions): ProblemRule[] {
  return [
    { match: isValidationErrorList, problem: (errors) => validationFailureProblem({ entries: errors as unknown[], part: undefined }, errors, options) },
    { match: isClientException, httpErrors: true, problem: (exception) => httpExceptionProblem(exception as Error, options) },
  ]
}

/**
 * An `HttpException` with a 4xx status. The others are left to `normalize`, which answers them
 * as it answers any error with that status (a 5xx shows nothing; a 302 is a 500) and logs them
 * with their stack and `cause` chain, as a server error must be.
 */
function isClientException(thrown: unknown): boolean {
  const status = isHttpException(thrown) ? read(thrown, 'status') : undefined
  return Number.isInteger(status) && (status as number) >= 400 && (status as number) < 500
}

/**
 * The `ValidationError[]` an `exceptionFactory: (errors) => errors` throws as it is (`read` answers
 * undefined for anything but an object, so a primitive entry has no `property`).
 */
function isValidationErrorList(thrown: unknown): boolean {
  return isArray(thrown) && thrown.length > 0 && thrown.every((entry) => typeof read(entry, 'property') === 'string')
}

function httpExceptionProblem(exception: Error, options: NormalizeOptions): HttpProblem {
  const status = read(exception, 'status') as number
  const cause = read(exception, 'cause')
  if (wrapsHttpError(exception, cause, status)) return normalize(badUrlOr(cause), options)
  const response = read(exception, 'response')
  const entries = validationEntries(response)
  if (entries !== undefined) return validationFailureProblem({ entries, part: undefined }, exception, options, status)
  const errorCode = read(exception, 'errorCode')
  return wrapCause(exception, () => new HttpProblem(status, {
    detail: detailOf(response, status),
    code: typeof errorCode === 'string' && PUBLIC_CODE.test(errorCode) ? errorCode : undefined,
    cause: exception,
  }))
}

/**
 * True when the exception only wraps an HTTP error, as the platform's `mapException` does for
 * body-parser, http-errors and Fastify's own errors: same status, and the wrapped message (or,
 * for an error not to be exposed, Node's status text). An exception of your own that names such
 * an error as its `cause` keeps its own message.
 */
function wrapsHttpError(exception: Error, cause: unknown, status: number): boolean {
  if (!isError(cause) || isHttpException(cause) || !isHttpError(cause)) return false
  if (read(cause, 'status') !== status && read(cause, 'statusCode') !== status) return false
  const message = read(exception, 'message')
  return message === read(cause, 'message') || message === STATUS_CODES[status]
}

/** The validation entries of a response: the response itself, or its `message`, when an array. */
function validationEntries(response: unknown): unknown[] | undefined {
  if (isArray(response)) return response
  const message = read(response, 'message')
  return isArray(message) ? message : undefined
}

/** The response string, else its `message`, else its `error`; nothing that only repeats the title. */
function detailOf(response: unknown, status: number): string | undefined {
  const title = classFor(status)?.title
  const texts = typeof response === 'string' ? [response] : [read(response, 'message'), read(response, 'error')]
  return texts.find((text): text is string => typeof text === 'string' && text !== '' && text !== title)
}
