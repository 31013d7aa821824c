// Bad input, part 5: foreign errors with statuses that are not HTTP error statuses. The mapping is
// the one documented on normalize(): the first of status/statusCode that is a 400..599 integer or
// three-digit string wins, anything else is a 500 whose message stays out of the body.
import Boom from '@hapi/boom'
import createError from 'http-errors'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { normalize } from '../../src/index.js'
import { buildApp, expectProblem, secret } from './helpers.js'

const SECRET = secret()

const CASES: readonly [label: string, fields: Record<string, unknown>, status: number][] = [
  ['status 200', { status: 200 }, 500],
  ['status 302', { status: 302 }, 500],
  ['status 399', { status: 399 }, 500],
  ['status 600', { status: 600 }, 500],
  ['status 999', { status: 999 }, 500],
  ['status -404', { status: -404 }, 500],
  ['status 404.5', { status: 404.5 }, 500],
  ['status NaN', { status: Number.NaN }, 500],
  ['status Infinity', { status: Number.POSITIVE_INFINITY }, 500],
  ['status "404"', { status: '404' }, 404],
  ['status " 404"', { status: ' 404' }, 500],
  ['status "4e2"', { status: '4e2' }, 500],
  ['status "0x194"', { status: '0x194' }, 500],
  ['status "404abc"', { status: '404abc' }, 500],
  ['status 404n (bigint)', { status: 404n }, 500],
  ['status as a Number object', { status: Object(404) }, 500],
  ['statusCode 200', { statusCode: 200 }, 500],
  ['statusCode 999', { statusCode: 999 }, 500],
  ['statusCode "404"', { statusCode: '404' }, 404],
  ['statusCode NaN', { statusCode: Number.NaN }, 500],
  ['status 200 and statusCode 404: the valid one wins', { status: 200, statusCode: 404 }, 404],
  ['status 409 and statusCode 404: status first', { status: 409, statusCode: 404 }, 409],
  ['status 599 (no class)', { status: 599 }, 599],
  ['status 499 (no class)', { status: 499 }, 499],
]

function foreignError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(SECRET), fields)
}

describe('normalize(): status mapping of foreign errors', () => {
  it.each(CASES)('%s → %i', (_label, fields, status) => {
    expect(normalize(foreignError(fields)).status).toBe(status)
  })

  it.each([
    ['output.statusCode 200', 200],
    ['output.statusCode 999', 999],
    ['output.statusCode NaN', Number.NaN],
  ])('a boom error with %s → 500', (_label, statusCode) => {
    const error = Boom.badRequest(SECRET)
    error.output.statusCode = statusCode
    expect(normalize(error).status).toBe(500)
  })

  it('http-errors refuses bad statuses itself; one that is edited afterwards maps like any other', () => {
    const error = createError(404)
    Object.assign(error, { status: 200, statusCode: 200 })
    expect(normalize(error).status).toBe(500)
  })
})

describe('on the wire', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    ;({ app } = await buildApp())
    CASES.forEach(([, fields], index) => {
      app.get(`/case/${index}`, async () => {
        throw foreignError(fields)
      })
    })
  })
  afterAll(async () => {
    await app.close()
  })

  it.each(CASES.map((entry, index) => [...entry, index] as const))(
    '%s: a %i problem, and a 5xx never shows the message',
    async (_label, _fields, status, index) => {
      const response = await app.inject({ method: 'GET', url: `/case/${index}` })
      const body = expectProblem(response, status)
      if (status >= 500) expect(response.body).not.toContain(SECRET)
      else expect(body.detail).toBe(SECRET)
    },
  )
})
