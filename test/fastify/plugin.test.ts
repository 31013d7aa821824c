import createError from 'http-errors'
import Fastify from 'fastify'
import sensible from '@fastify/sensible'
import Boom from '@hapi/boom'
import { afterEach, describe, expect, it } from 'vitest'
import problems, { SERVER_ERROR_DETAIL, InternalServerError, NotFound, TooManyRequests, UsageError, createProblem } from '../../src/index.js'
import { buildApp, problemLogs } from './helpers.js'
import { EVERY_CLASS, PROBLEM_JSON, REQUIRED_HEADERS, expectedBody, problemFor } from '../fixtures/every-class.js'

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

async function appWith(...args: Parameters<typeof buildApp>) {
  const built = await buildApp(...args)
  close = () => built.app.close()
  return built
}

describe('every class thrown from a route', () => {
  it.each(EVERY_CLASS)('%i %s', async (status, name) => {
    const { app, logs } = await appWith()
    app.get('/x', async () => {
      throw problemFor(name)
    })
    const response = await app.inject({ url: '/x?secret=1', headers: { 'x-correlation-id': 'test-cid' } })
    expect(response.statusCode).toBe(status)
    expect(response.headers['content-type']).toBe(PROBLEM_JSON)
    expect(response.headers['x-correlation-id']).toBe('test-cid')
    expect(response.headers).toMatchObject(REQUIRED_HEADERS[status] ?? {})
    expect(response.json()).toEqual(expectedBody(name))
    const lines = problemLogs(logs)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.level).toBe(status < 500 ? 30 : 50)
    expect(lines[0]!.correlationId).toBe('test-cid')
  })
})

describe('5xx safety and logging', () => {
  it('never sends the message, stack or cause of a server error, and logs them once at error', async () => {
    const { app, logs } = await appWith()
    app.get('/crash', async () => {
      throw new Error('password=hunter2 at db.internal', { cause: new Error('ECONNREFUSED 10.0.0.7') })
    })
    const response = await app.inject('/crash')
    expect(response.statusCode).toBe(500)
    expect(response.body).not.toMatch(/hunter2|db\.internal|ECONNREFUSED|at .*\.ts/)
    expect(response.json().detail).toBe(SERVER_ERROR_DETAIL)
    const lines = problemLogs(logs)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 50, status: 500, code: 'INTERNAL_SERVER_ERROR', correlationId: response.json().correlationId })
    expect(lines[0]!.err.message).toContain('hunter2')
    expect(lines[0]!.err.stack).toContain('ECONNREFUSED')
  })

  it('shows an exposed 5xx detail', async () => {
    const { app } = await appWith()
    app.get('/maint', async () => {
      throw createProblem(503, { detail: 'Back at 10:00 UTC', expose: true, retryAfter: 600 })
    })
    const response = await app.inject('/maint')
    expect(response.json().detail).toBe('Back at 10:00 UTC')
    expect(response.headers['retry-after']).toBe('600')
  })

  it('logs client errors at info without a stack', async () => {
    const { app, logs } = await appWith()
    app.get('/nf', async () => {
      throw new NotFound('No user 42')
    })
    await app.inject('/nf')
    const [line, ...rest] = problemLogs(logs)
    expect(rest).toHaveLength(0)
    expect(line).toMatchObject({ level: 30, status: 404, code: 'NOT_FOUND', detail: 'No user 42', msg: '404 Not Found' })
    expect(JSON.stringify(line)).not.toContain('stack')
  })

  it('logs a thrown non-error as a description', async () => {
    const { app, logs } = await appWith()
    app.get('/str', async () => {
      throw 'plain string'
    })
    const response = await app.inject('/str')
    expect(response.statusCode).toBe(500)
    expect(response.body).not.toContain('plain string')
    expect(problemLogs(logs)[0]).toMatchObject({ level: 50, thrown: 'plain string' })
  })

  it('honours logLevels, including silent', async () => {
    const { app, logs } = await appWith({ logLevels: { clientError: 'silent', serverError: 'warn' } })
    app.get('/nf', async () => {
      throw new NotFound()
    })
    app.get('/crash', async () => {
      throw new Error('x')
    })
    await app.inject('/nf')
    await app.inject('/crash')
    const lines = problemLogs(logs)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 40, status: 500 })
  })

  it('exposeStack adds the stack, for development', async () => {
    const { app } = await appWith({ exposeStack: true })
    app.get('/crash', async () => {
      throw new Error('dev only')
    })
    expect((await app.inject('/crash')).json().stack).toContain('dev only')
  })
})

