/**
 * Validation failures as RFC 9457 `errors` members: `{ in, pointer, detail }`, where `pointer` is
 * a JSON Pointer URI fragment into the request part that failed (`#/age`). Which thrown values are
 * validation failures is decided here; how each validator's entries read is up to the readers
 * (validation-readers.ts, and the user's own from `defineValidationReader`).
 */
import { clip } from './clip.js'
import { guarded, isArray, readProperty as read } from './guarded.js'
import { pointerFragment, type PathSegment } from './json-pointer.js'
import { attachSchemaError, attachedSchemaError } from './schema-error.js'
import { invalidOption } from './usage-error.js'
import {
  MAX_ISSUE_TEXT_LENGTH,
  MAX_VALIDATION_ISSUES,
  validationReadersOption,
  type ValidationFinding,
  type ValidationReader,
} from './validation-reader.js'
import { BUILT_IN_READERS } from './validation-readers.js'

export { MAX_ISSUE_TEXT_LENGTH, MAX_VALIDATION_ISSUES } from './validation-reader.js'

/** One failed check of a request part. */
export interface ValidationIssue {
  /** The request part: `body`, `querystring`, `params`, `headers` (Fastify's names) or `cookies`. */
  in: string
  /** JSON Pointer fragment to the offending member, e.g. `#/items/0/name`; `#` for the whole part. */
  pointer: string
  /** What is wrong, e.g. `must be integer`. */
  detail: string
}

/** The entries of a thrown validation failure, and the request part the framework named, if any. */
export interface ValidationFailure {
  entries: readonly unknown[]
  part: string | undefined
}

/**
 * The validation entries of a thrown value, or `undefined` when it is not a validation failure:
 * - any value with a `validation` array (Fastify's schema errors, and anyone following them);
 * - the error express-validator's `validationResult(req).throw()` raises (`errors`, with the
 *   Result's methods beside it): it carries no status, yet it is the client's fault;
 * - a Fastify `FST_ERR_VALIDATION` error a validatorCompiler returned as an `Error` (a zod or Joi
 *   error, say): the error itself is the one entry.
 */
export function validationFailureOf(foreign: Record<string, unknown>): ValidationFailure | undefined {
  const validation = read(foreign, 'validation')
  if (isArray(validation)) return { entries: validation, part: partOf(foreign) }
  const errors = read(foreign, 'errors')
  if (isArray(errors) && typeof read(foreign, 'mapped') === 'function' && typeof read(foreign, 'isEmpty') === 'function') {
    return { entries: errors, part: partOf(foreign) }
  }
  if (read(foreign, 'code') !== 'FST_ERR_VALIDATION') return undefined
  const part = partOf(foreign)
  return part === undefined ? undefined : { entries: [foreign], part }
}

/** The request part Fastify names in `validationContext`, if any. */
function partOf(foreign: Record<string, unknown>): string | undefined {
  const context = read(foreign, 'validationContext')
  return typeof context === 'string' ? context : undefined
}

/** The request parts a validation problem's `detail` names; `data` stands for several, or another. */
export type ValidationPart = 'body' | 'querystring' | 'params' | 'headers' | 'cookies' | 'data'

const PART_SUBJECTS: Readonly<Record<ValidationPart, string>> = {
  body: 'body is',
  querystring: 'query string is',
  params: 'path parameters are',
  headers: 'headers are',
  cookies: 'cookies are',
  data: 'data is',
}

/** Every `ValidationPart`, in the order above. */
export const VALIDATION_PARTS = Object.freeze(Object.keys(PART_SUBJECTS) as ValidationPart[])

/** A one-line summary for `detail`, e.g. `The request body is invalid.`; `data` for a part not listed above. */
export function validationDetail(part: string | undefined): string {
  // `undefined` (no part in particular) names no key, so it reads as `data`, like any part not listed.
  return `The request ${PART_SUBJECTS[Object.hasOwn(PART_SUBJECTS, String(part)) ? (part as ValidationPart) : 'data']} invalid.`
}

const SUMMARIZED_PARTS: ReadonlyMap<string, ValidationPart> = new Map(VALIDATION_PARTS.map((part) => [validationDetail(part), part]))

/** The part whose `validationDetail` `detail` is, so the summary can be said in another language; else `undefined`. */
export function summarizedPart(detail: string): ValidationPart | undefined {
  return SUMMARIZED_PARTS.get(detail)
}

/**
 * The request part a failure is about, for its `detail`: the one the framework named, else the
 * one all its issues share (`body` when there is none), else none in particular (`undefined`).
 */
export function failedPart(failure: ValidationFailure, issues: readonly ValidationIssue[]): string | undefined {
  if (failure.part !== undefined) return failure.part
  const parts = new Set(issues.map((issue) => issue.in))
  return parts.size === 1 ? issues[0]!.in : parts.size === 0 ? 'body' : undefined
}

