// The ready-made rules read a driver's error by its shape, and only that shape: what makes a
// value one of theirs, what they read from it, and that a value of another shape is passed on
// quietly (no fault reported: the rules are ours, a value they do not know is no fault of theirs).
import { describe, expect, it, vi } from 'vitest'
import { clientClosedProblem } from '../../src/mapping/client-closed.js'
import { mongoRules, networkRules, postgresRules, prismaRules } from '../../src/mapping/index.js'
import { mapThrown } from '../../src/mapping/map-thrown.js'
import { answersClosedClient } from '../../src/mapping/request-step.js'
import { resolveRules } from '../../src/mapping/resolve-rules.js'
import type { HttpProblem } from '../../src/index.js'

function mapped(rules: readonly unknown[], thrown: unknown, clientClosed = false): { problem: HttpProblem | undefined; faults: unknown[] } {
  const report = vi.fn()
  const problem = mapThrown(resolveRules(rules), thrown, { clientClosed }, report)
  return { problem, faults: report.mock.calls }
}

describe('MongoDB rules', () => {
  it('pass on a value with the duplicate-key code but no name, without a fault', () => {
    expect(mapped(mongoRules, { code: 11000, keyPattern: { email: 1 } })).toEqual({ problem: undefined, faults: [] })
  })

  it.each([
    ['a string', 'email'],
    ['null', null],
    ['a number', 1],
    ['absent', undefined],
    ['a Proxy that cannot list its keys', new Proxy({}, { ownKeys: () => { throw new Error('no keys') } })],
  ])('answer a duplicate key whose keyPattern is %s with the 409 and no field, without a fault', (_name, keyPattern) => {
    const { problem, faults } = mapped(mongoRules, Object.assign(new Error('dup'), { name: 'MongoServerError', code: 11000, keyPattern }))
    expect(problem?.status).toBe(409)
    expect(problem?.extensions).toEqual({})
    expect(faults).toEqual([])
  })
})

describe('Prisma rules', () => {
  it('pass on a value with a Prisma code but no name, without a fault', () => {
    expect(mapped(prismaRules, { code: 'P2002', meta: { target: ['email'] } })).toEqual({ problem: undefined, faults: [] })
  })

  it('name only the target entries that are strings', () => {
    const thrown = Object.assign(new Error('unique'), { name: 'PrismaClientKnownRequestError', code: 'P2002', meta: { target: ['email', null, undefined, 7] } })
    expect(mapped(prismaRules, thrown).problem?.extensions).toEqual({ errors: [{ pointer: '#/email', detail: 'is already taken' }] })
  })
})

describe('PostgreSQL rules', () => {
  const violation = (detail: string) => Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR', detail })

  it.each([
    ['column', { column: 'email' }, ['#/email']],
    ['column_name', { column_name: 'email' }, ['#/email']],
    ['both: column wins', { column: 'email', column_name: 'other' }, ['#/email']],
    ['neither', {}, []],
    ['a column that is no string', { column: 7 }, []],
    ['a column that is no string beside a column_name', { column: 7, column_name: 'email' }, ['#/email']],
  ])('name the NOT NULL column of %s', (_name, fields, pointers) => {
    const { problem } = mapped(postgresRules, Object.assign(new Error('null value'), { code: '23502', severity: 'ERROR', ...fields }))
    expect(problem?.status).toBe(422)
    expect(((problem?.extensions.errors ?? []) as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers)
  })

  it('pass on a value with a SQLSTATE but no severity, without a fault', () => {
    expect(mapped(postgresRules, Object.assign(new Error('x'), { code: '23505', detail: 'Key (email)=(a) already exists.' }))).toEqual({ problem: undefined, faults: [] })
  })

  it('name the key columns of a detail line that starts with them', () => {
    expect(mapped(postgresRules, violation('Key (email)=(a@example.com) already exists.')).problem?.extensions).toEqual({
      errors: [{ pointer: '#/email', detail: 'is already taken' }],
    })
  })

  it('name no column from a detail line that only quotes a key further on', () => {
    const { problem } = mapped(postgresRules, violation('Failing row contains Key (email)=(a@example.com).'))
    expect(problem?.status).toBe(409)
    expect(problem?.extensions).toEqual({})
  })
})

describe('network rules: the client-closed rule', () => {
  const abortError = (): Error => Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })

  it.each([
    ['an AbortError', abortError()],
    ["Node's ABORT_ERR code without the name", Object.assign(new Error('aborted'), { code: 'ABORT_ERR' })],
    ['an AbortError as the cause of what the route threw', new TypeError('fetch failed', { cause: abortError() })],
  ])('answers %s after the client left with 499', (_label, thrown) => {
    const { problem, faults } = mapped(networkRules, thrown, true)
    expect(problem?.status).toBe(499)
    expect(problem?.code).toBe('CLIENT_CLOSED_REQUEST')
    expect(faults).toEqual([])
  })

  it('leaves any other error after the client left to the other rules', () => {
    expect(mapped(networkRules, new Error('boom'), true).problem).toBeUndefined()
    expect(mapped(networkRules, Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), true).problem?.status).toBe(502)
    expect(mapped(networkRules, Object.assign(new Error('x'), { code: 'ABORT_ERR_OTHER' }), true).problem).toBeUndefined()
  })

  it('logs why: the client closed the connection', () => {
    const cause = new Error('aborted')
    const problem = clientClosedProblem(cause)
    expect(problem.detail).toBe('The client closed the connection before the answer.')
    expect(problem.title).toBe('Client Closed Request')
    expect(problem.cause).toBe(cause)
  })
})

