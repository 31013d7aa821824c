/**
 * The Hono hooks over real sockets (@hono/node-server): errors thrown by handlers and middleware,
 * Hono's HTTPException, 404 and 405 with `Allow` from Hono's router, and what it cannot see.
 */
import { Hono } from 'hono'
import { basicAuth } from 'hono/basic-auth'
import { HTTPException } from 'hono/http-exception'
import { PatternRouter } from 'hono/router/pattern-router'
import { describe, expect, it } from 'vitest'
import { Conflict, MethodNotAllowed } from '../../src/index.js'
import { problems, type FetchProblemsOptions } from '../../src/fetch/index.js'
import { memoryLogger, problemLogs } from '../express/helpers.js'
import { served } from './helpers.js'

/** `app` with the hooks of `problems(options)`, served; the base URL. */
async function serveApp(app: Hono, options: FetchProblemsOptions = {}): Promise<string> {
  const hooks = problems(options).hono(app)
  app.onError(hooks.onError)
  app.notFound(hooks.notFound)
  return served(hooks.fetch)
}

describe('Hono: errors', () => {
  it('answers what a handler throws with the problem, the query string never echoed', async () => {
    const app = new Hono()
    app.get('/users/:id', () => {
      throw new Conflict({ detail: 'Taken', extensions: { field: 'email' } })
    })
    const base = await serveApp(app, { typeBaseUrl: 'https://errors.example.com' })
    const response = await fetch(`${base}/users/7?token=secret`, { headers: { 'x-correlation-id': 'hono-1' } })
    expect(response.status).toBe(409)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.headers.get('x-correlation-id')).toBe('hono-1')
    expect(response.headers.get('vary')).toBe('Accept')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.text()).toBe(
      '{"type":"https://errors.example.com/conflict","title":"Conflict","status":409,"detail":"Taken","instance":"/users/7","code":"CONFLICT","correlationId":"hono-1","field":"email"}',
    )
  })

  it("honours HTTPException's status and message, and the challenge of basicAuth's response", async () => {
    const app = new Hono()
    app.get('/teapot', () => {
      throw new HTTPException(418, { message: 'Short and stout' })
    })
    app.use('/admin/*', basicAuth({ username: 'a', password: 'b', realm: 'admin area' }))
    app.get('/admin/panel', (c) => c.text('secret'))
    const base = await serveApp(app)
    const teapot = await fetch(`${base}/teapot`)
    expect(teapot.status).toBe(418)
    expect(await teapot.json()).toMatchObject({ status: 418, detail: 'Short and stout', title: "I'm a teapot" })
    const denied = await fetch(`${base}/admin/panel`)
    expect(denied.status).toBe(401)
    expect(denied.headers.get('www-authenticate')).toBe('Basic realm="admin area"')
    expect(denied.headers.get('content-type')).toBe('application/problem+json')
    expect(await denied.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
  })

  it('hides a 5xx message, and removes what a middleware set for the success once Hono copies its headers back', async () => {
    const app = new Hono()
    // A middleware makes Hono compose, and its copy of the context's headers onto the problem.
    app.use('*', async (c, next) => {
      c.header('x-request-start', '1')
      await next()
    })
    app.get('/report.csv', (c) => {
      c.header('content-disposition', 'attachment; filename="r.csv"')
      c.header('etag', '"v1"')
      c.header('cache-control', 'public, max-age=600')
      c.header('vary', 'Origin')
      throw new Error('db password is hunter2')
    })
    const base = await serveApp(app)
    const response = await fetch(`${base}/report.csv`)
    expect(response.status).toBe(500)
    for (const name of ['content-disposition', 'etag']) expect(response.headers.get(name), name).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('vary')).toBe('Origin, Accept')
    expect(response.headers.get('x-request-start')).toBe('1')
    const body = await response.text()
    expect(body).not.toContain('hunter2')
    expect(JSON.parse(body)).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR' })
  })

  it('answers what Hono does not pass to onError (a thrown string, null) through hooks.fetch', async () => {
    const app = new Hono()
    app.get('/string', () => {
      throw 'a string'
    })
    app.get('/null', () => {
      throw null
    })
    const base = await serveApp(app)
    for (const path of ['/string', '/null']) {
      const response = await fetch(`${base}${path}`)
      expect(response.status, path).toBe(500)
      expect(await response.json()).toMatchObject({ instance: path, code: 'INTERNAL_SERVER_ERROR' })
    }
  })

  it('logs each problem once through the logger option, the correlation id from traceparent', async () => {
    const { logger, logs } = memoryLogger()
    const app = new Hono()
    app.get('/boom', () => {
      throw new Error('secret cause')
    })
    const base = await serveApp(app, { logger })
    const response = await fetch(`${base}/boom`, { headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } })
    expect(response.headers.get('x-correlation-id')).toBe('4bf92f3577b34da6a3ce929d0e0e4736')
    await response.text()
    const lines = problemLogs(logs)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 50, correlationId: '4bf92f3577b34da6a3ce929d0e0e4736', status: 500 })
    expect(lines[0]!.err.message).toBe('secret cause')
  })

  it('replaces an unsafe incoming correlation id, and repeated ones, with a new UUID', async () => {
    const app = new Hono()
    const base = await serveApp(app)
    const unsafe = await fetch(`${base}/x`, { headers: { 'x-correlation-id': 'a b' } })
    expect(unsafe.headers.get('x-correlation-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const headers = new Headers([['x-correlation-id', 'one'], ['x-correlation-id', 'two']])
    const repeated = await fetch(`${base}/x`, { headers })
    expect(repeated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('Hono: 404 and 405 from the router', () => {
  async function routedApp(app = new Hono()): Promise<string> {
    app.get('/items/:id', (c) => c.text('item'))
    app.put('/items/:id', (c) => c.text('put'))
    app.on(['PATCH', 'PURGE'], '/cache/*', (c) => c.text('ok'))
    app.all('/anything', (c) => c.text('any'))
    app.post('/only-post', (c) => c.text('posted'))
    app.options('/preflight/*', (c) => c.body(null, 204))
    const api = new Hono().basePath('/api')
    api.delete('/v1/things/:id{[0-9]+}', (c) => c.text('deleted'))
    app.route('/', api)
    return serveApp(app)
  }

  it.each([
    ['DELETE', '/items/42', 'GET, HEAD, PUT'],
    ['POST', '/cache/a/b', 'PATCH, PURGE'],
    ['GET', '/only-post', 'POST'],
    ['HEAD', '/only-post', 'POST'],
    ['GET', '/api/v1/things/7', 'DELETE'],
  ])('%s %s is a 405 with Allow: %s', async (method, path, allow) => {
    const base = await routedApp()
    const response = await fetch(`${base}${path}`, { method })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(allow)
    if (method !== 'HEAD') expect(await response.json()).toMatchObject({ detail: `The ${method} method is not supported by this resource.` })
  })

  it.each([
    ['GET', '/nowhere'],
    ['GET', '/api/v1/things/seven'],
    // Only an OPTIONS route (a CORS preflight catch-all) does not make a path exist.
    ['GET', '/preflight/x'],
  ])('%s %s is a 404', async (method, path) => {
    const base = await routedApp()
    const response = await fetch(`${base}${path}`, { method })
    expect(response.status).toBe(404)
    expect(response.headers.get('allow')).toBeNull()
    expect(await response.json()).toMatchObject({ status: 404, instance: path })
  })

  it('a HEAD 404 has no body and the Content-Length of the GET', async () => {
    const base = await routedApp()
    const get = await fetch(`${base}/nowhere`, { headers: { 'x-correlation-id': 'same' } })
    const head = await fetch(`${base}/nowhere`, { method: 'HEAD', headers: { 'x-correlation-id': 'same' } })
    expect(head.status).toBe(404)
    expect(await head.text()).toBe('')
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(await get.text())))
  })

  it('works with any of Hono routers (PatternRouter here)', async () => {
    const base = await routedApp(new Hono({ router: new PatternRouter() }))
    const response = await fetch(`${base}/items/42`, { method: 'DELETE' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, PUT')
  })

  it('a foreign 405 without Allow gets it from the router', async () => {
    const app = new Hono()
    app.get('/locked', () => {
      throw new HTTPException(405)
    })
    app.post('/locked', (c) => c.text('ok'))
    const base = await serveApp(app)
    const response = await fetch(`${base}/locked`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST')
  })

  it("what it cannot tell: a path served only by app.all() or app.use() is never a 405", async () => {
    const app = new Hono()
    app.use('/guarded/*', async (_c, next) => next())
    app.all('/guarded/x', async (_c, next) => next())
    const base = await serveApp(app)
    const response = await fetch(`${base}/guarded/x`, { method: 'DELETE' })
    expect(response.status).toBe(404)
  })

  it("a typed 405 keeps its own Allow", async () => {
    const app = new Hono()
    app.get('/own', () => {
      throw new MethodNotAllowed({ allow: ['POST'] })
    })
    const base = await serveApp(app)
    expect((await fetch(`${base}/own`)).headers.get('allow')).toBe('POST')
  })
})

describe('Hono: what hooks.fetch and onError do beyond app.fetch', () => {
  function hooked(app: Hono) {
    const hooks = problems().hono(app)
    app.onError(hooks.onError)
    app.notFound(hooks.notFound)
    return hooks
  }

  it('answers what an awaiting handler rejects with (a string, null), and passes answers through', async () => {
    const app = new Hono()
    app.get('/async/:what', async (c) => {
      await Promise.resolve()
      if (c.req.param('what') === 'string') throw 'a string'
      if (c.req.param('what') === 'null') throw null
      return c.text('fine')
    })
    const hooks = hooked(app)
    expect(await (await hooks.fetch(new Request('http://localhost/async/ok'))).text()).toBe('fine')
    for (const what of ['string', 'null']) {
      const answer = await hooks.fetch(new Request(`http://localhost/async/${what}`))
      expect(answer.status, what).toBe(500)
      expect(await answer.json()).toMatchObject({ instance: `/async/${what}`, code: 'INTERNAL_SERVER_ERROR' })
    }
  })

  it("keeps every Set-Cookie of an HTTPException's response, each on its own; its other headers replace the reply's", async () => {
    const app = new Hono()
    app.use('/cookies', async (c, next) => {
      c.header('retry-after', '10')
      await next()
    })
    app.get('/cookies', () => {
      const res = new Response(null, { headers: [['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['retry-after', '30']] })
      throw new HTTPException(503, { res })
    })
    const answer = await hooked(app).fetch(new Request('http://localhost/cookies'))
    expect(answer.status).toBe(503)
    expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(answer.headers.get('retry-after')).toBe('30')
  })

  it("asks Hono's router for the methods only for a 405 that names none", async () => {
    const app = new Hono()
    app.get('/gone', () => {
      throw new Conflict('Taken')
    })
    app.get('/locked', () => {
      throw new HTTPException(405)
    })
    app.post('/locked', (c) => c.text('ok'))
    const hooks = hooked(app)
    // Hono's default router settles on its inner router at the first match and replaces its own
    // `match` then: one request first, so that the count below sees every later call.
    await hooks.fetch(new Request('http://localhost/gone'))
    const match = app.router.match.bind(app.router)
    let asked = 0
    app.router.match = (method, path) => {
      asked++
      return match(method, path)
    }
    await hooks.fetch(new Request('http://localhost/gone'))
    // Hono's own dispatch matches once; the 409's answer asks nothing more.
    expect(asked).toBe(1)
    asked = 0
    const locked = await hooks.fetch(new Request('http://localhost/locked'))
    expect(locked.headers.get('allow')).toBe('GET, HEAD, POST')
    expect(asked).toBeGreaterThan(1)
  })
})