describe('correlation ids', () => {
  it('echoes a valid incoming id, replaces an invalid one, and uses traceparent', async () => {
    const { app } = await appWith()
    app.get('/nf', async () => {
      throw new NotFound()
    })
    const valid = await app.inject({ url: '/nf', headers: { 'x-correlation-id': 'abc-123' } })
    expect(valid.headers['x-correlation-id']).toBe('abc-123')
    const invalid = await app.inject({ url: '/nf', headers: { 'x-correlation-id': 'a"b<script>' } })
    expect(invalid.headers['x-correlation-id']).not.toContain('script')
    expect(invalid.json().correlationId).toBe(invalid.headers['x-correlation-id'])
    const traced = await app.inject({ url: '/nf', headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } })
    expect(traced.json().correlationId).toBe('4bf92f3577b34da6a3ce929d0e0e4736')
    const fresh = [await app.inject('/nf'), await app.inject('/nf')].map((r) => r.json().correlationId)
    expect(fresh[0]).not.toBe(fresh[1])
  })

  it('uses the configured header name', async () => {
    const { app } = await appWith({ correlationIdHeader: 'X-Request-Id' })
    app.get('/nf', async () => {
      throw new NotFound()
    })
    const response = await app.inject({ url: '/nf', headers: { 'x-request-id': 'rid-1' } })
    expect(response.headers['x-request-id']).toBe('rid-1')
    expect(response.headers).not.toHaveProperty('x-correlation-id')
  })
})

describe("Fastify's own errors", () => {
  const schema = {
    body: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, age: { type: 'integer' } },
    },
    querystring: { type: 'object', properties: { limit: { type: 'integer', maximum: 100 } } },
  }

  it('validation → 400 with JSON pointers to the offending members', async () => {
    const { app } = await appWith()
    app.post('/users', { schema }, async () => 'ok')
    const missing = await app.inject({ method: 'POST', url: '/users', payload: { age: 3 } })
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request body is invalid.',
      errors: [{ in: 'body', pointer: '#/name', detail: "must have required property 'name'" }],
    })
    const wrongType = await app.inject({ method: 'POST', url: '/users', payload: { name: 'a', age: 'old' } })
    expect(wrongType.json().errors).toEqual([{ in: 'body', pointer: '#/age', detail: 'must be integer' }])
    const query = await app.inject({ method: 'POST', url: '/users?limit=1000', payload: { name: 'a' } })
    expect(query.json().errors).toEqual([{ in: 'querystring', pointer: '#/limit', detail: 'must be <= 100' }])
  })

  it('validationStatus: 422', async () => {
    const { app } = await appWith({ validationStatus: 422 })
    app.post('/users', { schema }, async () => 'ok')
    const response = await app.inject({ method: 'POST', url: '/users', payload: {} })
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({ status: 422, title: 'Unprocessable Content' })
  })

  it('malformed JSON 400, unsupported media type 415, body too large 413, as problems', async () => {
    const { app } = await appWith({}, { bodyLimit: 64 })
    app.post('/echo', async (request) => request.body)
    const malformed = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"a":' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.headers['content-type']).toBe(PROBLEM_JSON)
    expect(malformed.json().code).toBe('BAD_REQUEST')
    const media = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' })
    expect(media.statusCode).toBe(415)
    expect(media.json().title).toBe('Unsupported Media Type')
    const large = await app.inject({ method: 'POST', url: '/echo', payload: { a: 'x'.repeat(200) } })
    expect(large.statusCode).toBe(413)
    expect(large.json().title).toBe('Content Too Large')
  })
})