describe('a rule whose match cannot be inspected', () => {
  it('is called as a predicate when reading its prototype throws (a guarded Proxy)', () => {
    const predicate = new Proxy((thrown: unknown) => thrown === 'mine', {
      get: () => {
        throw new Error('no reads')
      },
    })
    const { problem, faults } = mapped([{ match: predicate, problem: clientClosedProblem(undefined) }], 'mine')
    expect(problem?.status).toBe(499)
    expect(faults).toEqual([])
  })
})

describe('answersClosedClient: only the client-closed problem, on a connection that is gone', () => {
  const gone = { destroyed: true }
  it.each([
    ['the client-closed problem, the connection gone', { status: 499, code: 'CLIENT_CLOSED_REQUEST' }, gone, true],
    ['the client-closed problem, the client still there', { status: 499, code: 'CLIENT_CLOSED_REQUEST' }, { destroyed: false }, false],
    ["a rule's 500, the connection gone", { status: 500, code: 'INTERNAL' }, gone, false],
    ["a rule's own 499 with another code, the connection gone", { status: 499, code: 'GAVE_UP' }, gone, false],
    ['the client-closed code on another status, the connection gone', { status: 503, code: 'CLIENT_CLOSED_REQUEST' }, gone, false],
  ])('%s: %s', (_label, problem, connection, expected) => {
    expect(answersClosedClient(problem as never, connection)).toBe(expected)
  })
})

describe('the rule tables', () => {
  it('name at most 8 fields', () => {
    const keyPattern = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`field${index}`, 1]))
    const { problem } = mapped(mongoRules, Object.assign(new Error('dup'), { name: 'MongoServerError', code: 11000, keyPattern }))
    expect((problem?.extensions.errors as { pointer: string }[]).map((error) => error.pointer)).toEqual(
      Array.from({ length: 8 }, (_, index) => `#/field${index}`),
    )
  })

  it('name only plain identifier paths: a wildcard index or a quoted name is left out', () => {
    const keyPattern = { '$**': 1, 'first name': 1, 'profile.email': 1, tenant_id: 1 }
    const { problem } = mapped(mongoRules, Object.assign(new Error('dup'), { name: 'MongoServerError', code: 11000, keyPattern }))
    expect(problem?.extensions.errors).toEqual([
      { pointer: '#/profile/email', detail: 'is already taken' },
      { pointer: '#/tenant_id', detail: 'is already taken' },
    ])
  })

  it("give a row's problem, without fields, for a value its match refuses, never throwing", () => {
    const rule = postgresRules[0]!
    const problem = (rule.problem as (thrown: unknown) => HttpProblem)(new Error('not a driver error'))
    expect(problem.status).toBe(409)
    expect(problem.code).toBe('ALREADY_EXISTS')
    expect(problem.extensions).toEqual({})
  })
})
