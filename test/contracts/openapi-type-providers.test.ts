// `openapi: true` beside the type providers services run, with @fastify/swagger: the app starts
// (the zod serializer compiler never sees the problem schema), the document validates with
// swagger-parser as OpenAPI 3.0 and 3.1, it carries the problem responses (also the ones a route
// declares in `config.problems`), and the routes still
// answer as before: success bodies through the provider's serializer, problems as problems.
import SwaggerParser from '@apidevtools/swagger-parser'
import swagger from '@fastify/swagger'
import { Type, TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import problems, { NotFound, problemSchema } from '../../src/index.js'
import { expectProblem } from '../../src/testing/index.js'

interface OpenApiDocument {
  openapi: string
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { required?: string[] } }> }> }>>
}

let app: FastifyInstance | undefined

afterEach(async () => {
  await app?.close()
  app = undefined
})

const OPENAPI_VERSIONS = ['3.0.3', '3.1.0'] as const

/** Each way a team declares its schemas, with the routes of a small user service. */
const PROVIDERS = {
  'fastify-type-provider-zod (validator, serializer, jsonSchemaTransform)': async (openapi: string) => {
    const instance = Fastify()
    instance.setValidatorCompiler(validatorCompiler)
    instance.setSerializerCompiler(serializerCompiler)
    await instance.register(swagger, {
      openapi: { openapi, info: { title: 'users', version: '1.0.0' } },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    })
    await instance.register(problems, { openapi: true })
    const users = instance.withTypeProvider<ZodTypeProvider>()
    users.get(
      '/users/:id',
      { config: { problems: [NotFound] }, schema: { params: z.object({ id: z.coerce.number().int() }), response: { 200: z.object({ id: z.number(), name: z.string() }) } } },
      async (request) => {
        if (request.params.id !== 1) throw new NotFound({ detail: `No user ${request.params.id}` })
        return { id: 1, name: 'Ada', internal: 'dropped by the serializer' } as { id: number; name: string }
      },
    )
    users.post('/users', { schema: { body: z.object({ name: z.string().min(1) }), response: { 201: z.object({ id: z.number() }) } } }, async (_request, reply) =>
      reply.code(201).send({ id: 2 }),
    )
    users.get('/health', async () => 'ok')
    return instance
  },
  '@fastify/type-provider-typebox (TypeBoxValidatorCompiler)': async (openapi: string) => {
    const instance = Fastify()
    instance.setValidatorCompiler(TypeBoxValidatorCompiler)
    await instance.register(swagger, { openapi: { openapi, info: { title: 'users', version: '1.0.0' } } })
    await instance.register(problems, { openapi: true })
    const users = instance.withTypeProvider<TypeBoxTypeProvider>()
    users.get(
      '/users/:id',
      { config: { problems: [NotFound] }, schema: { params: Type.Object({ id: Type.Integer() }), response: { 200: Type.Object({ id: Type.Integer(), name: Type.String() }) } } },
      async (request) => {
        if (request.params.id !== 1) throw new NotFound({ detail: `No user ${request.params.id}` })
        return { id: 1, name: 'Ada', internal: 'dropped by the serializer' } as { id: number; name: string }
      },
    )
    users.post('/users', { schema: { body: Type.Object({ name: Type.String({ minLength: 1 }) }), response: { 201: Type.Object({ id: Type.Integer() }) } } }, async (_request, reply) =>
      reply.code(201).send({ id: 2 }),
    )
    users.get('/health', async () => 'ok')
    return instance
  },
  'plain JSON Schema (Ajv)': async (openapi: string) => {
    const instance = Fastify()
    await instance.register(swagger, { openapi: { openapi, info: { title: 'users', version: '1.0.0' } } })
    await instance.register(problems, { openapi: true })
    const user = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } }, required: ['id', 'name'] }
    instance.get(
      '/users/:id',
      { config: { problems: [NotFound] }, schema: { params: { type: 'object', properties: { id: { type: 'integer' } } }, response: { 200: user } } },
      async (request) => {
        const { id } = request.params as { id: number }
        if (id !== 1) throw new NotFound({ detail: `No user ${id}` })
        return { id: 1, name: 'Ada', internal: 'dropped by the serializer' }
      },
    )
    instance.post(
      '/users',
      { schema: { body: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'] }, response: { 201: { type: 'object', properties: { id: { type: 'integer' } } } } } },
      async (_request, reply) => reply.code(201).send({ id: 2 }),
    )
    instance.get('/health', async () => 'ok')
    return instance
  },
}

// Building a document and validating it is slow on a loaded machine; these check answers, not timing.
describe.each(Object.entries(PROVIDERS))('openapi: true with %s', { timeout: 30_000 }, (_name, build) => {
  it.each(OPENAPI_VERSIONS)('OpenAPI %s: starts, the document validates and carries the problem responses', async (openapi) => {
    app = await build(openapi)
    await app.ready()
    const document = app.swagger() as unknown as OpenApiDocument
    expect(document.openapi).toBe(openapi)
    await SwaggerParser.validate(structuredClone(document) as never)
    for (const [path, method] of [['/users/{id}', 'get'], ['/users', 'post'], ['/health', 'get']] as const) {
      const responses = document.paths[path]![method]!.responses
      for (const range of ['4XX', '5XX']) {
        const problem = responses[range]!.content!['application/problem+json']!.schema
        expect(problem.required).toEqual([...problemSchema.required])
      }
    }
    expect(Object.keys(document.paths['/users']!.post!.responses).sort()).toEqual(['201', '4XX', '5XX'])
    // The problems the route declares (`config.problems`) ride the same way, whatever the provider.
    const declared = document.paths['/users/{id}']!.get!.responses['404']!.content!['application/problem+json']!.schema as {
      properties: { status: { enum: number[] } }
    }
    expect(declared.properties.status.enum).toEqual([404])
  })

  it('answers as before: success bodies through the serializer, problems and validation failures as problems', async () => {
    app = await build('3.1.0')
    const found = await app.inject({ method: 'GET', url: '/users/1' })
    expect(found.json()).toEqual({ id: 1, name: 'Ada' })
    const missing = await app.inject({ method: 'GET', url: '/users/2' })
    expect(expectProblem(missing, { status: 404 }).detail).toBe('No user 2')
    const invalid = await app.inject({ method: 'POST', url: '/users', payload: { name: '' } })
    expect(expectProblem(invalid, { status: 400, code: 'VALIDATION_FAILED' }).errors).toEqual([
      expect.objectContaining({ in: 'body', pointer: '#/name' }),
    ])
    expect((await app.inject({ method: 'POST', url: '/users', payload: { name: 'Bo' } })).json()).toEqual({ id: 2 })
  })

  it('the YAML form of the document carries them too (written in JSON syntax, which is YAML)', async () => {
    app = await build('3.0.3')
    await app.ready()
    const yaml = app.swagger({ yaml: true }) as unknown as string
    const parsed = await SwaggerParser.validate(JSON.parse(yaml))
    expect(Object.keys((parsed as unknown as OpenApiDocument).paths['/health']!.get!.responses).sort()).toEqual(['200', '4XX', '5XX'])
  })
})
