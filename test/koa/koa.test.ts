/**
 * The Koa middleware over real sockets: Koa's `ctx.throw` / `ctx.assert` (http-errors), the 404
 * fall-through, 405 + Allow from @koa/router's routes (in place of `router.allowedMethods()`),
 * the reply's headers, logging and options.
 */
import { createServer, type Server } from 'node:http'
import Router from '@koa/router'
import Koa from 'koa'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { Conflict, UsageError } from '../../src/index.js'
import { problems, type KoaProblemsOptions } from '../../src/koa/index.js'
import { memoryLogger, problemLogs } from '../express/helpers.js'
import { listening } from '../fetch/helpers.js'

/** A Koa app with the problems middleware first, then `routes(app, router)` and the router. */
async function serve(routes: (app: Koa, router: Router) => void, options: KoaProblemsOptions = {}): Promise<Server> {
  const app = new Koa()
  const router = new Router()
  app.use(problems(options))
  routes(app, router)
  app.use(router.routes())
  return listening(createServer(app.callback()).listen(0, '127.0.0.1'))
}

describe('Koa: errors', () => {
  it('answers ctx.throw with the problem, its message as detail', async () => {
    const server = await serve((_app, router) => {
      router.get('/users/:id', (ctx) => ctx.throw(404, 'No such user'))
    })
    const response = await request(server).get('/users/7?token=secret').set('x-correlation-id', 'koa-1')
    expect(response.status).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(response.headers['x-correlation-id']).toBe('koa-1')
    expect(response.text).toBe(
      '{"type":"about:blank","title":"Not Found","status":404,"detail":"No such user","instance":"/users/7","code":"NOT_FOUND","correlationId":"koa-1"}',
    )
  })

  it('answers ctx.assert, keeps a 5xx message from ctx.throw hidden, and honours expose: false', async () => {
    const server = await serve((_app, router) => {
      router.post('/orders', (ctx) => ctx.assert(false, 422, 'Quantity must be positive'))
      router.get('/crash', (ctx) => ctx.throw(500, 'db password is hunter2'))
      router.get('/quiet', (ctx) => ctx.throw(400, 'internal reason', { expose: false }))
    })
    const invalid = await request(server).post('/orders')
    expect(invalid.status).toBe(422)
    expect(invalid.body).toMatchObject({ status: 422, detail: 'Quantity must be positive' })
    const crash = await request(server).get('/crash')
    expect(crash.status).toBe(500)
    expect(crash.text).not.toContain('hunter2')
    const quiet = await request(server).get('/quiet')
    expect(quiet.status).toBe(400)
    expect(quiet.body.detail).toBeUndefined()
  })

  it('answers our own classes and anything else thrown, a string included', async () => {
    const server = await serve((_app, router) => {
      router.get('/taken', () => {
        throw new Conflict({ detail: 'Taken', code: 'TAKEN' })
      })
      router.get('/string', () => {
        throw 'a string'
      })
    })
    expect((await request(server).get('/taken')).body).toMatchObject({ status: 409, code: 'TAKEN', detail: 'Taken' })
    const string = await request(server).get('/string')
    expect(string.status).toBe(500)
    expect(string.body).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' })
  })

  it('removes the content headers the route set for its success, keeps the rest, merges Vary', async () => {
    const server = await serve((_app, router) => {
      router.get('/report', (ctx) => {
        ctx.set({ etag: '"v1"', 'content-disposition': 'attachment', vary: 'Origin', 'x-ratelimit-remaining': '3' })
        ctx.type = 'text/csv'
        throw new Error('x')
      })
    })
    const response = await request(server).get('/report')
    expect(response.status).toBe(500)
    expect(response.headers.etag).toBeUndefined()
    expect(response.headers['content-disposition']).toBeUndefined()
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(response.headers.vary).toBe('Origin, Accept')
    expect(response.headers['x-ratelimit-remaining']).toBe('3')
  })

  it('leaves an answer that has started to Koa, which reports the error', async () => {
    const errors: unknown[] = []
    const server = await serve((app, router) => {
      app.on('error', (error) => errors.push(error))
      router.get('/streamed', (ctx) => {
        ctx.res.writeHead(200).end('done')
        throw new Error('after the answer')
      })
    })
    const response = await request(server).get('/streamed')
    expect(response.status).toBe(200)
    expect(response.text).toBe('done')
    expect(errors).toEqual([expect.objectContaining({ message: 'after the answer' })])
  })

  it('applies the map option before normalizing', async () => {
    const duplicate = Object.assign(new Error('duplicate'), { code: 'DUP' })
    const rule = { match: (thrown: unknown) => thrown === duplicate, problem: () => new Conflict({ detail: 'Already there' }) }
    const server = await serve((_app, router) => {
      router.get('/dup', () => {
        throw duplicate
      })
    }, { map: [rule] })
    expect((await request(server).get('/dup')).body).toMatchObject({ status: 409, detail: 'Already there' })
  })
})

