/**
 * Prisma Client errors → problems, by Prisma's error code. Recognized by shape: an error whose
 * `name` starts with `PrismaClient` and whose `code` (request errors) or `errorCode`
 * (initialization errors) is one of a row's codes. No Prisma import.
 */
import { readProperty as read, isArray } from '../guarded.js'
import { firstInChain, rulesFromTable, type RuleRow } from './rule-table.js'
import type { ProblemRule } from './rule.js'

/** What the rules read from a Prisma error. */
export interface PrismaErrorLike {
  /** `P2002`, `P1001`... (`code` or `errorCode`, whichever the error carries). */
  readonly code: string
  /** `meta.target` of a P2002: the fields of the unique constraint (or its name, on some databases). */
  readonly target?: readonly string[]
}

/** The unique fields of a P2002, when Prisma lists them (a string `target` is an index name: left out). */
function targetFields(error: PrismaErrorLike): readonly string[] {
  // Stryker disable next-line ArrayDeclaration: a made-up field is no identifier path, and the rule table names only those
  return error.target ?? []
}

/** The Prisma rows, in the order the README table lists them. */
export const PRISMA_ROWS: readonly RuleRow<PrismaErrorLike>[] = [
  {
    codes: ['P2002'],
    status: 409,
    code: 'ALREADY_EXISTS',
    detail: 'A resource with the same unique value already exists.',
    fields: { of: targetFields, detail: 'is already taken' },
  },
  {
    codes: ['P2003'],
    status: 409,
    code: 'REFERENCE_CONFLICT',
    detail: 'The request refers to a resource that does not exist, or the resource is still referred to.',
  },
  {
    codes: ['P2025'],
    status: 404,
    code: 'NOT_FOUND',
    detail: 'The resource does not exist.',
  },
  {
    codes: ['P2034'],
    status: 503,
    code: 'TRANSACTION_CONFLICT',
    detail: 'The transaction conflicted with a concurrent one (write conflict or deadlock); retrying succeeds.',
    retryAfter: 1,
  },
  {
    codes: ['P1001', 'P1002', 'P1008', 'P1017', 'P2024'],
    status: 503,
    code: 'DATABASE_UNAVAILABLE',
    detail: 'The database could not be reached, timed out, closed the connection, or the connection pool is exhausted.',
    retryAfter: 5,
  },
]

function prismaError(thrown: unknown, codes: readonly (string | number)[]): PrismaErrorLike | undefined {
  return firstInChain(thrown, (link) => {
    const name = read(link, 'name')
    const code = read(link, 'code') ?? read(link, 'errorCode')
    // `includes` is strict: only a string that is one of the row's codes passes.
    return typeof name === 'string' && name.startsWith('PrismaClient') && codes.includes(code as string)
      ? { code: code as string, ...targetOf(read(link, 'meta')) }
      : undefined
  })
}

function targetOf(meta: unknown): { target?: readonly string[] } {
  const target = read(meta, 'target')
  if (!isArray(target)) return {}
  // Stryker disable next-line MethodExpression: the rule table names at most 8 fields; the cut only bounds the work on a long list
  const names = Array.from({ length: Math.min(target.length, 16) }, (_, index) => read(target, String(index)))
  return { target: names.filter((name): name is string => typeof name === 'string') }
}

/**
 * Rules for Prisma Client errors (see the README table): P2002 unique → 409, P2003 foreign key →
 * 409, P2025 record not found → 404, P2034 write conflict or deadlock → 503 with
 * `Retry-After: 1`, connection errors (P1001, P1002, P1008, P1017, pool timeout P2024) → 503 with
 * `Retry-After: 5`. The unique fields of a P2002 (`meta.target`) are named in `errors[]`.
 *
 * @example
 * import { prismaRules } from 'http-problems/mapping'
 *
 * await app.register(problems, { map: prismaRules })
 * app.get('/users/:id', async (request) => prisma.user.findUniqueOrThrow({ where: { id: request.params.id } }))
 * // no such user (P2025) → 404
 */
export const prismaRules: readonly ProblemRule[] = rulesFromTable(PRISMA_ROWS, prismaError)
