// OpenAPI per route: config.problems become one response per status with their own schema, type
// constant and example, beside 4XX/5XX; the documents validate (OpenAPI 3.0 and 3.1) and each
// example validates against its schema; real answers match the documented schemas.
import SwaggerParser from '@apidevtools/swagger-parser'
import swagger from '@fastify/swagger'
import { Ajv } from 'ajv'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import problems, { NotFound, TooManyRequests, UsageError, defineProblem } from '../../src/index.js'
import { Hostile, OutOfCredit, TYPE_BASE_URL } from '../fixtures/catalog.js'

type Media = { schema: Record<string, any>; example?: Record<string, unknown>; examples?: Record<string, { value: Record<string, unknown> }> }
type Responses = Record<string, { description: string; headers?: Record<string, unknown>; content: Record<string, Media> }>

let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function documented(openapi: '3.0.3' | '3.1.0'): Promise<FastifyInstance> {
  app = Fastify()
  await app.register(swagger, { openapi: { openapi, info: { title: 'shop', version: '1.0.0' } } })
  await app.register(problems, { openapi: true, typeBaseUrl: TYPE_BASE_URL })
  app.post('/buy/:id', {
    schema: { params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } },
    config: { problems: [NotFound, OutOfCredit, TooManyRequests, Hostile] },
  }, async (request) => {
    const { id } = request.params as { id: string }
    if (id === 'none') throw new NotFound()
    if (id === 'poor') throw new OutOfCredit({ extensions: { balance: 3 } })
    return { ok: true }
  })
  app.get('/forbidden-twice', { config: { problems: [OutOfCredit, defineForbiddenTwin()] } }, async () => 'x')
  app.get('/own-404', { schema: { response: { 404: { description: 'Our own 404', type: 'object' } } }, config: { problems: [NotFound] } }, async () => 'x')
  app.get('/none', async () => 'x')
  await app.ready()
  return app
}

function defineForbiddenTwin() {
  return defineProblem({ name: 'Suspended', status: 403, type: `${TYPE_BASE_URL}/suspended`, title: 'Account suspended', description: 'Suspended.' })
}

function responsesOf(instance: FastifyInstance, path: string, method: string): Responses {
  return (instance.swagger() as any).paths[path][method].responses as Responses
}

describe.each(['3.0.3', '3.1.0'] as const)('OpenAPI %s', (version) => {
  it('validates with swagger-parser', async () => {
    const instance = await documented(version)
    await expect(SwaggerParser.validate(structuredClone(instance.swagger()) as never)).resolves.toBeDefined()
  })

  it('documents one response per declared status, beside 200, 4XX and 5XX', async () => {
    const responses = responsesOf(await documented(version), '/buy/{id}', 'post')
    expect(Object.keys(responses).sort()).toEqual(['200', '403', '404', '409', '429', '4XX', '5XX'])
    const forbidden = responses['403']!.content['application/problem+json']!
    expect(forbidden.schema.properties.type.enum).toEqual([OutOfCredit.type])
    expect(forbidden.schema.properties.status.enum).toEqual([403])
    expect(forbidden.schema.properties.balance).toEqual({ type: 'number', description: 'The current balance, in cents.' })
    expect(forbidden.schema.required).toEqual(['type', 'title', 'status', 'instance', 'code', 'correlationId', 'balance'])
    expect(forbidden.example!.balance).toBe(30)
    expect(responses['403']!.description).toContain(OutOfCredit.description)
    const notFound = responses['404']!.content['application/problem+json']!
    expect(notFound.schema.properties.type.enum).toEqual([`${TYPE_BASE_URL}/not-found`])
    expect(responses['429']!.headers).toHaveProperty('Retry-After')
    expect(responses['429']!.headers).toHaveProperty('x-correlation-id')
  })

  it('gives every example that validates against its own schema, and not against another type\'s', async () => {
    const instance = await documented(version)
    const ajv = new Ajv({ strict: false })
    const document = instance.swagger() as any
    let checked = 0
    for (const [path, methods] of Object.entries<any>(document.paths)) {
      for (const operation of Object.values<any>(methods)) {
        for (const [status, response] of Object.entries<any>(operation.responses)) {
          const media = response.content?.['application/problem+json'] as Media | undefined
          if (media === undefined || !/^\d+$/.test(status)) continue
          const examples = media.example !== undefined ? [media.example] : Object.values(media.examples ?? {}).map((example) => example.value)
          for (const example of examples) {
            expect(ajv.validate(media.schema, example), `${path} ${status}: ${ajv.errorsText()}`).toBe(true)
            checked++
          }
        }
      }
    }
    expect(checked).toBe(6)
    const forbidden = responsesOf(instance, '/buy/{id}', 'post')['403']!.content['application/problem+json']!
    expect(ajv.validate(forbidden.schema, { ...forbidden.example, balance: 'thirty' })).toBe(false)
    expect(ajv.validate(forbidden.schema, { ...forbidden.example, type: 'about:blank' })).toBe(false)
  })

  it('documents two types of one status as oneOf, each with its example', async () => {
    const media = responsesOf(await documented(version), '/forbidden-twice', 'get')['403']!.content['application/problem+json']!
    expect(media.schema.oneOf.map((schema: any) => schema.properties.type.enum[0])).toEqual([OutOfCredit.type, `${TYPE_BASE_URL}/suspended`])
    expect(Object.keys(media.examples!)).toEqual(['OutOfCredit', 'Suspended'])
  })

  it('keeps a status the route documents itself, and adds nothing to routes that declare none', async () => {
    const instance = await documented(version)
    expect(responsesOf(instance, '/own-404', 'get')['404']!.description).toBe('Our own 404')
    // 200 is @fastify/swagger's own default for a route without response schemas.
    expect(Object.keys(responsesOf(instance, '/none', 'get')).sort()).toEqual(['200', '4XX', '5XX'])
  })
})

describe('real answers match the documented schemas', () => {
  it.each([
    ['none', '404'],
    ['poor', '403'],
  ])('/buy/%s answers as its %s response says', async (id, status) => {
    const instance = await documented('3.1.0')
    const media = responsesOf(instance, '/buy/{id}', 'post')[status]!.content['application/problem+json']!
    const answer = await instance.inject({ method: 'POST', url: `/buy/${id}` })
    expect(String(answer.statusCode)).toBe(status)
    const ajv = new Ajv({ strict: false })
    expect(ajv.validate(media.schema, answer.json()), ajv.errorsText()).toBe(true)
  })
})

describe('config.problems checks', () => {
  it.each([
    ['an empty list', []],
    ['not a list', NotFound],
    ['a list with a string', [NotFound, 'OutOfCredit']],
    ['a list with undefined', [undefined]],
  ])('refuses %s when the route is registered', async (_case, declared) => {
    app = Fastify()
    await app.register(problems, { openapi: true })
    expect(() => app!.get('/x', { config: { problems: declared as never } }, async () => 'x')).toThrow(UsageError)
    expect(() => app!.get('/y', { config: { problems: declared as never } }, async () => 'x')).toThrow(/"config.problems"/)
  })

  it('is ignored without openapi: true', async () => {
    app = Fastify()
    await app.register(problems)
    app.get('/x', { config: { problems: 'anything' as never } }, async () => 'x')
    await app.ready()
    expect((await app.inject('/x')).body).toBe('x')
  })
})
