// When no one can see the problem `normalize` wraps around a foreign thrown value, the plugin
// answers from `normalizeToMembers` and builds no wrapping Error. This proves the two agree for
// arbitrary thrown values, and that the plugin answers the same bytes either way.
import Boom from '@hapi/boom'
import fc from 'fast-check'
import createError from 'http-errors'
import { describe, expect, it } from 'vitest'
import { normalize, type HttpProblem } from '../../src/index.js'
import { normalizeToMembers } from '../../src/normalize.js'
import { buildApp } from '../fastify/helpers.js'
import { membersOf } from '../fixtures/members.js'
import { HOSTILE_CASES } from '../hardening/hostile-values.js'

const statusLike = fc.oneof(fc.integer({ min: 380, max: 620 }), fc.constantFrom<unknown>('404', '503', 'abc', null, 404.5))
const headers = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('Retry-After', 'allow', '__proto__')), fc.oneof(fc.string(), fc.integer()), { maxKeys: 4 })

/** Factories rather than values: fast-check itself must not touch a hostile Proxy. */
const thrownValue: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withDate: true }),
  fc
    .record({ status: statusLike, statusCode: statusLike, expose: fc.boolean(), headers, code: fc.string(), message: fc.string() }, { requiredKeys: [] })
    .map((fields) => Object.assign(new Error('foreign'), fields)),
  fc.record({ status: fc.integer({ min: 400, max: 599 }), message: fc.string(), headers }).map(({ status, message, headers }) => createError(status, message, { headers })),
  fc.record({ status: fc.integer({ min: 400, max: 599 }), message: fc.string() }).map(({ status, message }) => new Boom.Boom(message, { statusCode: status })),
  fc.record({ context: fc.constantFrom('body', 'querystring', 'params'), path: fc.string() }).map(({ context, path }) =>
    Object.assign(new Error('validation'), { validation: [{ instancePath: path, message: 'must be string', keyword: 'type', params: {} }], validationContext: context }),
  ),
).map((value) => () => value)
const hostileValue: fc.Arbitrary<() => unknown> = fc.constantFrom(...HOSTILE_CASES).map(([, make]) => () => make('secret'))

describe('normalizeToMembers', () => {
  it('holds exactly the members normalize gives, for any thrown value', () => {
    fc.assert(
      fc.property(fc.oneof(thrownValue, hostileValue), fc.constantFrom<400 | 422>(400, 422), (make, validationStatus) => {
        const thrown = make()
        const problem = normalize(thrown, { validationStatus })
        const members = normalizeToMembers(thrown, { validationStatus })
        // A problem (ours, or a forged one whose getters throw) passes through both as it is.
        if (problem === thrown) expect(members).toBe(thrown)
        else expect(membersOf(members)).toEqual(membersOf(problem))
      }),
      { numRuns: 1500 },
    )
  })

  it('passes our own problems through untouched', () => {
    const problem = normalize(new Error('x'))
    expect(normalizeToMembers(problem)).toBe(problem)
  })
})

describe('the plugin with and without the wrapping Error', () => {
  const cases: [string, () => unknown][] = [
    ['a plain Error', () => new Error('database password is hunter2')],
    ['a string', () => 'oops'],
    ['null', () => null],
    ['an http-errors 404 with a header', () => createError(404, 'No user', { headers: { 'x-hint': 'a' } })],
    ['an http-errors 503', () => createError(503, 'internal detail')],
    ['a boom 429', () => Boom.tooManyRequests('slow down')],
    ['a foreign 405 without Allow', () => Object.assign(new Error('nope'), { status: 405 })],
  ]

  it.each(cases)('answers %s with the same status, headers and body', async (_label, make) => {
    // onProblem receives the problem, so with it set the wrapper must be (and is) a real HttpProblem.
    const seen: unknown[] = []
    const answers = []
    for (const options of [{}, { onProblem: (problem: HttpProblem) => void seen.push(problem) }]) {
      const { app } = await buildApp(options)
      app.get('/x', async () => {
        throw make()
      })
      app.post('/x', async () => 'posted')
      const response = await app.inject({ url: '/x?q=1', headers: { 'x-correlation-id': 'cid-2' } })
      const wireHeaders: Record<string, unknown> = { ...response.headers }
      delete wireHeaders.date // the clock differs between any two answers
      answers.push({ status: response.statusCode, headers: wireHeaders, body: response.body })
      await app.close()
    }
    expect(answers[0]).toEqual(answers[1])
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBeInstanceOf(Error)
  })
})
