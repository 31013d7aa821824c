/**
 * Fastify's schema-validation errors (Ajv's error objects under `error.validation`) as RFC 9457
 * `errors` members: `{ in, pointer, detail }`, where `pointer` is a JSON Pointer URI fragment into
 * the request part that failed (`#/age`).
 */
import { clip } from './clip.js'
import { guarded } from './guarded.js'

/** One failed check of a request part. */
export interface ValidationIssue {
  /** The request part: `body`, `querystring`, `params` or `headers` (Fastify's names). */
  in: string
  /** JSON Pointer fragment to the offending member, e.g. `#/items/0/name`; `#` for the whole part. */
  pointer: string
  /** What is wrong, e.g. `must be integer`. */
  detail: string
}

/**
 * At most this many issues go into a body, so a huge invalid payload cannot make a huge answer.
 *
 * @example
 * body.errors.length <= MAX_VALIDATION_ISSUES // always true
 */
export const MAX_VALIDATION_ISSUES = 50

/**
 * Longest `pointer` or `detail` of one issue, in characters. Pointers name members of the client's
 * own payload, so a 1 MB member name would otherwise come straight back (and 50 of them, 50 MB).
 *
 * @example
 * body.errors.every((issue) => issue.pointer.length <= MAX_ISSUE_TEXT_LENGTH) // true
 */
export const MAX_ISSUE_TEXT_LENGTH = 512

const PART_NAMES: Readonly<Record<string, string>> = {
  body: 'body',
  querystring: 'query string',
  params: 'path parameters',
  headers: 'headers',
}

/** A one-line summary for `detail`, e.g. `The request body is invalid.` */
export function validationDetail(context: string): string {
  return `The request ${Object.hasOwn(PART_NAMES, context) ? PART_NAMES[context] : 'data'} is invalid.`
}

/**
 * The issues of a Fastify validation error; unreadable entries are skipped, never thrown on.
 * The array comes from a thrown value, so it may be a Proxy or carry throwing getters: each read
 * is guarded on its own, and one bad entry costs that entry only.
 */
export function validationIssues(validation: readonly unknown[], context: string): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const length = guarded(() => validation.length)
  if (typeof length !== 'number') return issues
  const part = clip(context, 64)
  for (let index = 0; index < length && issues.length < MAX_VALIDATION_ISSUES; index++) {
    const issue = guarded(() => issueOf(validation[index], part))
    if (issue !== undefined) issues.push(issue)
  }
  return issues
}

function issueOf(entry: unknown, context: string): ValidationIssue | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined
  const { instancePath, params, message } = entry as Record<string, unknown>
  return {
    in: context,
    pointer: clip(pointerFragment(typeof instancePath === 'string' ? instancePath : '', offendingMember(params)), MAX_ISSUE_TEXT_LENGTH),
    detail: typeof message === 'string' ? clip(message, MAX_ISSUE_TEXT_LENGTH) : 'is invalid',
  }
}

/**
 * For "required" and "additionalProperties" Ajv reports the parent object's path; the member the
 * client must fix is the one named in `params`, so the pointer names it.
 */
function offendingMember(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined
  const { missingProperty, additionalProperty } = params as Record<string, unknown>
  if (typeof missingProperty === 'string') return missingProperty
  if (typeof additionalProperty === 'string') return additionalProperty
  return undefined
}

/** Unpaired UTF-16 surrogates: JSON lets a client send them in member names, `encodeURI` throws on them. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** RFC 6901: `~` → `~0`, `/` → `~1`; then the URI fragment form (section 6). */
function pointerFragment(instancePath: string, member: string | undefined): string {
  // Cut before encoding: percent-encoding can grow a string ninefold, and the result is cut again.
  const path = clip(instancePath, MAX_ISSUE_TEXT_LENGTH)
  const pointer = member === undefined ? path : `${path}/${clip(member, MAX_ISSUE_TEXT_LENGTH).replace(/~/g, '~0').replace(/\//g, '~1')}`
  return `#${encodeURI(pointer.replace(LONE_SURROGATE, '\ufffd')).replace(/#/g, '%23')}`
}