/** Most validation entries read from one failure, whatever they yield: 20 for each issue a body can hold. */
export const MAX_VALIDATION_ENTRIES_READ = MAX_VALIDATION_ISSUES * 20

/**
 * The issues of validation entries, read by the first of `readers` (then the built-in ones) that
 * matches each. Unreadable entries are skipped, never thrown on: the array comes from a thrown
 * value, so it may be a Proxy or carry throwing getters, and a reader may throw; each read is
 * guarded on its own, and one bad entry costs that entry only.
 */
export function validationIssues(
  entries: readonly unknown[],
  part: string | undefined,
  readers?: readonly ValidationReader[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const length = guarded(() => entries.length)
  if (typeof length !== 'number') return issues
  const defaultPart = clip(part ?? 'body', 64)
  // Entries that give no issue do not count toward MAX_VALIDATION_ISSUES, so the entries read are
  // bounded too: a thrown array (or Proxy) of a million empty entries would otherwise hold the request.
  const readable = Math.min(length, MAX_VALIDATION_ENTRIES_READ)
  for (let index = 0; index < readable && issues.length < MAX_VALIDATION_ISSUES; index++) {
    const findings = guarded(() => findingsOf(entries[index], readers))
    if (findings === undefined) continue
    for (const finding of findings) {
      const issue = guarded(() => issueOf(finding, defaultPart))
      if (issue !== undefined && issues.length < MAX_VALIDATION_ISSUES) issues.push(issue)
    }
  }
  return issues
}

/** The findings of one entry, as a plain array; what is no finding (`undefined`, say) issueOf drops. */
function findingsOf(entry: unknown, readers: readonly ValidationReader[] | undefined): readonly unknown[] {
  const reader = readers?.find((candidate) => guarded(() => candidate.matches(entry)) === true) ?? BUILT_IN_READERS.find((candidate) => candidate.matches(entry))
  // Stryker disable next-line OptionalChaining: no reader for the entry and a reader that throws both mean no findings (the caller guards the call)
  const findings = reader?.read(entry as never)
  return isArray(findings) ? findings.slice(0, MAX_VALIDATION_ISSUES) : [findings]
}

/** A finding as a body issue; what a reader got wrong (a path that is no array, say) is dropped. */
function issueOf(finding: unknown, defaultPart: string): ValidationIssue | undefined {
  // Object(): a finding that is no object (null, a string) has no path either, and is dropped.
  const { path, detail, in: part } = Object(finding) as Partial<Record<keyof ValidationFinding, unknown>>
  if (!isArray(path)) return undefined
  // A segment that is neither a name nor an index ends the path: the pointer names its parent.
  const segments: PathSegment[] = []
  for (const segment of path.slice(0, MAX_ISSUE_TEXT_LENGTH)) {
    if (typeof segment !== 'string' && typeof segment !== 'number') break
    segments.push(segment)
  }
  const issue = {
    in: typeof part === 'string' ? clip(part, 64) : defaultPart,
    pointer: pointerFragment(segments, MAX_ISSUE_TEXT_LENGTH),
    detail: typeof detail === 'string' ? clip(detail, MAX_ISSUE_TEXT_LENGTH) : 'is invalid',
  }
  // The schema error it was read from, for a localized `detail`; the body never shows it.
  attachSchemaError(issue, attachedSchemaError(finding))
  return issue
}

/** Options of `readValidationIssues`. */
export interface ReadValidationIssuesOptions {
  /** The request part of entries that do not name their own. Default `body`. */
  in?: string
  /** Readers of more shapes, tried before the built-in ones (see `defineValidationReader`). */
  readers?: readonly ValidationReader[]
}

/**
 * The `errors` items (`{ in, pointer, detail }`) of validation entries of any shape the adapters
 * read (Ajv, TypeBox, zod, express-validator, and `readers`), for a problem you build yourself.
 * Entry values are never copied: express-validator's `value` stays out of the body.
 *
 * @example
 * import { UnprocessableContent, readValidationIssues } from 'http-problems'
 *
 * const result = validationResult(req) // express-validator
 * if (!result.isEmpty()) {
 *   throw new UnprocessableContent({ extensions: { errors: readValidationIssues(result.array()) } })
 * }
 */
export function readValidationIssues(entries: readonly unknown[], options: ReadValidationIssuesOptions = {}): ValidationIssue[] {
  if (!isArray(entries)) invalidOption('entries', 'an array of validation entries', entries)
  const { in: part, readers } = options
  if (part !== undefined && typeof part !== 'string') invalidOption('in', 'a request part name', part)
  return validationIssues(entries, part, validationReadersOption(readers, 'readers'))
}
