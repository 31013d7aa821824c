/**
 * Recognising a problem document in JSON that came over the wire. Strict on purpose: a type guard
 * must only say yes when every member the type promises really has that type. (`parseProblem` is
 * the lenient reader: it ignores wrong-typed members, as RFC 9457 section 3.1 asks.)
 */

/**
 * An RFC 9457 problem document from any server: every member is optional, extension members
 * are `unknown`. Bodies from http-problems servers also match the stricter `ProblemBody`.
 */
export interface ProblemDocument {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  /** http-problems' machine code member. */
  code?: string
  /** http-problems' correlation id member. */
  correlationId?: string
  readonly [extension: string]: unknown
}

const STRING_MEMBERS = ['type', 'title', 'detail', 'instance', 'code', 'correlationId'] as const

/**
 * True when `value` is a problem document: a plain JSON object with at least one of `type`,
 * `title` or `status`, where every standard member that is present has its RFC 9457 type and
 * `status` is an HTTP error status (400..599). Never throws.
 *
 * @example
 * const body: unknown = await response.json()
 * if (isProblem(body)) console.error(body.title, body.detail)
 */
export function isProblem(value: unknown): value is ProblemDocument {
  // `null` (typeof 'object') goes on, and throws at the first member read, into the catch.
  if (typeof value !== 'object' || Array.isArray(value)) return false
  try {
    const document = value as Record<string, unknown>
    for (const member of STRING_MEMBERS) {
      if (document[member] !== undefined && typeof document[member] !== 'string') return false
    }
    const { status } = document
    if (status !== undefined && !isErrorStatus(status)) return false
    return document.type !== undefined || document.title !== undefined || status !== undefined
  } catch {
    // `null`; a Proxy or a throwing getter is not something a JSON parser produced.
    return false
  }
}

/** An integer HTTP status from 400 to 599. */
export function isErrorStatus(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 400 && (value as number) <= 599
}
