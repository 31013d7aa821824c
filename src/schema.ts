/**
 * The contract of a problem body as data: a JSON Schema for tools (OpenAPI documents, contract
 * tests, other languages' validators) and a TypeScript type for code that reads bodies without a
 * validator. Both describe what `renderProblem` writes; `test/contracts` checks real responses
 * against the schema and the type against the schema's member lists, so the three cannot drift.
 */

/**
 * JSON Schema of the problem bodies this library sends (RFC 9457 plus `code` and
 * `correlationId`). Written in the subset that JSON Schema draft-07, 2020-12 and OpenAPI 3.0/3.1
 * share, so it can be dropped into any of them; extension members are allowed at the top level.
 * Deeply frozen: copy it (`structuredClone`) before handing it to a tool that edits schemas.
 *
 * @example
 * import { problemSchema } from 'http-problems'
 * app.get('/users/:id', { schema: { response: { 404: problemSchema } } }, handler)
 */
export const problemSchema = deepFreeze({
  title: 'Problem Details',
  description:
    'An RFC 9457 problem details object. Members not listed here are extension members of the problem type.',
  type: 'object',
  required: ['type', 'title', 'status', 'instance', 'code', 'correlationId'],
  properties: {
    type: {
      type: 'string',
      description: 'URI reference identifying the problem type; `about:blank` when the status says it all.',
    },
    title: {
      type: 'string',
      description: 'Short summary of the problem type; the HTTP reason phrase for `about:blank`.',
    },
    status: {
      type: 'integer',
      minimum: 400,
      maximum: 599,
      description: 'The HTTP status code of this response.',
    },
    detail: {
      type: 'string',
      description: 'Explanation of this occurrence. On 5xx answers, a fixed text that asks to quote the correlationId.',
    },
    instance: {
      type: 'string',
      description: 'The request path (without the query string) this problem occurred on.',
    },
    code: {
      type: 'string',
      minLength: 1,
      description: 'Stable machine code for clients, e.g. `NOT_FOUND` or `VALIDATION_FAILED`.',
    },
    correlationId: {
      type: 'string',
      minLength: 1,
      maxLength: 128,
      description: 'Ties this answer to the server log line; also sent as the correlation id header.',
    },
  },
  additionalProperties: true,
} as const)

/**
 * A problem body as this library sends it, for code that reads one without a validator. Extension
 * members are `unknown`: narrow them before use.
 *
 * @example
 * const body = (await response.json()) as ProblemBody
 * console.error(`${body.status} ${body.code}, quote ${body.correlationId}`)
 */
// The standard members are written out here, not in a named interface of their own, so the public
// type shows them (the API report, editors' hovers) instead of naming a type users cannot import.
export type ProblemBody = {
  /** Problem type URI; `about:blank` unless the problem has its own type. */
  type: string
  /** Short summary of the problem type. */
  title: string
  /** The HTTP status code, 400..599. */
  status: number
  /** Explanation of this occurrence; absent on 4xx problems that have none. */
  detail?: string
  /** The request path the problem occurred on. */
  instance: string
  /** Stable machine code, e.g. `NOT_FOUND`. */
  code: string
  /** The correlation id of the request, also in the correlation id header. */
  correlationId: string
} & { readonly [extension: string]: unknown }

/** Freezes a JSON value and everything inside it, so the shared schema cannot be edited by accident. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member)
    Object.freeze(value)
  }
  return value
}
