// The validators Fastify services use, for real, over inject(): each failure is a validation
// problem whose errors[] point at the member to fix, in the part that failed.
import { Type, TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import problems, { defineValidationReader, type ProblemsOptions } from '../../src/index.js'
import { expectProblem } from '../../src/testing/index.js'

let app: FastifyInstance | undefined

afterEach(async () => {
  await app?.close()
  app = undefined
})

interface Failure {
  url: string
  payload?: unknown
  headers?: Record<string, string>
}

async function errorsOf(failure: Failure, status: 400 | 422 = 400) {
  const response = await app!.inject({ method: 'POST', headers: { 'x-api-key': 'valid-key', ...failure.headers }, url: failure.url, payload: failure.payload as never })
  return expectProblem(response, { status, code: 'VALIDATION_FAILED' })
}

describe('@fastify/type-provider-typebox: TypeBoxValidatorCompiler', () => {
  async function typeboxApp(options: ProblemsOptions = {}) {
    app = Fastify()
    app.setValidatorCompiler(TypeBoxValidatorCompiler)
    await app.register(problems, options)
    app.withTypeProvider<TypeBoxTypeProvider>().post(
      '/users/:id',
      {
        schema: {
          params: Type.Object({ id: Type.Integer() }),
          querystring: Type.Object({ q: Type.Optional(Type.String({ minLength: 2 })) }),
          headers: Type.Object({ 'x-api-key': Type.String({ minLength: 3 }) }),
          body: Type.Object(
            {
              name: Type.String(),
              age: Type.Integer(),
              tags: Type.Optional(Type.Array(Type.Object({ 'a/b~c': Type.String() }))),
            },
            { additionalProperties: false },
          ),
        },
      },
      async () => 'ok',
    )
  }

  it('missing members (TypeBox lists them in params.requiredProperties): one issue each, pointing at the member', async () => {
    await typeboxApp()
    const body = await errorsOf({ url: '/users/1', payload: { tags: [{}] } })
    expect(body.detail).toBe('The request body is invalid.')
    expect(body.errors).toEqual(expect.arrayContaining([
      { in: 'body', pointer: '#/name', detail: "must have required property 'name'" },
      { in: 'body', pointer: '#/age', detail: "must have required property 'age'" },
      { in: 'body', pointer: '#/tags/0/a~1b~0c', detail: "must have required property 'a/b~c'" },
    ]))
    expect((body.errors as { pointer: string }[]).map((issue) => issue.pointer)).not.toContain('#')
  })

  it('wrong types and extra members, nested, escaped', async () => {
    await typeboxApp()
    const body = await errorsOf({ url: '/users/1', payload: { name: 'Ada', age: 'old', tags: [{ 'a/b~c': 1 }], extra: true } })
    expect(body.errors).toEqual(expect.arrayContaining([
      { in: 'body', pointer: '#/age', detail: 'must be integer' },
      { in: 'body', pointer: '#/tags/0/a~1b~0c', detail: 'must be string' },
      { in: 'body', pointer: '#/extra', detail: 'must NOT have additional properties' },
    ]))
  })

  it.each([
    [{ url: '/users/abc', payload: { name: 'Ada', age: 1 } }, 'params', '#/id', 'The request path parameters are invalid.'],
    [{ url: '/users/1?q=a', payload: { name: 'Ada', age: 1 } }, 'querystring', '#/q', 'The request query string is invalid.'],
    [{ url: '/users/1', payload: { name: 'Ada', age: 1 }, headers: { 'x-api-key': 'k' } }, 'headers', '#/x-api-key', 'The request headers are invalid.'],
  ])('%j: the failing part is named', async (failure, part, pointer, detail) => {
    await typeboxApp({ validationStatus: 422 })
    const body = await errorsOf(failure, 422)
    expect(body.detail).toBe(detail)
    expect(body.errors).toEqual([expect.objectContaining({ in: part, pointer })])
  })
})

describe('fastify-type-provider-zod: validatorCompiler', () => {
  async function zodApp() {
    app = Fastify()
    app.setValidatorCompiler(validatorCompiler)
    await app.register(problems)
    app.withTypeProvider<ZodTypeProvider>().post(
      '/users/:id',
      {
        schema: {
          params: z.object({ id: z.coerce.number().int() }),
          querystring: z.object({ q: z.string().min(2).optional() }),
          headers: z.looseObject({ 'x-api-key': z.string().min(3) }),
          body: z.strictObject({ name: z.string(), tags: z.array(z.object({ 'a~b': z.string() })).optional() }),
        },
      },
      async () => 'ok',
    )
  }

  it('body: missing, nested and extra members, with their zod messages', async () => {
    await zodApp()
    const body = await errorsOf({ url: '/users/1', payload: { tags: [{ 'a~b': 1 }], extra: 1 } })
    expect(body.errors).toEqual([
      { in: 'body', pointer: '#/name', detail: 'Invalid input: expected string, received undefined' },
      { in: 'body', pointer: '#/tags/0/a~0b', detail: 'Invalid input: expected string, received number' },
      { in: 'body', pointer: '#/extra', detail: 'must NOT have additional properties' },
    ])
  })

  it('a body that is not an object: the pointer is the whole body, `#`', async () => {
    await zodApp()
    const body = await errorsOf({ url: '/users/1', payload: '"text"', headers: { 'content-type': 'application/json' } })
    expect(body.errors).toEqual([{ in: 'body', pointer: '#', detail: 'Invalid input: expected object, received string' }])
  })

  it.each([
    [{ url: '/users/abc', payload: { name: 'Ada' } }, 'params', '#/id'],
    [{ url: '/users/1?q=a', payload: { name: 'Ada' } }, 'querystring', '#/q'],
    [{ url: '/users/1', payload: { name: 'Ada' }, headers: { 'x-api-key': 'k' } }, 'headers', '#/x-api-key'],
  ])('%j: the failing part is named', async (failure, part, pointer) => {
    await zodApp()
    expect((await errorsOf(failure)).errors).toEqual([expect.objectContaining({ in: part, pointer })])
  })
})

describe('a hand-written validatorCompiler that returns the validator\'s own error', () => {
  it('zod\'s safeParse error: exact pointers, even for a member name with a slash', async () => {
    app = Fastify()
    app.setValidatorCompiler<z.ZodType>(({ schema }) => (data) => {
      const result = schema.safeParse(data)
      return result.success ? { value: result.data } : { error: result.error }
    })
    await app.register(problems)
    app.post('/x', { schema: { body: z.object({ 'a/b': z.array(z.string()) }) } }, async () => 'ok')
    const body = await errorsOf({ url: '/x', payload: { 'a/b': ['ok', 2] } })
    expect(body.detail).toBe('The request body is invalid.')
    expect(body.errors).toEqual([{ in: 'body', pointer: '#/a~1b/1', detail: 'Invalid input: expected string, received number' }])
  })

  it('a shape taught with validationReaders (a Joi-like error)', async () => {
    const joiLike = defineValidationReader({
      name: 'joi',
      matches: (entry): entry is { details: { path: string[]; message: string }[] } => Array.isArray((entry as { details?: unknown })?.details),
      read: (error) => error.details.map(({ path, message }) => ({ path, detail: message })),
    })
    app = Fastify()
    app.setValidatorCompiler(() => () => ({ error: Object.assign(new Error('"name" is required'), { details: [{ path: ['name'], message: '"name" is required' }] }) }))
    await app.register(problems, { validationReaders: [joiLike] })
    app.post('/x', { schema: { body: { type: 'object' } } }, async () => 'ok')
    expect((await errorsOf({ url: '/x', payload: {} })).errors).toEqual([{ in: 'body', pointer: '#/name', detail: '"name" is required' }])
  })
})

describe('option validationReaders', () => {
  it.each([
    [{ validationReaders: 'joi' }, /"validationReaders"/],
    [{ validationReaders: [{ name: 'x', matches: () => true, read: () => undefined }] }, /"validationReaders\[0\]"/],
  ])('refuses %j at registration', async (options, message) => {
    app = Fastify()
    await expect(app.register(problems, options as never)).rejects.toThrow(message)
  })
})
