// reply.problem takes anything a route could throw, except a number (a number is a status).
import Boom from '@hapi/boom'
import Fastify from 'fastify'
import createError from 'http-errors'
import { describe, it } from 'vitest'
import problems, { NotFound } from '../../src/index.js'

describe('reply.problem(anything)', () => {
  it('accepts our problems, foreign errors and non-errors; a number stays a status', async () => {
    const app = Fastify()
    await app.register(problems)
    app.get('/', async (_request, reply) => {
      reply.problem(new NotFound())
      reply.problem(createError(409, 'Taken'))
      reply.problem(Boom.forbidden())
      reply.problem(new Error('boom'))
      reply.problem('a string')
      reply.problem(null)
      reply.problem(undefined)
      reply.problem(429, { retryAfter: 5 })
      // @ts-expect-error 405 needs allow
      reply.problem(405)
      // @ts-expect-error not a problem status
      reply.problem(200)
      // @ts-expect-error options only follow a status
      reply.problem(createError(409), { detail: 'x' })
      return reply.problem(new NotFound())
    })
  })
})
