// Encapsulation: a child context (or a route) with its own error handler keeps it; everything
// else, including the children of other plugins and what a custom handler passes on, is ours.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Conflict } from '../../src/index.js'
import { buildApp, expectProblem } from './helpers.js'

let app: FastifyInstance

beforeAll(async () => {
  ;({ app } = await buildApp())
  app.register(
    async (legacy) => {
      legacy.setErrorHandler((error, _request, reply) => {
        reply.code(418).send({ legacy: true, message: (error as Error).message })
      })
      legacy.get('/thing', async () => {
        throw new Conflict('taken')
      })
      legacy.register(async (grandchild) => {
        grandchild.get('/nested', async () => {
          throw new Error('nested')
        })
      })
    },
    { prefix: '/legacy' },
  )
  app.register(
    async (delegating) => {
      // A custom handler that deals with some errors and hands the rest back up.
      delegating.setErrorHandler((error, _request, reply) => {
        if ((error as Error).message === 'mine') return reply.code(202).send({ handled: true })
        throw error
      })
      delegating.get('/mine', async () => {
        throw new Error('mine')
      })
      delegating.get('/theirs', async () => {
        throw new Conflict('not mine')
      })
    },
    { prefix: '/delegating' },
  )
  app.register(
    async (plain) => {
      plain.get('/thing', async () => {
        throw new Conflict('taken')
      })
      plain.register(async (grandchild) => {
        grandchild.get('/nested', async () => {
          throw new Error('nested')
        })
      })
    },
    { prefix: '/plain' },
  )
  app.get(
    '/route-level',
    {
      errorHandler: (_error, _request, reply) => {
        reply.code(299).send('route handler')
      },
    },
    async () => {
      throw new Error('route')
    },
  )
  app.get('/root', async () => {
    throw new Conflict('taken')
  })
})

afterAll(async () => {
  await app.close()
})

describe('a child context with its own error handler keeps it', () => {
  it('for its routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/legacy/thing' })
    expect(response.statusCode).toBe(418)
    expect(response.json()).toEqual({ legacy: true, message: 'taken' })
  })

  it('for its own children', async () => {
    const response = await app.inject({ method: 'GET', url: '/legacy/nested' })
    expect(response.statusCode).toBe(418)
  })

  it('a route-level errorHandler too', async () => {
    const response = await app.inject({ method: 'GET', url: '/route-level' })
    expect(response.statusCode).toBe(299)
    expect(response.body).toBe('route handler')
  })
})

describe('everything else is ours', () => {
  it.each(['/root', '/plain/thing'])('%s', async (url) => {
    expectProblem(await app.inject({ method: 'GET', url }), 409)
  })

  it('children of a plain child', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/plain/nested' }), 500)
  })

  it('what a custom handler throws on goes to us', async () => {
    expect((await app.inject({ method: 'GET', url: '/delegating/mine' })).statusCode).toBe(202)
    const body = expectProblem(await app.inject({ method: 'GET', url: '/delegating/theirs' }), 409)
    expect(body.detail).toBe('not mine')
  })

  it('unmatched routes under any prefix', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/legacy/missing' }), 404)
  })
})
