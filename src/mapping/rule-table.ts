/**
 * Ready-made rule sets as data: each set is a table of rows (the driver codes a row answers, and
 * the problem it answers with), and one function turns a table into `ProblemRule`s. The README
 * table documents the same rows, and a test fails if the two drift apart.
 *
 * What a row may expose is fixed here: its own `detail` and `code`, a `Retry-After`, and
 * `errors[]` entries that name fields (`{ pointer, detail }`, RFC 9457 §3) when the driver says
 * which ones and they are plain identifiers. Never the driver's message, constraint names, values
 * or SQL: those stay in the log line, as the problem's `cause`.
 */
import { createProblem } from '../classes.js'
import { causeChain } from '../network-errors.js'
import { wrapCause, type HttpProblem } from '../problem.js'
import type { ProblemRule } from './rule.js'

/** One field named in `errors[]`: a JSON Pointer fragment and what is wrong with it. */
export interface FieldError {
  readonly pointer: string
  readonly detail: string
}

/** One row: the driver codes it answers, and the problem for them. */
export interface RuleRow<E> {
  /** The driver's codes (SQLSTATE, Prisma `P2002`, MongoDB `11000`...). */
  readonly codes: readonly (string | number)[]
  readonly status: 404 | 409 | 422 | 502 | 503 | 504
  /** The problem's `code` member. */
  readonly code: string
  /** The problem's `detail`: fixed text (on a 5xx, logged and not sent, as always). */
  readonly detail: string
  /** `Retry-After` in seconds, on a 503. */
  readonly retryAfter?: number
  /** The fields the driver names, for `errors[]`, with what is wrong with each. */
  readonly fields?: { readonly of: (error: E) => readonly string[]; readonly detail: string }
}

/**
 * Plain identifiers (`email`, `author_id`), dot paths of them for documents (`profile.email`):
 * what a driver reports as a column or key. Anything else (an expression index, quoted names
 * with spaces) is left out rather than echoed.
 */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]{0,62}(?:\.[A-Za-z_][A-Za-z0-9_]{0,62}){0,7}$/
/** At most this many fields are named (a unique key over many columns is rare). */
const MAX_FIELDS = 8

/**
 * The rules of a table. `find` digs the driver's error out of a thrown value (it may be wrapped)
 * when it carries one of `codes`; the row's problem keeps the thrown value as `cause`.
 */
export function rulesFromTable<E>(
  rows: readonly RuleRow<E>[],
  find: (thrown: unknown, codes: readonly (string | number)[]) => E | undefined,
): readonly ProblemRule[] {
  return Object.freeze(
    rows.map((row): ProblemRule => Object.freeze({
      match: (thrown: unknown) => find(thrown, row.codes) !== undefined,
      problem: (thrown: unknown) => problemOf(row, find(thrown, row.codes), thrown),
    })),
  )
}

/** What `read` makes of the first link of the thrown value's `cause` chain it recognizes. */
export function firstInChain<E>(thrown: unknown, read: (link: object) => E | undefined): E | undefined {
  for (const link of causeChain(thrown)) {
    const found = read(link)
    if (found !== undefined) return found
  }
  return undefined
}

function problemOf<E>(row: RuleRow<E>, error: E | undefined, thrown: unknown): HttpProblem {
  const errors = row.fields !== undefined && error !== undefined ? fieldErrors(row.fields.of(error), row.fields.detail) : []
  // The driver's error carries the stack that matters; the problem does not capture its own.
  return wrapCause(thrown, () => createProblem(row.status, {
    code: row.code,
    detail: row.detail,
    ...(row.retryAfter === undefined ? {} : { retryAfter: row.retryAfter }),
    ...(errors.length === 0 ? {} : { extensions: { errors } }),
    cause: thrown,
  } as Parameters<typeof createProblem>[1]))
}

/** `errors[]` entries for the fields that are plain identifier paths; the rest are left out. */
function fieldErrors(fields: readonly string[], detail: string): FieldError[] {
  return fields
    .filter((field) => FIELD_PATH.test(field))
    .slice(0, MAX_FIELDS)
    .map((field) => ({ pointer: `#/${field.split('.').join('/')}`, detail }))
}
