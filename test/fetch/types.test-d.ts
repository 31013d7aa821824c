// Type tests of the fetch adapter and its Hono hooks: what must compile, and what must NOT.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import pino from 'pino'
import { describe, expectTypeOf, it } from 'vitest'
import { problems, type FetchProblemsOptions, type HonoProblemHooks } from '../../src/fetch/index.js'

describe('problems() from http-problems/fetch', () => {
  it('answers a Request with a Response', () => {
    const { problemResponse } = problems({ typeBaseUrl: 'https://errors.example.com', logger: pino() })
    expectTypeOf(problemResponse(new Error('x'), new Request('http://localhost/'))).toEqualTypeOf<Response>()
    problemResponse('anything', new Request('http://localhost/'), { replyHeaders: new Headers(), allow: ['GET'] })
    // @ts-expect-error the request is a Web Request, not a URL string
    problemResponse(new Error('x'), 'http://localhost/')
    // @ts-expect-error replyHeaders is a Headers object
    problemResponse(new Error('x'), new Request('http://localhost/'), { replyHeaders: { etag: '"v1"' } })
  })

  it('gives hooks Hono takes as they are, and a fetch @hono/node-server serves', () => {
    const app = new Hono<{ Bindings: { DB: string } }>()
    const hooks = problems().hono(app)
    expectTypeOf(hooks).toEqualTypeOf<HonoProblemHooks>()
    app.onError(hooks.onError)
    app.notFound(hooks.notFound)
    void serve({ fetch: hooks.fetch, port: 0 })
    // @ts-expect-error the hooks read the app's routes and router: an object without them is refused
    problems().hono({ routes: [] })
  })

  it('takes the shared options and a pino logger, nothing else', () => {
    problems({ logLevels: { clientError: 'silent' }, cacheControl: false, correlationIdHeader: 'x-request-id' })
    // @ts-expect-error console has no `fatal`, so it is not a pino-compatible logger
    problems({ logger: console })
    // @ts-expect-error notFound is the Fastify plugin's option
    problems({ notFound: false })
    // @ts-expect-error docs are served by the Node adapters only
    problems({ docs: { path: '/problems' } })
    expectTypeOf<FetchProblemsOptions['logger']>().not.toBeAny()
  })
})
