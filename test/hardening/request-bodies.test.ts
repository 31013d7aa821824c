// What a client can send that reaches the error handler through Fastify itself: bodies that do not
// parse, media types without a parser, bodies over the limit, and schema failures whose member
// names are hostile (lone surrogates, a megabyte long). Each is a problem, never Fastify's own
// non-problem 500.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalize } from '../../src/index.js'
import { MAX_ISSUE_TEXT_LENGTH } from '../../src/validation.js'
import { buildApp, expectProblem } from './helpers.js'

let app: FastifyInstance

beforeAll(async () => {
  ;({ app } = await buildApp({}, { bodyLimit: 1024 * 1024 }))
  const schema = { body: { type: 'object', additionalProperties: { type: 'string' } } }
  app.post('/strings', { schema }, async () => 'valid')
  app.post('/any', async () => 'parsed')
})

afterAll(async () => {
  await app.close()
})

function post(url: string, payload: string, contentType = 'application/json') {
  return app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } })
}

describe('schema failures with hostile member names', () => {
  it('a lone surrogate in a member name: a 400 with U+FFFD in the pointer (encodeURI would throw)', async () => {
    const body = expectProblem(await post('/strings', '{"\\ud800": {}}'), 400)
    expect(body.code).toBe('VALIDATION_FAILED')
    expect(body.errors).toEqual([{ in: 'body', pointer: '#/%EF%BF%BD', detail: 'must be string' }])
  })

  it('a low surrogate alone, and a pair split across members, likewise', async () => {
    const body = expectProblem(await post('/strings', '{"a\\udc00b": {}, "\\ud83d": {}}'), 400)
    expect(body.errors[0].pointer).toBe('#/a%EF%BF%BDb')
  })

  it('a member name of half a megabyte: the pointer is cut', async () => {
    const name = 'n'.repeat(512 * 1024)
    const response = await post('/strings', JSON.stringify({ [name]: {} }))
    const body = expectProblem(response, 400)
    expect(body.errors[0].pointer.length).toBeLessThanOrEqual(MAX_ISSUE_TEXT_LENGTH)
    expect(response.body.length).toBeLessThan(4096)
  })
})

describe('bodies Fastify cannot take', () => {
  it('JSON that does not parse: a 400 problem, and the connection is closed (Fastify cannot trust the rest)', async () => {
    const response = await post('/any', '{"broken json')
    expectProblem(response, 400)
    expect(response.headers.connection).toBe('close')
  })

  it('a media type without a parser: 415', async () => {
    expectProblem(await post('/any', '<x/>', 'application/xml'), 415)
  })

  it('a body over the limit: 413', async () => {
    expectProblem(await post('/any', JSON.stringify({ big: 'x'.repeat(2 * 1024 * 1024) })), 413)
  })

  it('an empty body with a JSON content type: 400', async () => {
    expectProblem(await post('/any', ''), 400)
  })
})

describe('validationContext from a thrown object', () => {
  it.each(['constructor', 'toString', '__proto__', 'x'.repeat(10_000)])('%s names no part: "data"', (context) => {
    const problem = normalize({ validation: [{ instancePath: '/a', message: 'bad' }], validationContext: context })
    expect(problem.detail).toBe('The request data is invalid.')
    const issues = problem.extensions.errors as { in: string }[]
    expect(issues[0]!.in.length).toBeLessThanOrEqual(64)
  })
})
