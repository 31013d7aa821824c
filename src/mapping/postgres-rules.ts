/**
 * PostgreSQL errors → problems, by SQLSTATE. Recognized by shape, not by class, so no driver is
 * imported: any error in the thrown value's `cause` chain with a string `code` and a string
 * `severity` (node-postgres's `DatabaseError`, postgres.js's `PostgresError`, PGlite's errors,
 * and the wrappers of ORMs that copy or chain them).
 */
import { readProperty as read } from '../guarded.js'
import { firstInChain, rulesFromTable, type RuleRow } from './rule-table.js'
import type { ProblemRule } from './rule.js'

/** What the rules read from a PostgreSQL error. Drivers add more; the rules need no more. */
export interface PostgresErrorLike {
  /** The SQLSTATE, e.g. `23505`. */
  readonly code: string
  readonly severity: string
  /** The column, where the server names one (node-postgres: `column`; postgres.js: `column_name`). */
  readonly column?: string
  readonly column_name?: string
  /** The server's detail line, e.g. `Key (email)=(a@example.com) already exists.` Never sent. */
  readonly detail?: string
}

/**
 * The columns of the key in the server's detail line: `Key (email)=(...)` → `['email']`,
 * `Key (tenant_id, slug)=(...)` → both. Only the names before `)=` are read, never the values; a
 * server whose messages are not in English (`lc_messages`) gives none, and the rule answers
 * without `errors[]`.
 */
function keyColumns(error: PostgresErrorLike): string[] {
  // No detail reads as `undefined`, which names no key.
  const match = /^Key \(([^()]+)\)=/.exec(String(error.detail))
  // Stryker disable next-line ArrayDeclaration: a made-up column is no identifier path, and the rule table names only those
  return match === null ? [] : match[1]!.split(', ')
}

/** The column the server names (NOT NULL, some CHECKs), in either driver's spelling. */
function namedColumn(error: PostgresErrorLike): string[] {
  return [error.column ?? error.column_name].filter((column): column is string => column !== undefined)
}

/** The PostgreSQL rows, in the order the README table lists them. */
export const POSTGRES_ROWS: readonly RuleRow<PostgresErrorLike>[] = [
  {
    codes: ['23505'],
    status: 409,
    code: 'ALREADY_EXISTS',
    detail: 'A resource with the same unique value already exists.',
    fields: { of: keyColumns, detail: 'is already taken' },
  },
  {
    codes: ['23503'],
    status: 409,
    code: 'REFERENCE_CONFLICT',
    detail: 'The request refers to a resource that does not exist, or the resource is still referred to.',
    fields: { of: keyColumns, detail: 'refers to a missing resource, or is still referred to' },
  },
  {
    codes: ['23502'],
    status: 422,
    code: 'MISSING_VALUE',
    detail: 'A required value is missing.',
    fields: { of: namedColumn, detail: 'is required' },
  },
  {
    codes: ['22P02'],
    status: 422,
    code: 'INVALID_VALUE',
    detail: 'A value does not have the expected format.',
  },
  {
    codes: ['23514'],
    status: 422,
    code: 'INVALID_VALUE',
    detail: 'A value is outside the allowed range.',
    fields: { of: namedColumn, detail: 'is not allowed' },
  },
  {
    codes: ['40001', '40P01'],
    status: 503,
    code: 'TRANSACTION_CONFLICT',
    detail: 'The transaction conflicted with a concurrent one (serialization failure or deadlock); retrying succeeds.',
    retryAfter: 1,
  },
  {
    codes: ['53300', '57P03'],
    status: 503,
    code: 'DATABASE_UNAVAILABLE',
    detail: 'The database refused the connection (too many connections, or starting up).',
    retryAfter: 5,
  },
  {
    codes: ['57014'],
    status: 503,
    code: 'QUERY_CANCELED',
    detail: 'The query was canceled (statement_timeout or a cancel request).',
  },
]

/** The first error in the chain that looks like a PostgreSQL error with one of `codes`. */
function postgresError(thrown: unknown, codes: readonly (string | number)[]): PostgresErrorLike | undefined {
  return firstInChain(thrown, (link) => {
    const code = read(link, 'code')
    const severity = read(link, 'severity')
    // `includes` is strict: only a string that is one of the row's codes passes.
    return codes.includes(code as string) && typeof severity === 'string'
      ? { code: code as string, severity, ...textFields(link) }
      : undefined
  })
}

/** `column`, `column_name` and `detail`, when they are strings (read once, guarded). */
function textFields(link: object): Pick<PostgresErrorLike, 'column' | 'column_name' | 'detail'> {
  const fields: { column?: string; column_name?: string; detail?: string } = {}
  for (const name of ['column', 'column_name', 'detail'] as const) {
    const value = read(link, name)
    if (typeof value === 'string') fields[name] = value
  }
  return fields
}

/**
 * Rules for PostgreSQL errors, by SQLSTATE (see the README table): unique and foreign-key
 * violations → 409, NOT NULL / bad input syntax / CHECK → 422, serialization failure and deadlock
 * → 503 with `Retry-After: 1`, too many connections and "starting up" → 503 with
 * `Retry-After: 5`, a canceled statement → 503. The answer names key columns in `errors[]` when
 * the server does; the driver's message, constraint names, values and SQL stay in the log.
 *
 * @example
 * import problems from 'http-problems'
 * import { postgresRules } from 'http-problems/mapping'
 *
 * await app.register(problems, { map: postgresRules })
 * app.post('/users', async (request) => db.query('insert into users (email) values ($1)', [request.body.email]))
 * // a duplicate email → 409 { code: 'ALREADY_EXISTS', errors: [{ pointer: '#/email', detail: 'is already taken' }] }
 */
export const postgresRules: readonly ProblemRule[] = rulesFromTable(POSTGRES_ROWS, postgresError)