describe('Koa: 404 and 405', () => {
  function routes(_app: Koa, router: Router): void {
    router.get('/items/:id', (ctx) => {
      ctx.body = 'item'
    })
    router.put('/items/:id', (ctx) => {
      ctx.body = 'put'
    })
    router.post('/locked', (ctx) => {
      ctx.body = 'ok'
    })
    router.get('/locked', (ctx) => ctx.throw(405))
    router.get('/custom-404', (ctx) => {
      ctx.status = 404
      ctx.body = 'custom'
    })
    router.all('/anything', (ctx, next) => next())
    const nested = new Router({ prefix: '/v1' })
    nested.delete('/things/:id', (ctx) => {
      ctx.status = 204
    })
    const api = new Router({ prefix: '/api' })
    api.use(nested.routes())
    router.use(api.routes())
  }

  it.each([
    ['DELETE', '/items/42', 'GET, HEAD, PUT'],
    ['OPTIONS', '/items/42', 'GET, HEAD, PUT'],
    ['GET', '/api/v1/things/7', 'DELETE'],
    ['HEAD', '/api/v1/things/7', 'DELETE'],
  ])('%s %s is a 405 with Allow: %s', async (method, path, allow) => {
    const server = await serve(routes)
    const response = await request(server)[method.toLowerCase() as 'get'](path)
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe(allow)
    if (method !== 'HEAD') expect(response.body).toMatchObject({ status: 405, detail: `The ${method} method is not supported by this resource.` })
  })

  it('a 405 from ctx.throw without Allow gets it from the router', async () => {
    const server = await serve(routes)
    const response = await request(server).get('/locked')
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD, POST')
  })

  it('the fall-through is a 404 problem; a HEAD one has the Content-Length of the GET and no body', async () => {
    const server = await serve(routes)
    const get = await request(server).get('/nowhere').set('x-correlation-id', 'same')
    expect(get.status).toBe(404)
    expect(get.body).toMatchObject({ status: 404, instance: '/nowhere' })
    const head = await request(server).head('/nowhere').set('x-correlation-id', 'same')
    expect(head.status).toBe(404)
    expect(head.text).toBeUndefined()
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.text)))
    // router.all() serves every method: a 404 that the route passed on, never a 405.
    expect((await request(server).delete('/anything')).status).toBe(404)
  })

  it('leaves a 404 the route answered itself alone', async () => {
    const server = await serve(routes)
    const response = await request(server).get('/custom-404')
    expect(response.status).toBe(404)
    expect(response.text).toBe('custom')
  })
})

describe('Koa: logging and options', () => {
  it('logs once through ctx.log (koa-pino-logger) when present, else the logger option', async () => {
    const fallback = memoryLogger()
    const own = memoryLogger()
    const server = await serve((app, router) => {
      app.use(async (ctx, next) => {
        if (ctx.path === '/own') (ctx as unknown as { log: unknown }).log = own.logger
        await next()
      })
      router.get('/own', () => {
        throw new Error('one')
      })
      router.get('/fallback', (ctx) => ctx.throw(409))
    }, { logger: fallback.logger })
    await request(server).get('/own').set('x-correlation-id', 'own-1')
    await request(server).get('/fallback').set('x-correlation-id', 'fb-1')
    expect(problemLogs(own.logs)).toEqual([expect.objectContaining({ correlationId: 'own-1', level: 50 })])
    expect(problemLogs(fallback.logs)).toEqual([expect.objectContaining({ correlationId: 'fb-1', level: 30, status: 409 })])
  })

  it.each([
    [{ logger: {} }, 'logger'],
    [{ notFound: false }, 'notFound'],
    [{ logLevels: { clientError: 'loud' } }, 'logLevels.clientError'],
    [[], 'options'],
  ])('refuses %j, naming %s', (options, name) => {
    expect(() => problems(options as never)).toThrow(UsageError)
    expect(() => problems(options as never)).toThrow(expect.objectContaining({ message: expect.stringContaining(`"${name}"`) }))
  })
})
