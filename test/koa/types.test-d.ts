// Type tests of the Koa adapter: what must compile, and what must NOT.
import Router from '@koa/router'
import Koa, { type Middleware } from 'koa'
import pino from 'pino'
import { describe, expectTypeOf, it } from 'vitest'
import { problems, type KoaProblemsOptions } from '../../src/koa/index.js'

describe('problems() from http-problems/koa', () => {
  it('is a middleware Koa mounts, before a router', () => {
    const middleware = problems({ typeBaseUrl: 'https://errors.example.com', logger: pino() })
    expectTypeOf(middleware).toEqualTypeOf<Middleware>()
    const app = new Koa()
    const router = new Router()
    app.use(middleware)
    app.use(router.routes())
  })

  it('takes the shared options and a pino logger, nothing else', () => {
    problems({ validationStatus: 422, retryAfter: 30 })
    // @ts-expect-error validationStatus is 400 or 422
    problems({ validationStatus: 418 })
    // @ts-expect-error console has no `fatal`, so it is not a pino-compatible logger
    problems({ logger: console })
    // @ts-expect-error there is no allowedMethods option: the middleware answers 405 itself
    problems({ allowedMethods: true })
    expectTypeOf<KoaProblemsOptions['logger']>().not.toBeAny()
  })
})
