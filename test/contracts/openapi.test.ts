import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import problems, { NotFound, UsageError, problemSchema } from '../../src/index.js'
import { PROBLEM_RESPONSES_KEY, attachProblemResponses, moveProblemResponses, problemResponsesFor } from '../../src/fastify/openapi.js'
import { expectProblem } from '../../src/testing/index.js'

interface OpenApiResponse {
  description: string
  headers?: Record<string, { schema: { type: string }; description?: string }>
  content?: Record<string, { schema: Record<string, unknown> }>
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>
}

const userSchema = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] }

let app: FastifyInstance | undefined

afterEach(async () => {
  await app?.close()
  app = undefined
})

async function documentedApp(options: object = { openapi: true }): Promise<FastifyInstance> {
  app = Fastify()
  await app.register(swagger, { openapi: { info: { title: 'users', version: '1.0.0' } } })
  await app.register(problems, options)
  app.get('/users/:id', { schema: { response: { 200: userSchema } } }, async (request) => {
    const { id } = request.params as { id: string }
    if (id !== '1') throw new NotFound({ detail: `No user ${id}`, code: 'USER_NOT_FOUND' })
    return { id: '1', name: 'Ada', internal: 'stripped by the 200 schema' }
  })
  app.get('/plain', async () => ({ free: 'form' }))
  app.post('/own', { schema: { response: { '4XX': { description: 'Our own', type: 'object' } } } }, async () => 'ok')
  await app.ready()
  return app
}

function documentOf(instance: FastifyInstance): OpenApiDocument {
  return instance.swagger() as unknown as OpenApiDocument
}

describe('openapi: true', () => {
  it('documents 4XX and 5XX problem responses next to the route\'s own', async () => {
    const responses = documentOf(await documentedApp()).paths['/users/{id}']!.get!.responses
    expect(Object.keys(responses).sort()).toEqual(['200', '4XX', '5XX'])
    for (const range of ['4XX', '5XX']) {
      const response = responses[range]!
      expect(Object.keys(response.content!)).toEqual(['application/problem+json'])
      const schema = response.content!['application/problem+json']!.schema
      expect(schema.required).toEqual([...problemSchema.required])
      expect(Object.keys(schema.properties as object)).toEqual(Object.keys(problemSchema.properties))
      expect(response.headers!['x-correlation-id']!.schema.type).toBe('string')
      expect(response.description).toMatch(/problem details/)
    }
    expect(responses['200']!.content!['application/json']).toBeDefined()
  })

  it('documents routes that had no schema at all, beside swagger\'s own placeholder 200', async () => {
    const responses = documentOf(await documentedApp()).paths['/plain']!.get!.responses
    expect(Object.keys(responses).sort()).toEqual(['200', '4XX', '5XX'])
  })

  it('leaves no trace of how the responses got there', async () => {
    const document = documentOf(await documentedApp())
    expect(JSON.stringify(document)).not.toContain(PROBLEM_RESPONSES_KEY)
    // The document is cached by @fastify/swagger: asking again gives the same, complete answer.
    expect(documentOf(app!).paths['/plain']!.get!.responses['4XX']).toBeDefined()
  })

  it('keeps a range the route documents itself', async () => {
    const responses = documentOf(await documentedApp()).paths['/own']!.post!.responses
    expect(responses['4XX']!.description).toBe('Our own')
    expect(responses['5XX']!.content!['application/problem+json']).toBeDefined()
  })

  it('works whichever of the two plugins is registered first', async () => {
    app = Fastify()
    await app.register(problems, { openapi: true })
    await app.register(swagger, { openapi: { info: { title: 'users', version: '1.0.0' } } })
    app.get('/late', async () => 'ok')
    await app.ready()
    expect(Object.keys(documentOf(app).paths['/late']!.get!.responses).sort()).toEqual(['200', '4XX', '5XX'])
  })

  it('documents the configured correlation id header', async () => {
    const document = documentOf(await documentedApp({ openapi: true, correlationIdHeader: 'X-Request-Id' }))
    expect(document.paths['/plain']!.get!.responses['4XX']!.headers).toHaveProperty('x-request-id')
  })

  it('changes no answer: problems keep every member, success bodies keep their schema', async () => {
    const instance = await documentedApp()
    const missing = await instance.inject({ method: 'GET', url: '/users/2' })
    expect(expectProblem(missing, { status: 404, code: 'USER_NOT_FOUND' }).detail).toBe('No user 2')
    const json = await instance.inject({ method: 'GET', url: '/users/2', headers: { accept: 'application/json' } })
    expect(expectProblem(json, { status: 404, contentType: 'application/json' }).detail).toBe('No user 2')
    expect((await instance.inject({ method: 'GET', url: '/users/1' })).json()).toEqual({ id: '1', name: 'Ada' })
    expect((await instance.inject({ method: 'GET', url: '/plain' })).json()).toEqual({ free: 'form' })
  })

  it('leaves a route\'s own 4xx JSON answer alone', async () => {
    app = Fastify()
    await app.register(problems, { openapi: true })
    app.get('/legacy', async (_request, reply) => reply.code(400).send({ error: 'old style' }))
    expect((await app.inject({ method: 'GET', url: '/legacy' })).json()).toEqual({ error: 'old style' })
  })
})

