/**
 * The contract between a validator's error shape and the `errors` member of a problem body. A
 * reader recognises one validator's entries and says, for each, which member failed (as path
 * segments) and why; the library does the rest (JSON Pointer escaping, the fragment form, length
 * limits, the cap on the number of issues). The built-in readers (validation-readers.ts) and the
 * ones users add with `defineValidationReader` follow the same contract.
 */
import type { PathSegment } from './json-pointer.js'
import { UsageError, invalidOption } from './usage-error.js'

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

/** One failed check, as a reader reports it. */
export interface ValidationFinding {
  /**
   * The offending member, one segment per level (`['items', 0, 'name']`), unescaped: the library
   * escapes `~` and `/`. `[]` names the whole request part.
   */
  path: readonly PathSegment[]
  /** What is wrong, sent to the client (so: no internals, no values). Default `is invalid`. */
  detail?: string
  /**
   * The request part (`body`, `querystring`, `params`, `headers`, `cookies`), when the entry says
   * which. Default: the part the framework reported (Fastify's `validationContext`), else `body`.
   */
  in?: string
}

/** What `read` may return for one entry: one finding, several, or none. */
export type ValidationFindings = ValidationFinding | readonly ValidationFinding[] | undefined

/**
 * A reader of one validator's error entries, made by `defineValidationReader`. The adapters try
 * the readers given in the `validationReaders` option first, then the built-in ones.
 */
export interface ValidationReader {
  /** Names the reader in error messages. */
  readonly name: string
  /** True when `entry` has the shape this reader reads. Must not throw (a throw counts as `false`). */
  readonly matches: (entry: unknown) => boolean
  /** The findings of an entry `matches` accepted. A throw skips that entry. */
  readonly read: (entry: never) => ValidationFindings
}

/** The argument of `defineValidationReader`: `matches` narrows the entry `read` receives. */
export interface ValidationReaderDefinition<Entry> {
  /** Names the reader in error messages, e.g. `joi`. */
  name: string
  /** A type guard: true when `entry` has this reader's shape. */
  matches: (entry: unknown) => entry is Entry
  /** The findings of one entry. */
  read: (entry: Entry) => ValidationFindings
}

const READER_BRAND = Symbol.for('http-problems.validationReader')

/**
 * Teaches the library one more validation error shape: entries that `matches` accepts become
 * `errors[]` items through `read`. Pass the result in the `validationReaders` option (Fastify
 * plugin and Express middleware alike) or to `readValidationIssues`. Throws
 * `ERR_HTTP_PROBLEMS_INVALID_OPTION` when a member is missing or of the wrong type.
 *
 * @example
 * import { defineValidationReader } from 'http-problems'
 *
 * // Joi's ValidationError, as a hand-written Fastify validatorCompiler returns it
 * const joi = defineValidationReader({
 *   name: 'joi',
 *   matches: (entry): entry is { details: { path: (string | number)[]; message: string }[] } =>
 *     typeof entry === 'object' && entry !== null && Array.isArray((entry as { details?: unknown }).details),
 *   read: (error) => error.details.map((detail) => ({ path: detail.path, detail: detail.message })),
 * })
 * await app.register(problems, { validationReaders: [joi] })
 */
export function defineValidationReader<Entry>(definition: ValidationReaderDefinition<Entry>): ValidationReader {
  if (typeof definition !== 'object' || definition === null) invalidOption('defineValidationReader', 'an object { name, matches, read }', definition)
  const { name, matches, read } = definition
  if (typeof name !== 'string' || name === '') invalidOption('defineValidationReader.name', 'a non-empty string', name)
  if (typeof matches !== 'function') invalidOption(`${name}.matches`, 'a function (entry) => boolean', matches)
  if (typeof read !== 'function') invalidOption(`${name}.read`, 'a function (entry) => findings', read)
  const reader = { name, matches, read: read as (entry: never) => ValidationFindings }
  Object.defineProperty(reader, READER_BRAND, { value: true })
  return Object.freeze(reader)
}

/** The `validationReaders` option: readers made by `defineValidationReader`, in the order given. */
export function validationReadersOption(value: unknown, name = 'validationReaders'): readonly ValidationReader[] {
  const readers: unknown = value === undefined ? [] : value
  if (!Array.isArray(readers)) invalidOption(name, 'an array of readers made by defineValidationReader', value)
  readers.forEach((reader, index) => {
    if (!isValidationReader(reader)) {
      throw new UsageError(
        'ERR_HTTP_PROBLEMS_INVALID_OPTION',
        `http-problems: option "${name}[${index}]" must be a reader made by defineValidationReader`,
      )
    }
  })
  return Object.freeze([...readers] as ValidationReader[])
}

function isValidationReader(value: unknown): value is ValidationReader {
  return (value as Record<symbol, unknown> | null | undefined)?.[READER_BRAND] === true
}
