/**
 * The words and headers of a route's declared problem responses (`config.problems` with
 * `openapi: true`): each response's description, each body schema's description, each documented
 * header, and the message that refuses a wrong declaration, naming the route.
 */
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import problems, { NotFound, TooManyRequests, defineProblem, problemSchema } from '../../src/index.js'
import { OutOfCredit, TYPE_BASE_URL } from '../fixtures/catalog.js'

type Response = { description: string; headers?: Record<string, unknown>; content: Record<string, { schema: Record<string, any> }> }

const Undocumented = defineProblem({ name: 'Undocumented', status: 409, type: `${TYPE_BASE_URL}/undocumented`, title: 'Nobody wrote this one down' })
const Suspended = defineProblem({ name: 'Suspended', status: 403, type: `${TYPE_BASE_URL}/suspended`, title: 'Account suspended', description: 'The account is suspended.' })

let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function responsesOf(problemsOptions: Record<string, unknown>, declared: readonly unknown[]): Promise<Record<string, Response>> {
  app = Fastify()
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 'shop', version: '1.0.0' } } })
  await app.register(problems, { openapi: true, typeBaseUrl: TYPE_BASE_URL, ...problemsOptions })
  app.get('/thing', { config: { problems: declared as never } }, async () => 'x')
  await app.ready()
  return (app.swagger() as any).paths['/thing'].get.responses as Record<string, Response>
}

const PROBLEM = 'application/problem+json'
const CORRELATION = "The correlation id of the request; the same value as the body's `correlationId`."
const STANDARD = "Sent as the standards ask for this status (see the problem type's documentation)."

describe('descriptions of declared problem responses', () => {
  it('is the title and the description of a type that has one', async () => {
    const responses = await responsesOf({}, [OutOfCredit])
    expect(responses['403']!.description).toBe(`${OutOfCredit.title}: ${OutOfCredit.description}`)
    expect(responses['403']!.content[PROBLEM]!.schema.description).toBe(OutOfCredit.description)
  })

  it("is the title alone for a type without a description, and its schema keeps the problem schema's description", async () => {
    const responses = await responsesOf({}, [Undocumented])
    expect(responses['409']!.description).toBe('Nobody wrote this one down')
    expect(responses['409']!.content[PROBLEM]!.schema.description).toBe(problemSchema.description)
  })

  it('joins the types of one status with " | ", each schema with its own description', async () => {
    const responses = await responsesOf({}, [OutOfCredit, Suspended])
    expect(responses['403']!.description).toBe(`${OutOfCredit.title}: ${OutOfCredit.description} | Account suspended: The account is suspended.`)
    const [first, second] = responses['403']!.content[PROBLEM]!.schema.oneOf as Record<string, unknown>[]
    expect(first!.description).toBe(OutOfCredit.description)
    expect(second!.description).toBe('The account is suspended.')
  })
})

describe('headers of declared problem responses', () => {
  it('documents the correlation id header and a header the standards ask for, each a string with its own description', async () => {
    const responses = await responsesOf({}, [TooManyRequests])
    expect(responses['429']!.headers).toEqual({
      'Retry-After': { description: STANDARD, schema: { type: 'string' } },
      'x-correlation-id': { description: CORRELATION, schema: { type: 'string' } },
    })
  })

  it('describes the configured correlation id header as the correlation id', async () => {
    const responses = await responsesOf({ correlationIdHeader: 'x-request-id' }, [NotFound])
    expect(responses['404']!.headers).toEqual({ 'x-request-id': { description: CORRELATION, schema: { type: 'string' } } })
  })
})

describe('a wrong config.problems is refused with a message naming the route', () => {
  async function registrationError(declared: unknown): Promise<string> {
    app = Fastify()
    await app.register(problems, { openapi: true })
    try {
      app.post('/orders/:id', { config: { problems: declared as never } }, async () => 'x')
    } catch (error) {
      return (error as Error).message
    }
    throw new Error('the route was accepted')
  }

  it.each([
    ['an empty list', [], 'an array'],
    ['a class, not a list', NotFound, 'function'],
  ])('%s', async (_case, declared, received) => {
    expect(await registrationError(declared)).toBe(
      `http-problems: option "config.problems" must be a non-empty list of problem classes (route POST /orders/:id), received ${received}`,
    )
  })

  it.each([
    ['a string in the list', [NotFound, 'OutOfCredit'], 'the string "OutOfCredit"'],
    ['undefined in the list', [undefined], 'undefined'],
    ['a plain Error class in the list', [Error], 'function'],
  ])('%s', async (_case, declared, received) => {
    expect(await registrationError(declared)).toBe(
      `http-problems: option "config.problems" must be problem classes (route POST /orders/:id), received ${received}`,
    )
  })
})