describe('openapi: false (default)', () => {
  it('adds nothing', async () => {
    const responses = documentOf(await documentedApp({})).paths['/users/{id}']!.get!.responses
    expect(Object.keys(responses)).toEqual(['200'])
  })

  it('refuses a non-boolean', async () => {
    app = Fastify()
    await expect(app.register(problems, { openapi: 'yes' } as never)).rejects.toThrow(UsageError)
  })
})

describe('attachProblemResponses', () => {
  const responses = problemResponsesFor({} as never, { correlationIdHeader: 'x-correlation-id' })

  it('never edits the schema objects a route was given', () => {
    const response = { 200: userSchema }
    const schema = Object.freeze({ response: Object.freeze(response) })
    const route = { method: 'GET', url: '/x', handler: () => undefined, schema } as never as Parameters<typeof attachProblemResponses>[0]
    attachProblemResponses(route, responses)
    expect(route.schema).not.toBe(schema)
    expect(route.schema!.response).toBe(response)
    expect(Object.keys(route.schema!)).toEqual(['response', PROBLEM_RESPONSES_KEY])
  })

  it('leaves a route alone when it gets no problem responses', () => {
    const schema = { response: { 200: userSchema } }
    const route = { method: 'GET', url: '/x', handler: () => undefined, schema } as never as Parameters<typeof attachProblemResponses>[0]
    attachProblemResponses(route, {})
    expect(route.schema).toBe(schema)
  })
})

describe('moveProblemResponses', () => {
  const problems = { '4XX': { description: 'problem' }, '5XX': { description: 'problem' } }

  it('keeps the responses an operation documents itself, in any case', () => {
    const operation = { responses: { '4xx': { description: 'own' } }, [PROBLEM_RESPONSES_KEY]: problems }
    moveProblemResponses({ openapi: '3.1.0', paths: { '/x': { get: operation } } })
    expect(operation).toEqual({ responses: { '4xx': { description: 'own' }, '5XX': { description: 'problem' } } })
  })

  it('only removes the extension from a Swagger 2.0 document, which has no status ranges', () => {
    const operation = { responses: { 200: { description: 'ok' } }, [PROBLEM_RESPONSES_KEY]: problems }
    moveProblemResponses({ swagger: '2.0', paths: { '/x': { get: operation } } })
    expect(operation).toEqual({ responses: { 200: { description: 'ok' } } })
  })

  it('passes over what is not an operation', () => {
    const document = { openapi: '3.0.3', paths: { '/x': null, '/y': { get: 'nonsense', parameters: [] } } }
    moveProblemResponses(document)
    expect(document.paths).toEqual({ '/x': null, '/y': { get: 'nonsense', parameters: [] } })
  })
})
