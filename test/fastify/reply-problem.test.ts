/**
 * `reply.problem(x)` answers exactly as `throw x` does, byte for byte, for anything that is not
 * a number: our problems, foreign errors (http-errors, boom, @fastify/sensible, @fastify/error),
 * non-errors; through a typed call and an untyped one (what plain JavaScript does).
 */
import Boom from '@hapi/boom'
import createFastifyError from '@fastify/error'
import sensible from '@fastify/sensible'
import Fastify, { type FastifyInstance } from 'fastify'
import createError from 'http-errors'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import problems, { Conflict, NotFound, TooManyRequests, type ProblemsOptions } from '../../src/index.js'

const FstTeapot = createFastifyError('FST_TEAPOT', 'I am a teapot: %s', 418)

/** Built lazily: some need the @fastify/sensible decorators of the app. */
const CASES: [name: string, make: (app: FastifyInstance) => unknown][] = [
  ['our NotFound', () => new NotFound({ detail: 'No user 42', code: 'USER_NOT_FOUND' })],
  ['our 429 with Retry-After', () => new TooManyRequests({ retryAfter: 7 })],
  ['our 409 with extensions', () => new Conflict({ detail: 'Taken', extensions: { field: 'name' } })],
  ['http-errors 404', () => createError(404, 'No such thing')],
  ['http-errors 405 (Allow from the router)', () => createError(405)],
  ['http-errors 500 with a secret', () => createError(500, 'db password is hunter2')],
  ['http-errors 401 with headers', () => createError(401, 'Who?', { headers: { 'WWW-Authenticate': 'Basic realm="x"' } })],
  ['boom forbidden', () => Boom.forbidden('Not yours')],
  ['boom 429', () => Boom.tooManyRequests('Slow down')],
  ['boom badImplementation', () => Boom.badImplementation('internal detail')],
  ['@fastify/sensible notFound', (app) => app.httpErrors.notFound('Gone fishing')],
  ['@fastify/sensible conflict', (app) => app.httpErrors.conflict()],
  ['@fastify/error 418', () => new FstTeapot('brewing')],
  ['a plain Error', () => new Error('internal message')],
  ['an Error with statusCode 422', () => Object.assign(new Error('Bad field'), { statusCode: 422 })],
  ['a string', () => 'just a string'],
  ['an object', () => ({ message: 'an object' })],
  ['an object without a prototype', () => Object.create(null) as object],
  ['null', () => null],
  ['undefined', () => undefined],
  ['true', () => true],
]

const OPTION_SETS: [string, ProblemsOptions][] = [
  ['default options', {}],
  ['with onProblem (every problem a real HttpProblem)', { onProblem: () => undefined }],
]

describe.each(OPTION_SETS)('reply.problem(x) equals throw x, %s', (_label, options) => {
  const apps: Record<'thrown' | 'typed' | 'untyped', FastifyInstance> = {} as never

  beforeAll(async () => {
    for (const how of ['thrown', 'typed', 'untyped'] as const) {
      const app = Fastify()
      await app.register(sensible)
      await app.register(problems, options)
      app.get<{ Params: { index: string } }>('/cases/:index', async (request, reply) => {
        const value = CASES[Number(request.params.index)]![1](app)
        if (how === 'thrown') throw value
        // The untyped call plain JavaScript makes.
        if (how === 'untyped') return Reflect.apply(reply.problem, reply, [value]) as unknown
        return reply.problem(value as NonNullable<object>)
      })
      app.put('/cases/:index', async () => 'another method, for Allow')
      apps[how] = app
    }
  })
  afterAll(async () => {
    for (const app of Object.values(apps)) await app.close()
  })

  it.each(CASES.map(([name], index) => [name, index] as const))('%s', async (_name, index) => {
    const request = { url: `/cases/${index}?q=secret`, headers: { 'x-correlation-id': `case-${index}` } }
    const [thrown, typed, untyped] = await Promise.all([apps.thrown.inject(request), apps.typed.inject(request), apps.untyped.inject(request)])
    const withoutDate = (headers: Record<string, unknown>) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'date'))
    const expectedHeaders = withoutDate(thrown.headers)
    expect(thrown.statusCode).toBeGreaterThanOrEqual(400)
    expect(thrown.headers['content-type']).toMatch(/^application\/problem\+json/)
    for (const answer of [typed, untyped]) {
      expect(answer.statusCode).toBe(thrown.statusCode)
      expect(withoutDate(answer.headers)).toEqual(expectedHeaders)
      expect(answer.body).toBe(thrown.body)
    }
  })
})

describe('reply.problem with a foreign error', () => {
  it('keeps its status instead of a generic 500', async () => {
    const app = Fastify()
    await app.register(problems)
    app.get('/', async (_request, reply) => reply.problem(createError(409, 'Taken')))
    const response = await app.inject('/')
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ status: 409, detail: 'Taken', code: 'CONFLICT' })
    await app.close()
  })
})
