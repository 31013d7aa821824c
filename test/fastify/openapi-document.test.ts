/**
 * `openapi: true` at its edges: the words of the generic 4XX/5XX responses, an app without
 * @fastify/swagger (nothing added), a `swagger` decorator that answers no document, documents that
 * are not OpenAPI 3, operations without problem responses; and the docs routes kept out of the
 * API's own document.
 */
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import problems from '../../src/index.js'
import { PROBLEM_RESPONSES_KEY, moveProblemResponses } from '../../src/fastify/openapi.js'
import { CATALOG, TYPE_BASE_URL } from '../fixtures/catalog.js'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

function tracked(app: FastifyInstance): FastifyInstance {
  apps.push(app)
  return app
}

const CORRELATION = "The correlation id of the request; the same value as the body's `correlationId`."

describe('the generic problem responses', () => {
  it('describe the correlation id header as the correlation id, a string', async () => {
    const app = tracked(Fastify())
    await app.register(swagger, { openapi: { info: { title: 'shop', version: '1.0.0' } } })
    await app.register(problems, { openapi: true, correlationIdHeader: 'x-request-id' })
    app.get('/x', async () => 'x')
    await app.ready()
    const responses = (app.swagger() as any).paths['/x'].get.responses
    for (const range of ['4XX', '5XX']) {
      expect(responses[range].headers).toEqual({ 'x-request-id': { description: CORRELATION, schema: { type: 'string' } } })
    }
  })
})

describe('openapi: true without a document to change', () => {
  it('adds no swagger decorator to an app without @fastify/swagger', async () => {
    const app = tracked(Fastify())
    await app.register(problems, { openapi: true })
    app.get('/x', async () => 'x')
    await app.ready()
    expect((app as unknown as Record<string, unknown>).swagger).toBeUndefined()
    expect((await app.inject('/x')).body).toBe('x')
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
  ])('passes on %s from a swagger decorator that answers no document', async (_case, answer) => {
    const app = tracked(Fastify())
    // Not @fastify/swagger's decorator: another plugin's, or a stand-in, with its own answer.
    app.decorate('swagger', (() => answer) as never)
    await app.register(problems, { openapi: true })
    await app.ready()
    expect((app.swagger as () => unknown)()).toBe(answer)
  })
})

describe('moveProblemResponses', () => {
  const problemResponses = { '4XX': { description: 'problem' } }

  it.each(['2.0', '4.0.0', ''])('only removes the extension when openapi is %j, not a 3.x version', (version) => {
    const operation = { responses: { 200: { description: 'ok' } }, [PROBLEM_RESPONSES_KEY]: problemResponses }
    moveProblemResponses({ openapi: version, paths: { '/x': { get: operation } } })
    expect(operation).toEqual({ responses: { 200: { description: 'ok' } } })
  })

  it('leaves an operation without problem responses as it is, even one without responses', () => {
    const document = { openapi: '3.1.0', paths: { '/x': { get: { summary: 'no responses' }, post: { responses: {} } } } }
    moveProblemResponses(document)
    expect(document.paths).toEqual({ '/x': { get: { summary: 'no responses' }, post: { responses: {} } } })
  })
})

describe('the docs routes', () => {
  it("are not in the API's OpenAPI document", async () => {
    const app = tracked(Fastify())
    await app.register(swagger, { openapi: { info: { title: 'shop', version: '1.0.0' } } })
    await app.register(problems, { openapi: true, typeBaseUrl: TYPE_BASE_URL, docs: { catalog: [...CATALOG] } })
    app.get('/orders', async () => [])
    await app.ready()
    expect((await app.inject({ url: '/problems/', headers: { accept: 'application/json' } })).statusCode).toBe(200)
    expect(Object.keys((app.swagger() as any).paths)).toEqual(['/orders'])
  })
})
