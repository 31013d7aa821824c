/**
 * MongoDB errors → problems. Recognized by shape: an error whose `name` starts with `Mongo`
 * (`MongoServerError`, `MongoBulkWriteError`) and whose numeric `code` is a row's. No driver
 * import; Mongoose passes the driver's errors through.
 */
import { readProperty as read } from '../guarded.js'
import { firstInChain, rulesFromTable, type RuleRow } from './rule-table.js'
import type { ProblemRule } from './rule.js'

/** What the rules read from a MongoDB error. */
export interface MongoErrorLike {
  readonly code: number
  /** The field names of the duplicated index (`keyPattern`); never its values (`keyValue`). */
  readonly keys: readonly string[]
}

/** The MongoDB rows, in the order the README table lists them. */
export const MONGO_ROWS: readonly RuleRow<MongoErrorLike>[] = [
  {
    codes: [11000],
    status: 409,
    code: 'ALREADY_EXISTS',
    detail: 'A resource with the same unique value already exists.',
    fields: { of: (error) => error.keys, detail: 'is already taken' },
  },
]

function mongoError(thrown: unknown, codes: readonly (string | number)[]): MongoErrorLike | undefined {
  return firstInChain(thrown, (link) => {
    const name = read(link, 'name')
    const code = read(link, 'code')
    // `includes` is strict: only a number that is one of the row's codes passes.
    return typeof name === 'string' && name.startsWith('Mongo') && codes.includes(code as number)
      ? { code: code as number, keys: keysOf(read(link, 'keyPattern')) }
      : undefined
  })
}

function keysOf(keyPattern: unknown): string[] {
  // Only an object names fields: `Object.keys` throws for null and undefined, finds none on a
  // number, and only indexes on a string, which are no identifier paths (the rule table drops them).
  try {
    // Stryker disable next-line MethodExpression: the rule table names at most 8 fields; the cut only bounds the work on a long pattern
    return Object.keys(keyPattern as object).slice(0, 16)
  } catch {
    // Stryker disable next-line ArrayDeclaration: a made-up key is no identifier path, and the rule table names only those
    return []
  }
}

/**
 * Rules for MongoDB errors (see the README table): 11000 duplicate key → 409, naming the fields
 * of the unique index (`keyPattern`) in `errors[]`, never the duplicated values.
 *
 * @example
 * import { mongoRules } from 'http-problems/mapping'
 *
 * await app.register(problems, { map: mongoRules })
 * app.post('/users', async (request) => users.insertOne(request.body))
 * // a duplicate email → 409 { code: 'ALREADY_EXISTS', errors: [{ pointer: '#/email', detail: 'is already taken' }] }
 */
export const mongoRules: readonly ProblemRule[] = rulesFromTable(MONGO_ROWS, mongoError)
