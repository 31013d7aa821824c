// The Prisma and MongoDB rules. Neither engine runs here (Prisma needs its query engine and a
// database, MongoDB a server), so the thrown values are FIXTURES: objects of the shapes the
// Prisma and MongoDB documentation state for these errors (class name, code, meta / keyPattern,
// message), rebuilt here, not errors raised by the real libraries.
import { describe, expect, it } from 'vitest'
import { mapThrown } from '../../src/mapping/map-thrown.js'
import { resolveRules } from '../../src/mapping/resolve-rules.js'
import { mongoRules, prismaRules } from '../../src/mapping/index.js'
import { buildApp } from '../fastify/helpers.js'

/** Fixture: Prisma's `PrismaClientKnownRequestError` (Prisma docs, "Handling exceptions and errors"). */
class PrismaClientKnownRequestError extends Error {
  constructor(message: string, readonly code: string, readonly meta: Record<string, unknown> | undefined, readonly clientVersion = '6.5.0') {
    super(message)
    this.name = 'PrismaClientKnownRequestError'
  }
}

/** Fixture: Prisma's `PrismaClientInitializationError` (its code is `errorCode`). */
class PrismaClientInitializationError extends Error {
  constructor(message: string, readonly errorCode: string, readonly clientVersion = '6.5.0') {
    super(message)
    this.name = 'PrismaClientInitializationError'
  }
}

/** Fixture: the MongoDB Node driver's `MongoServerError` for a duplicate key (driver API docs). */
class MongoServerError extends Error {
  constructor(readonly code: number, readonly keyPattern: Record<string, number>, readonly keyValue: Record<string, unknown>) {
    super(`E11000 duplicate key error collection: shop.users index: ${Object.keys(keyPattern).join('_1_')}_1 dup key: ${JSON.stringify(keyValue)}`)
    this.name = 'MongoServerError'
  }
  readonly errorLabelSet = new Set<string>()
}

const prismaCases: [string, unknown, number, string, unknown, string | undefined][] = [
  ['P2002 unique', new PrismaClientKnownRequestError('Unique constraint failed on the fields: (`email`)', 'P2002', { modelName: 'User', target: ['email'] }), 409, 'ALREADY_EXISTS', [{ pointer: '#/email', detail: 'is already taken' }], undefined],
  ['P2002 with an index name as target', new PrismaClientKnownRequestError('Unique constraint failed on the constraint: `User_email_key`', 'P2002', { target: 'User_email_key' }), 409, 'ALREADY_EXISTS', undefined, undefined],
  ['P2003 foreign key', new PrismaClientKnownRequestError('Foreign key constraint failed on the field: `Post_authorId_fkey (index)`', 'P2003', { field_name: 'Post_authorId_fkey (index)' }), 409, 'REFERENCE_CONFLICT', undefined, undefined],
  ['P2025 not found', new PrismaClientKnownRequestError('An operation failed because it depends on one or more records that were required but not found. Record to update not found.', 'P2025', { modelName: 'User', cause: 'Record to update not found.' }), 404, 'NOT_FOUND', undefined, undefined],
  ['P2034 write conflict', new PrismaClientKnownRequestError('Transaction failed due to a write conflict or a deadlock. Please retry your transaction', 'P2034', undefined), 503, 'TRANSACTION_CONFLICT', undefined, '1'],
  ['P2024 pool timeout', new PrismaClientKnownRequestError('Timed out fetching a new connection from the connection pool.', 'P2024', { connection_limit: 5, timeout: 10 }), 503, 'DATABASE_UNAVAILABLE', undefined, '5'],
  ['P1001 unreachable', new PrismaClientInitializationError("Can't reach database server at `db.internal:5432`", 'P1001'), 503, 'DATABASE_UNAVAILABLE', undefined, '5'],
  ['P1017 connection closed', new PrismaClientKnownRequestError('Server has closed the connection.', 'P1017', undefined), 503, 'DATABASE_UNAVAILABLE', undefined, '5'],
]

const mongoCases: typeof prismaCases = [
  ['11000 duplicate key', new MongoServerError(11000, { email: 1 }, { email: 'taken@example.com' }), 409, 'ALREADY_EXISTS', [{ pointer: '#/email', detail: 'is already taken' }], undefined],
  ['11000 on a nested compound key', new MongoServerError(11000, { tenant: 1, 'profile.handle': 1 }, { tenant: 7, 'profile.handle': 'bob' }), 409, 'ALREADY_EXISTS', [{ pointer: '#/tenant', detail: 'is already taken' }, { pointer: '#/profile/handle', detail: 'is already taken' }], undefined],
]

describe.each([
  ['Prisma (documented shapes)', prismaRules, prismaCases],
  ['MongoDB (documented shapes)', mongoRules, mongoCases],
])('%s', (_set, rules, cases) => {
  it.each(cases)('%s', async (_name, thrown, status, code, errors, retryAfter) => {
    const { app } = await buildApp({ map: rules })
    app.get('/', async () => { throw thrown })
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(status)
    expect(response.headers['retry-after']).toBe(retryAfter)
    const body = response.json()
    expect(body).toMatchObject({ status, code })
    expect(body.errors).toEqual(errors)
    // Not the driver's message, not the constraint or index name, not the value.
    for (const leak of ['constraint', 'User_email_key', 'fkey', 'taken@example.com', 'bob', 'E11000', 'db.internal', 'Record to update']) {
      expect(response.body).not.toContain(leak)
    }
    await app.close()
  })

  it('errors of other shapes pass: a plain error with the same code, a number code as a string', () => {
    const compiled = resolveRules(rules)
    const facts = { clientClosed: false }
    expect(mapThrown(compiled, Object.assign(new Error('x'), { code: 'P2002' }), facts, () => undefined)).toBeUndefined()
    expect(mapThrown(compiled, Object.assign(new Error('x'), { code: 11000 }), facts, () => undefined)).toBeUndefined()
    expect(mapThrown(compiled, { name: 'MongoServerError', code: '11000' }, facts, () => undefined)).toBeUndefined()
    expect(mapThrown(compiled, { name: 'PrismaClientKnownRequestError', code: 'P9999' }, facts, () => undefined)).toBeUndefined()
  })
})

describe('MongoDB, hostile values', () => {
  it('a keyPattern that cannot be listed (a Proxy whose ownKeys trap throws) gives no errors[], still the status', () => {
    const thrown = Object.assign(new Error('dup'), { name: 'MongoServerError', code: 11000, keyPattern: new Proxy({}, { ownKeys: () => { throw new Error('trap') } }) })
    const problem = mapThrown(resolveRules(mongoRules), thrown, { clientClosed: false }, () => undefined)
    expect(problem?.status).toBe(409)
    expect(problem?.extensions).toEqual({})
  })
})
