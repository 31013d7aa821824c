/**
 * Fastify's schema-validation errors (Ajv's error objects under `error.validation`) as RFC 9457
 * `errors` members: `{ in, pointer, detail }`, where `pointer` is a JSON Pointer URI fragment into
 * the request part that failed (`#/age`).
 */

/** One failed check of a request part. */
export interface ValidationIssue {
  /** The request part: `body`, `querystring`, `params` or `headers` (Fastify's names). */
  in: string
  /** JSON Pointer fragment to the offending member, e.g. `#/items/0/name`; `#` for the whole part. */
  pointer: string
  /** What is wrong, e.g. `must be integer`. */
  detail: string
}

/** At most this many issues go into a body, so a huge invalid payload cannot make a huge answer. */
export const MAX_VALIDATION_ISSUES = 50

const PART_NAMES: Readonly<Record<string, string>> = {
  body: 'body',
  querystring: 'query string',
  params: 'path parameters',
  headers: 'headers',
}

/** A one-line summary for `detail`, e.g. `The request body is invalid.` */
export function validationDetail(context: string): string {
  return `The request ${PART_NAMES[context] ?? 'data'} is invalid.`
}

/** The issues of a Fastify validation error; unreadable entries are skipped, never thrown on. */
export function validationIssues(validation: readonly unknown[], context: string): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  for (const entry of validation) {
    if (issues.length === MAX_VALIDATION_ISSUES) break
    if (typeof entry !== 'object' || entry === null) continue
    const { instancePath, params, message } = entry as Record<string, unknown>
    issues.push({
      in: context,
      pointer: pointerFragment(typeof instancePath === 'string' ? instancePath : '', offendingMember(params)),
      detail: typeof message === 'string' ? message : 'is invalid',
    })
  }
  return issues
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

/** RFC 6901: `~` → `~0`, `/` → `~1`; then the URI fragment form (section 6). */
function pointerFragment(instancePath: string, member: string | undefined): string {
  const pointer = member === undefined ? instancePath : `${instancePath}/${member.replace(/~/g, '~0').replace(/\//g, '~1')}`
  return `#${encodeURI(pointer).replace(/#/g, '%23')}`
}