describe('404 and automatic 405', () => {
  async function routedApp(options = {}) {
    const { app, logs } = await appWith(options)
    app.get('/users/:id', async () => 'user')
    app.put('/users/:id', async () => 'user')
    app.post('/files/*', async () => 'file')
    app.get('/versioned', { constraints: { version: '1.2.0' } }, async () => 'v1')
    app.get('/hosted', { constraints: { host: 'api.example.com' } }, async () => 'host')
    await app.register(
      async (child) => {
        child.delete('/items/:id', async () => 'deleted')
      },
      { prefix: '/v2' },
    )
    return { app, logs }
  }

  it('answers an unknown path with a 404 problem', async () => {
    const { app } = await routedApp()
    const response = await app.inject('/nope?q=secret')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ status: 404, title: 'Not Found', instance: '/nope', code: 'NOT_FOUND' })
    expect(response.body).not.toContain('secret')
  })

  it.each([
    ['DELETE', '/users/42', 'GET, HEAD, PUT'],
    ['PATCH', '/users/42?x=1', 'GET, HEAD, PUT'],
    ['GET', '/files/a/b/c.txt', 'POST'],
    ['GET', '/v2/items/7', 'DELETE'],
  ])('%s %s → 405 with Allow: %s', async (method, url, allow) => {
    const { app } = await routedApp()
    const response = await app.inject({ method: method as 'GET', url })
    expect(response.statusCode).toBe(405)
    expect(response.headers.allow).toBe(allow)
    expect(response.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' })
  })

  it('counts constrained routes when the request meets the constraint', async () => {
    const { app } = await routedApp()
    const versioned = await app.inject({ method: 'POST', url: '/versioned', headers: { 'accept-version': '1.x' } })
    expect(versioned.statusCode).toBe(405)
    expect(versioned.headers.allow).toBe('GET, HEAD')
    const otherVersion = await app.inject({ method: 'GET', url: '/versioned', headers: { 'accept-version': '2.x' } })
    expect(otherVersion.statusCode).toBe(404)
    const hosted = await app.inject({ method: 'DELETE', url: '/hosted', headers: { host: 'api.example.com' } })
    expect(hosted.statusCode).toBe(405)
    expect(hosted.headers.allow).toBe('GET, HEAD')
    const otherHost = await app.inject({ method: 'DELETE', url: '/hosted', headers: { host: 'other.example.com' } })
    expect(otherHost.statusCode).toBe(404)
  })

  it('answers HEAD with headers and no body', async () => {
    const { app } = await routedApp()
    const response = await app.inject({ method: 'HEAD', url: '/nope' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe(PROBLEM_JSON)
    expect(response.headers['x-correlation-id']).toBeTruthy()
    expect(response.body).toBe('')
  })

  it('fills Allow for a foreign 405 from the router', async () => {
    const { app } = await appWith()
    app.get('/legacy', async () => {
      throw createError(405)
    })
    app.post('/legacy', async () => 'ok')
    const response = await app.inject('/legacy')
    expect(response.statusCode).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD, POST')
  })

  it('notFound: false leaves the handler to the app, and notFoundHandler gives the same answers', async () => {
    const { app } = await appWith({ notFound: false })
    const { notFoundHandler } = await import('../../src/index.js')
    app.get('/users/:id', async () => 'user')
    await app.register(
      async (api) => {
        api.setNotFoundHandler(notFoundHandler)
        api.get('/ping', async () => 'pong')
      },
      { prefix: '/api' },
    )
    app.setNotFoundHandler((_request, reply) => reply.code(404).type('text/plain').send('custom'))
    expect((await app.inject('/elsewhere')).body).toBe('custom')
    const apiMissing = await app.inject('/api/missing')
    expect(apiMissing.statusCode).toBe(404)
    expect(apiMissing.headers['content-type']).toBe(PROBLEM_JSON)
    const apiWrongMethod = await app.inject({ method: 'POST', url: '/api/ping' })
    expect(apiWrongMethod.statusCode).toBe(405)
    expect(apiWrongMethod.headers.allow).toBe('GET, HEAD')
  })

  it('explains how to fix a not-found handler conflict', async () => {
    const app = Fastify()
    close = () => app.close()
    app.setNotFoundHandler((_request, reply) => reply.send('mine'))
    await expect(app.register(problems)).rejects.toThrow(/notFound: false/)
  })
})

describe('errors from everywhere get the same treatment', () => {
  it.each(['onRequest', 'preParsing', 'preValidation', 'preHandler'] as const)('thrown in %s', async (hook) => {
    const { app } = await appWith()
    app.get('/hooked', { [hook]: async () => { throw new TooManyRequests({ retryAfter: 3 }) } }, async () => 'never')
    const response = await app.inject('/hooked')
    expect(response.statusCode).toBe(429)
    expect(response.headers['retry-after']).toBe('3')
    expect(response.headers['content-type']).toBe(PROBLEM_JSON)
  })

  it('reply.send(error) and callback-style handlers', async () => {
    const { app } = await appWith()
    app.get('/send', (_request, reply) => {
      reply.send(new NotFound('via send'))
    })
    app.get('/callback', { preHandler: (_request, _reply, done) => done(new NotFound('via done')) }, (_request, reply) => {
      reply.send('never')
    })
    expect((await app.inject('/send')).json()).toMatchObject({ status: 404, detail: 'via send' })
    expect((await app.inject('/callback')).json()).toMatchObject({ status: 404, detail: 'via done' })
  })

  it('a rejected promise with a non-error reason is a 500', async () => {
    const { app } = await appWith()
    app.get('/reject', () => Promise.reject(42))
    const response = await app.inject('/reject')
    expect(response.statusCode).toBe(500)
    expect(response.json().code).toBe('INTERNAL_SERVER_ERROR')
  })

  it("a route's response schemas never strip or rewrite the problem body", async () => {
    const { app } = await appWith()
    const strict = { type: 'object', properties: { message: { type: 'string' } }, additionalProperties: false }
    app.get(
      '/schema',
      { schema: { response: { '4xx': strict, 404: strict, default: strict, 200: strict } } },
      async () => {
        throw new NotFound({ detail: 'kept', extensions: { extra: 1 } })
      },
    )
    const body = (await app.inject('/schema')).json()
    expect(body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'kept', extra: 1, code: 'NOT_FOUND' })
  })

  it('foreign errors: http-errors, @fastify/sensible and boom keep status, message and headers', async () => {
    const { app } = await appWith()
    await app.register(sensible)
    app.get('/http-errors', async () => {
      throw createError(429, 'Slow down', { headers: { 'Retry-After': '9' } })
    })
    app.get('/sensible', async () => {
      throw app.httpErrors.conflict('Version mismatch')
    })
    app.get('/boom', async () => {
      throw Boom.unauthorized('Token expired', 'Bearer')
    })
    const tooMany = await app.inject('/http-errors')
    expect(tooMany.statusCode).toBe(429)
    expect(tooMany.headers['retry-after']).toBe('9')
    expect(tooMany.json().detail).toBe('Slow down')
    expect((await app.inject('/sensible')).json()).toMatchObject({ status: 409, detail: 'Version mismatch', code: 'CONFLICT' })
    const boom = await app.inject('/boom')
    expect(boom.statusCode).toBe(401)
    expect(boom.headers['www-authenticate']).toContain('Bearer')
    expect(boom.json().detail).toBe('Token expired')
  })

  it('a child context with its own error handler keeps it; siblings get ours', async () => {
    const { app } = await appWith()
    await app.register(async (child) => {
      child.setErrorHandler((_error, _request, reply) => reply.code(418).send({ mine: true }))
      child.get('/own', async () => {
        throw new NotFound()
      })
    })
    await app.register(async (sibling) => {
      sibling.get('/ours', async () => {
        throw new NotFound()
      })
    })
    expect((await app.inject('/own')).json()).toEqual({ mine: true })
    expect((await app.inject('/ours')).headers['content-type']).toBe(PROBLEM_JSON)
  })
})

