// problemFromResponse with a catalog: a declared type comes back as its own class, across
// services (a real server on 127.0.0.1 sends it), and only when the body keeps the type's promise.
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { problemFromResponse } from '../../src/client/index.js'
import problems, { Forbidden, HttpProblem, UsageError, type ProblemOptions } from '../../src/index.js'
import { CATALOG, Hostile, OutOfCredit, TYPE_BASE_URL } from '../fixtures/catalog.js'

function problemResponse(body: Record<string, unknown>, status = Number(body.status)): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } })
}

const BODY = { type: OutOfCredit.type, title: OutOfCredit.title, status: 403, detail: 'Balance 30', code: 'NOT_ENOUGH', balance: 30 }

describe('problemFromResponse with a catalog', () => {
  it('gives an instance of the declared class, members typed, from a real service', async () => {
    const app = Fastify()
    await app.register(problems, { typeBaseUrl: TYPE_BASE_URL })
    app.get('/buy', async () => {
      throw new OutOfCredit({ detail: 'Your balance is 30, but that costs 50.', extensions: { balance: 30, accounts: ['/a/1'] } })
    })
    const origin = await app.listen({ host: '127.0.0.1', port: 0 })
    try {
      const problem = await problemFromResponse(await fetch(`${origin}/buy`), { catalog: [...CATALOG] })
      expect(problem).toBeInstanceOf(OutOfCredit)
      expect(problem).toBeInstanceOf(Forbidden)
      if (!(problem instanceof OutOfCredit)) throw new Error('not an OutOfCredit')
      const balance: number = problem.extensions.balance
      expect(balance).toBe(30)
      expect(problem.extensions.accounts).toEqual(['/a/1'])
      expect(problem.detail).toBe('Your balance is 30, but that costs 50.')
      expect(problem.type).toBe(OutOfCredit.type)
    } finally {
      await app.close()
    }
  })

  it('keeps the upstream code and the parsed problem as cause', async () => {
    const problem = await problemFromResponse(problemResponse(BODY), { catalog: [OutOfCredit] })
    // The declared class itself: a generic problem of the same type is `instanceof` it too.
    expect(Object.getPrototypeOf(problem)).toBe(OutOfCredit.prototype)
    expect(problem.code).toBe('NOT_ENOUGH')
    expect((problem.cause as { format: string }).format).toBe('problem')
  })

  it.each([
    ['a type no catalog entry has', { ...BODY, type: `${TYPE_BASE_URL}/other` }],
    ['the right type with another status', { ...BODY, status: 409 }],
    ['members that break the schema', { ...BODY, balance: 'thirty' }],
    ['a required member missing', { type: BODY.type, title: BODY.title, status: 403 }],
  ])('parses %s as before: not the declared class', async (_case, body) => {
    const problem = await problemFromResponse(problemResponse(body), { catalog: [...CATALOG] })
    expect(problem).toBeInstanceOf(HttpProblem)
    // Not the class, and not `instanceof` it either: its members do not keep the type's promise.
    expect(Object.getPrototypeOf(problem)).not.toBe(OutOfCredit.prototype)
    if (body.type === OutOfCredit.type && body.status === 403) expect(problem).not.toBeInstanceOf(OutOfCredit)
    expect(problem.status).toBe(body.status)
  })

  it('recognises the second entry too, and needs no catalog for unknown types', async () => {
    const body = { type: Hostile.type, title: 'x', status: 409, note: 'n' }
    expect(Object.getPrototypeOf(await problemFromResponse(problemResponse(body), { catalog: [...CATALOG] }))).toBe(Hostile.prototype)
    // Without the catalog it is a generic Conflict, yet still recognised by type (members match).
    const generic = await problemFromResponse(problemResponse(body))
    expect(Object.getPrototypeOf(generic)).not.toBe(Hostile.prototype)
    expect(generic).toBeInstanceOf(Hostile)
  })

  it.each([
    ['not a list', OutOfCredit, 'option "catalog" must be a list of problem classes, received function'],
    [
      'a list with something else',
      [OutOfCredit, 'Hostile'],
      'option "catalog[1]" must be a problem class (NotFound, or a class made by defineProblem), received the string "Hostile"',
    ],
  ])('refuses a catalog that is %s with a coded UsageError naming it', async (_case, catalog, message) => {
    const refusal = problemFromResponse(problemResponse(BODY), { catalog: catalog as never })
    await expect(refusal).rejects.toThrow(UsageError)
    await expect(refusal).rejects.toThrow(`http-problems: ${message}`)
  })

  it('takes a declared type without a schema (a class of another copy) at its type and status alone', async () => {
    // A class of the same kind (the marker is a global symbol) that keeps no extension schema.
    class Elsewhere extends HttpProblem {
      constructor(options: ProblemOptions) {
        super(409, options)
      }
    }
    Object.defineProperty(Elsewhere, Symbol.for('http-problems.sameKind'), { value: () => true })
    Object.defineProperty(Elsewhere, 'type', { value: `${TYPE_BASE_URL}/elsewhere` })
    Object.defineProperty(Elsewhere, 'status', { value: 409 })
    const body = { type: `${TYPE_BASE_URL}/elsewhere`, title: 'Elsewhere', status: 409, anything: [1] }
    const problem = await problemFromResponse(problemResponse(body), { catalog: [Elsewhere as never] })
    expect(Object.getPrototypeOf(problem)).toBe(Elsewhere.prototype)
    expect(problem.extensions).toEqual({ anything: [1] })
  })
})
