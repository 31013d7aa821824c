// Ajv (the validator behind Fastify's schemas) as the reference implementation of JSON Schema.
import { Ajv } from 'ajv'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import problems, { RESERVED_MEMBERS, STATUSES, problemSchema, type ProblemStatus } from '../../src/index.js'
import { schemaErrors } from '../../src/testing/check-schema.js'
import { expectProblem } from '../../src/testing/index.js'

/** Typed fields the statuses with required headers need. */
const FIELDS: Partial<Record<ProblemStatus, object>> = {
  405: { allow: ['GET'] },
  416: { size: 10 },
  426: { upgrade: 'h2c' },
  429: { retryAfter: 30 },
}

describe('problemSchema', () => {
  it('lists exactly the reserved members, in the order the renderer writes them', () => {
    expect(Object.keys(problemSchema.properties)).toEqual([...RESERVED_MEMBERS])
  })

  it('is deeply frozen', () => {
    expect(Object.isFrozen(problemSchema)).toBe(true)
    expect(Object.isFrozen(problemSchema.properties.status)).toBe(true)
    expect(Object.isFrozen(problemSchema.required)).toBe(true)
  })

  it('is a valid JSON Schema that Ajv compiles', () => {
    const ajv = new Ajv()
    expect(() => ajv.compile(structuredClone(problemSchema))).not.toThrow()
  })
})

describe('every rendered problem matches the schema', () => {
  let app: FastifyInstance
  const validate = new Ajv().compile(structuredClone(problemSchema))

  beforeAll(async () => {
    app = Fastify()
    await app.register(problems)
    app.get<{ Params: { status: string } }>('/status/:status', async (request, reply) => {
      const status = Number(request.params.status) as ProblemStatus
      return reply.problem(status, FIELDS[status] as never)
    })
    app.get('/extended', async (_request, reply) =>
      reply.problem(409, { detail: 'Version 3 is current', code: 'STALE', extensions: { current: 3, tags: ['a'] } }),
    )
  })

  afterAll(() => app.close())

  it.each(STATUSES.map((entry) => [entry.status, entry.name] as const))('%i %s', async (status) => {
    const response = await app.inject({ method: 'GET', url: `/status/${status}`, headers: { 'x-correlation-id': 'c-1' } })
    const body = expectProblem(response, { status, correlationId: 'c-1' })
    expect(validate(body)).toBe(true)
    expect(schemaErrors(problemSchema, body)).toEqual([])
  })

  it('with extension members', async () => {
    const response = await app.inject({ method: 'GET', url: '/extended' })
    const body = expectProblem(response, { status: 409, code: 'STALE' })
    expect(body.current).toBe(3)
    expect(validate(body)).toBe(true)
  })

  it('for an unmatched route and a thrown error', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/nowhere' }), { status: 404, code: 'NOT_FOUND' })
    expectProblem(await app.inject({ method: 'POST', url: '/extended' }), { status: 405 })
  })
})

describe('the schema checker agrees with Ajv', () => {
  const validate = new Ajv({ allErrors: true }).compile(structuredClone(problemSchema))
  const valid = { type: 'about:blank', title: 'Not Found', status: 404, instance: '/x', code: 'NOT_FOUND', correlationId: 'c' }

  it.each([
    ['a valid body', valid, []],
    ['a valid body with detail and extensions', { ...valid, detail: 'd', extra: { a: 1 } }, []],
    ['not an object', [valid], ['$: must be object, is array']],
    ['null', null, ['$: must be object, is null']],
    ['a string', 'Not Found', ['$: must be object, is string']],
    ['missing members', { status: 404 }, ['$: missing required member(s) type, title, instance, code, correlationId']],
    ['a string status', { ...valid, status: '404' }, ['$.status: must be integer, is string']],
    ['a fractional status', { ...valid, status: 404.5 }, ['$.status: must be integer, is number']],
    ['a success status', { ...valid, status: 200 }, ['$.status: must be >= 400']],
    ['a status above 599', { ...valid, status: 600 }, ['$.status: must be <= 599']],
    ['a numeric detail', { ...valid, detail: 5 }, ['$.detail: must be string, is number']],
    ['an empty code', { ...valid, code: '' }, ['$.code: must have at least 1 characters']],
    ['a long correlationId', { ...valid, correlationId: 'x'.repeat(129) }, ['$.correlationId: must have at most 128 characters']],
    ['a correlationId of 128 characters', { ...valid, correlationId: 'x'.repeat(128) }, []],
    // A bound applies to its own type only: a value of another type breaks the type rule alone.
    ['a string status below 400', { ...valid, status: '399' }, ['$.status: must be integer, is string']],
    ['a string status above 599', { ...valid, status: '600' }, ['$.status: must be integer, is string']],
    ['an empty array as code', { ...valid, code: [] }, ['$.code: must be string, is array']],
    ['an array of 129 items as correlationId', { ...valid, correlationId: Array.from({ length: 129 }, () => 'x') }, ['$.correlationId: must be string, is array']],
  ])('%s', (_name, body, errors) => {
    expect(schemaErrors(problemSchema, body)).toEqual(errors)
    expect(validate(body)).toBe(errors.length === 0)
  })

  it('refuses keywords it does not understand rather than passing them', () => {
    expect(schemaErrors({ type: 'string', pattern: '^a' }, 'b')).toEqual(['$: schema keyword "pattern" is not supported by the checker'])
    expect(schemaErrors({ type: 'object', additionalProperties: false }, {})).toEqual([
      '$: additionalProperties other than true is not supported',
    ])
  })

  it('checks the other JSON types by name', () => {
    expect(schemaErrors({ type: 'boolean' }, true)).toEqual([])
    expect(schemaErrors({ type: 'number' }, 'x')).toEqual(['$: must be number, is string'])
  })
})