describe('content negotiation and types', () => {
  it('answers application/json to clients that only accept it, same body', async () => {
    const { app } = await appWith()
    app.get('/nf', async () => {
      throw new NotFound()
    })
    const json = await app.inject({ url: '/nf', headers: { accept: 'application/json', 'x-correlation-id': 'c' } })
    const problem = await app.inject({ url: '/nf', headers: { accept: 'application/problem+json', 'x-correlation-id': 'c' } })
    expect(json.headers['content-type']).toBe('application/json')
    expect(problem.headers['content-type']).toBe(PROBLEM_JSON)
    expect(json.body).toBe(problem.body)
  })

  it('typeBaseUrl gives each status a dereferenceable type', async () => {
    const { app } = await appWith({ typeBaseUrl: 'https://errors.example.com/problems/' })
    app.get('/nf', async () => {
      throw new NotFound()
    })
    expect((await app.inject('/nf')).json().type).toBe('https://errors.example.com/problems/not-found')
  })
})

describe('reply helpers', () => {
  it('reply.created sends 201 with Location and the body', async () => {
    const { app } = await appWith()
    app.post('/users', async (_request, reply) => reply.created('/users/7', { id: 7 }))
    app.post('/empty', async (_request, reply) => reply.created('/users/8'))
    app.post('/unicode', async (_request, reply) => reply.created('/users/José Ñ'))
    const response = await app.inject({ method: 'POST', url: '/users' })
    expect(response.statusCode).toBe(201)
    expect(response.headers.location).toBe('/users/7')
    expect(response.json()).toEqual({ id: 7 })
    const empty = await app.inject({ method: 'POST', url: '/empty' })
    expect(empty.statusCode).toBe(201)
    expect(empty.body).toBe('')
    expect((await app.inject({ method: 'POST', url: '/unicode' })).headers.location).toBe('/users/Jos%C3%A9%20%C3%91')
  })

  it('reply.created drops a Location that would inject headers, logs it, still answers 201', async () => {
    const { app, logs } = await appWith()
    app.post('/evil', async (_request, reply) => reply.created('/x\r\nSet-Cookie: a=b', { ok: true }))
    app.post('/surrogate', async (_request, reply) => reply.created('/x\uD800'))
    const response = await app.inject({ method: 'POST', url: '/evil' })
    expect(response.statusCode).toBe(201)
    expect(response.headers).not.toHaveProperty('location')
    expect(response.headers).not.toHaveProperty('set-cookie')
    expect(logs.some((line) => line.level === 40 && line.droppedHeaders?.includes('location'))).toBe(true)
    expect((await app.inject({ method: 'POST', url: '/surrogate' })).headers).not.toHaveProperty('location')
  })

  it('reply.accepted sends 202, with the status monitor as Location when given', async () => {
    const { app } = await appWith()
    app.post('/jobs', async (_request, reply) => reply.accepted('/jobs/1', { state: 'queued' }))
    app.post('/fire', async (_request, reply) => reply.accepted())
    const response = await app.inject({ method: 'POST', url: '/jobs' })
    expect(response.statusCode).toBe(202)
    expect(response.headers.location).toBe('/jobs/1')
    expect(response.json()).toEqual({ state: 'queued' })
    const fire = await app.inject({ method: 'POST', url: '/fire' })
    expect(fire.statusCode).toBe(202)
    expect(fire.headers).not.toHaveProperty('location')
  })

  it('reply.problem answers with a problem without throwing', async () => {
    const { app, logs } = await appWith()
    app.get('/instance', async (_request, reply) => reply.problem(new NotFound('by instance')))
    app.get('/status', async (_request, reply) => reply.problem(429, { retryAfter: 5, detail: 'by status' }))
    app.get('/string', async (_request, reply) => reply.problem(409, 'by string'))
    const byInstance = await app.inject('/instance')
    expect(byInstance.statusCode).toBe(404)
    expect(byInstance.json().detail).toBe('by instance')
    const byStatus = await app.inject('/status')
    expect(byStatus.headers['retry-after']).toBe('5')
    expect((await app.inject('/string')).json()).toMatchObject({ status: 409, detail: 'by string' })
    expect(problemLogs(logs)).toHaveLength(3)
  })
})

