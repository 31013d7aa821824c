/**
 * `problemFromResponse`: an upstream error answer → an instance of our class for its status, so
 * callers branch with `instanceof NotFound` and can rethrow it as their own answer. The upstream's
 * members travel along; its `instance` and correlation id do not, since the rethrown problem
 * answers a different request (the renderer adds this request's own).
 */
import type { ProblemType } from '../catalog/problem-type.js'
import { createProblem } from '../classes.js'
import { HttpProblem, type ProblemOptions } from '../problem.js'
import { UsageError } from '../usage-error.js'
import { declaredProblem } from './declared-problem.js'
import { isErrorStatus } from './is-problem.js'
import { parseProblem, type ParsedProblem, type ParseOptions, type ResponseLike } from './parse-problem.js'
import { fieldsFromHeaders, type HeaderReader } from './response-fields.js'

/** Options of `problemFromResponse`: those of `parseProblem`, and the problem types to recognise. */
export interface ProblemFromResponseOptions extends ParseOptions {
  /**
   * `defineProblem` classes (a shared catalog package): a body whose `type` and `status` are one
   * of theirs, with members that match its schema, becomes an instance of that class.
   */
  catalog?: readonly ProblemType[]
}

/** Members a problem's body gets from the renderer, never from an upstream's extensions. */
const RENDERER_MEMBERS = new Set(['stack'])

/**
 * Reads an error response (status 400..599) into an `HttpProblem` of the matching class:
 * `instanceof NotFound` for a 404, with the upstream's `type`, `title`, `detail`, `code` and
 * extension members, and the typed fields its headers carried (`Allow`, `Retry-After`...).
 * A 5xx detail stays hidden when the problem is rethrown, like any 5xx detail. The
 * `ParsedProblem` is kept as `cause`, for the log. Throws `ERR_HTTP_PROBLEMS_INVALID_STATUS`
 * (without reading the body) for a status outside 400..599: only error answers become problems.
 *
 * @example
 * const response = await fetch(`${usersUrl}/users/${id}`)
 * if (!response.ok) {
 *   const problem = await problemFromResponse(response)
 *   if (problem instanceof NotFound) return undefined
 *   throw problem
 * }
 *
 * // With the catalog the services share, declared types come back as their own classes:
 * const problem = await problemFromResponse(response, { catalog: [OutOfCredit] })
 * if (problem instanceof OutOfCredit) console.log(problem.extensions.balance) // a number
 */
export async function problemFromResponse(response: ResponseLike, options?: ProblemFromResponseOptions): Promise<HttpProblem> {
  if (!isErrorStatus(response.status)) {
    throw new UsageError(
      'ERR_HTTP_PROBLEMS_INVALID_STATUS',
      `http-problems: problemFromResponse needs an error response (400..599), received status ${String(response.status)}`,
    )
  }
  return problemFromParsed(await parseProblem(response, options), response.headers, options?.catalog)
}

/**
 * The problem for a parsed error answer; `headers` supply the status's typed fields, `catalog`
 * the declared classes a matching body becomes.
 */
export function problemFromParsed(parsed: ParsedProblem, headers: HeaderReader, catalog?: readonly ProblemType[]): HttpProblem {
  const extensions: Record<string, unknown> = {}
  for (const name of Object.keys(parsed.extensions)) {
    if (!RENDERER_MEMBERS.has(name)) extensions[name] = parsed.extensions[name]
  }
  const declared = catalog === undefined ? undefined : declaredProblem(parsed, extensions, catalog)
  if (declared !== undefined) return declared
  const options: ProblemOptions = {
    type: parsed.type,
    title: parsed.title,
    detail: parsed.detail,
    code: parsed.code,
    extensions,
    cause: parsed,
  }
  try {
    return createProblem(parsed.status, { ...options, ...fieldsFromHeaders(parsed.status, headers) })
  } catch {
    // The upstream left out a header its status requires (a 405 without Allow...). The base class
    // still answers `instanceof MethodNotAllowed`, and the renderer fills in what it can.
    return new HttpProblem(parsed.status, options)
  }
}
