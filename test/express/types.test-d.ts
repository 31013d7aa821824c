// Type tests of the Express adapter: what must compile, and (with @ts-expect-error) what must NOT.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express'
import express from 'express'
import pino from 'pino'
import { describe, expectTypeOf, it } from 'vitest'
import type { HttpProblem } from '../../src/index.js'
import { accepted, created, problems, unmatchedRouteProblem, type ExpressProblemsOptions } from '../../src/express/index.js'

describe('problems()', () => {
  it('returns middleware Express accepts where it expects them', () => {
    const { errorHandler, notFound } = problems()
    expectTypeOf(errorHandler).toEqualTypeOf<ErrorRequestHandler>()
    expectTypeOf(notFound).toEqualTypeOf<RequestHandler>()
    const app = express()
    app.use(notFound)
    app.use(errorHandler)
  })

  it('takes the shared options and a pino logger', () => {
    problems({ typeBaseUrl: 'https://errors.example.com', validationStatus: 422, logger: pino() })
    problems({ logLevels: { clientError: 'silent' } })
    problems({ cacheControl: 'private, max-age=5' })
    problems({ cacheControl: false })
    // @ts-expect-error cacheControl is a header value or false; true means nothing
    problems({ cacheControl: true })
    // @ts-expect-error cacheControl is not a number of seconds
    problems({ cacheControl: 60 })
    // @ts-expect-error notFound is the Fastify plugin's option; Express apps mount notFound themselves
    problems({ notFound: false })
    // @ts-expect-error validationStatus is 400 or 422
    problems({ validationStatus: 418 })
    // @ts-expect-error console has no `fatal`, so it is not a pino-compatible logger
    problems({ logger: console })
    // @ts-expect-error not a level
    problems({ logLevels: { serverError: 'loud' } })
    problems({ upgrade: 'websocket', retryAfter: 30 })
    // @ts-expect-error retryAfter is seconds
    problems({ retryAfter: new Date() })
    expectTypeOf<ExpressProblemsOptions['logger']>().not.toBeAny()
  })
})

describe('helpers', () => {
  it('created and accepted take the response first', () => {
    const res = {} as Response
    expectTypeOf(created(res, '/users/1', { id: 1 })).toEqualTypeOf<Response>()
    expectTypeOf(accepted(res)).toEqualTypeOf<Response>()
    // @ts-expect-error a 201 needs the Location of what was created
    created(res)
    // @ts-expect-error the location is a string
    accepted(res, 42)
  })

  it('unmatchedRouteProblem is a 404 or a 405', () => {
    expectTypeOf(unmatchedRouteProblem).returns.toEqualTypeOf<HttpProblem<404 | 405>>()
  })
})