describe('registration', () => {
  it('a second registration is a clear, coded error', async () => {
    const app = Fastify()
    close = () => app.close()
    await app.register(problems)
    await expect(app.register(problems)).rejects.toMatchObject({ code: 'ERR_HTTP_PROBLEMS_ALREADY_REGISTERED' })
  })

  it.each([
    ['unknown option', { typo: true }],
    ['typeBaseUrl not a URI', { typeBaseUrl: 'not a url' }],
    ['typeBaseUrl not a string', { typeBaseUrl: 42 }],
    ['validationStatus 418', { validationStatus: 418 }],
    ['empty wwwAuthenticate', { wwwAuthenticate: '' }],
    ['wwwAuthenticate with CRLF', { wwwAuthenticate: 'Bearer\r\nX: y' }],
    ['proxyAuthenticate number', { proxyAuthenticate: 1 }],
    ['negative retryAfter', { retryAfter: -5 }],
    ['string retryAfter', { retryAfter: '60' }],
    ['cacheControl true', { cacheControl: true }],
    ['cacheControl number', { cacheControl: 60 }],
    ['cacheControl empty', { cacheControl: ' ' }],
    ['cacheControl with CRLF', { cacheControl: 'no-store\r\nSet-Cookie: a=b' }],
    ['bad correlationIdHeader', { correlationIdHeader: 'x correlation' }],
    ['exposeStack string', { exposeStack: 'yes' }],
    ['notFound number', { notFound: 0 }],
    ['logLevels string', { logLevels: 'info' }],
    ['logLevels unknown level', { logLevels: { clientError: 'loud' } }],
    ['logLevels bad serverError', { logLevels: { serverError: 3 } }],
    ['logLevels unknown key', { logLevels: { other: 'info' } }],
    ['options array', []],
  ])('rejects %s at registration with ERR_HTTP_PROBLEMS_INVALID_OPTION', async (_name, options) => {
    const app = Fastify()
    close = () => app.close()
    const error = await app.register(problems, options as never).then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(TypeError)
    expect(error).toBeInstanceOf(UsageError)
    expect(error).toMatchObject({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION' })
  })

  it('accepts Fastify register options and null', async () => {
    const app = Fastify()
    close = () => app.close()
    await app.register(problems, { prefix: '/ignored', logLevel: 'warn' } as never)
    app.get('/x', async () => {
      throw new InternalServerError()
    })
    expect((await app.inject('/x')).statusCode).toBe(500)
  })
})
