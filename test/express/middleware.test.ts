import { METHODS } from 'node:http'
import express from 'express'
import createError from 'http-errors'
import Boom from '@hapi/boom'
import fastifyError from '@fastify/error'
import request from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import {
  InternalServerError,
  MethodNotAllowed,
  NotFound,
  SERVER_ERROR_DETAIL,
  ServiceUnavailable,
  Unauthorized,
} from '../../src/index.js'
import { problems, unmatchedRouteProblem } from '../../src/express/index.js'
import { closeAll, listen, problemLogs, serve } from './helpers.js'
import { EVERY_CLASS, PROBLEM_JSON, REQUIRED_HEADERS, expectedBody, problemFor } from '../fixtures/every-class.js'

afterEach(closeAll)

describe('every class thrown from a route', () => {
  it.each(EVERY_CLASS)('%i %s', async (status, name) => {
    const { server, logs } = await serve((app) => {
      app.get('/x', async () => {
        throw problemFor(name)
      })
    })
    const response = await request(server).get('/x?secret=1').set('x-correlation-id', 'test-cid')
    expect(response.status).toBe(status)
    expect(response.headers['content-type']).toBe(PROBLEM_JSON)
    expect(response.headers['x-correlation-id']).toBe('test-cid')
    expect(response.headers).toMatchObject(REQUIRED_HEADERS[status] ?? {})
    expect(JSON.parse(response.text)).toEqual(expectedBody(name))
    const lines = problemLogs(logs)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.level).toBe(status < 500 ? 30 : 50)
    expect(lines[0]!.correlationId).toBe('test-cid')
  })
})

describe('errors from everywhere get the same treatment', () => {
  it('synchronous throws, next(error) and rejected promises', async () => {
    const { server } = await serve((app) => {
      app.get('/sync', () => {
        throw new NotFound('sync')
      })
      app.get('/next', (_req, _res, next) => next(new NotFound('next')))
      app.get('/async', async () => Promise.reject(new NotFound('async')))
    })
    for (const path of ['/sync', '/next', '/async']) {
      const response = await request(server).get(path)
      expect(response.status).toBe(404)
      expect(response.body.detail).toBe(path.slice(1))
    }
  })

  it('http-errors, boom and @fastify/error keep status, message, code and headers', async () => {
    const ThingMissing = fastifyError('THING_MISSING', 'Thing %s is missing', 404)
    const { server } = await serve((app) => {
      app.get('/http-errors', () => {
        throw createError(429, 'Slow down', { headers: { 'Retry-After': '30' } })
      })
      app.get('/http-errors-500', () => {
        throw createError(500, 'db password is hunter2')
      })
      app.get('/boom', () => {
        throw Boom.unauthorized('Token expired', 'Bearer', { realm: 'api' })
      })
      app.get('/fastify-error', () => {
        throw new ThingMissing('x')
      })
    })
    const httpErrors = await request(server).get('/http-errors')
    expect(httpErrors.status).toBe(429)
    expect(httpErrors.headers['retry-after']).toBe('30')
    expect(httpErrors.body).toMatchObject({ status: 429, detail: 'Slow down', code: 'TOO_MANY_REQUESTS' })

    const hidden = await request(server).get('/http-errors-500')
    expect(hidden.status).toBe(500)
    expect(hidden.text).not.toContain('hunter2')
    expect(hidden.body.detail).toBe(SERVER_ERROR_DETAIL)

    const boom = await request(server).get('/boom')
    expect(boom.status).toBe(401)
    expect(boom.headers['www-authenticate']).toBe('Bearer realm="api", error="Token expired"')
    expect(boom.body).toMatchObject({ status: 401, detail: 'Token expired' })

    const fastifyStyle = await request(server).get('/fastify-error')
    expect(fastifyStyle.status).toBe(404)
    expect(fastifyStyle.body).toMatchObject({ detail: 'Thing x is missing', code: 'THING_MISSING' })
  })

  it('non-errors become a 500 that never echoes them', async () => {
    const values: Record<string, unknown> = {
      string: 'secret string',
      number: 4242,
      object: Object.assign(Object.create(null), { secret: 'in a bare object' }),
      null: null,
      undefined,
    }
    const { server, logs } = await serve((app) => {
      for (const [name, value] of Object.entries(values)) {
        app.get(`/${name}`, async () => {
          throw value
        })
      }
    })
    for (const name of Object.keys(values)) {
      const response = await request(server).get(`/${name}`)
      expect(response.status).toBe(500)
      expect(response.body).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR', detail: SERVER_ERROR_DETAIL })
      expect(response.text).not.toMatch(/secret|4242/)
    }
    const lines = problemLogs(logs)
    expect(lines).toHaveLength(5)
    expect(lines[0]!.thrown).toBe('secret string')
    // Express turns a promise rejected with null or undefined into Error('Rejected promise').
    expect(lines[3]!.err.message).toBe('Rejected promise')
  })

  it('a validation-like error gets the issues, at validationStatus', async () => {
    const validationError = () =>
      Object.assign(new Error('body/age must be integer'), {
        statusCode: 400,
        validation: [{ instancePath: '/age', message: 'must be integer', params: {} }],
        validationContext: 'body',
      })
    const routes = (app: express.Express) =>
      app.post('/people', () => {
        throw validationError()
      })
    const { server } = await serve(routes)
    const response = await request(server).post('/people')
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ in: 'body', pointer: '#/age', detail: 'must be integer' }],
    })
    const strict = await serve(routes, { validationStatus: 422 })
    expect((await request(strict.server).post('/people')).status).toBe(422)
  })
})

describe('body parsing errors from express.json()', () => {
  it('malformed JSON is a 400 problem and a body over the limit a 413 problem', async () => {
    const { server } = await serve((app) => {
      app.use(express.json({ limit: '1kb' }))
      app.post('/echo', (req, res) => res.json(req.body))
    })
    const malformed = await request(server).post('/echo').set('content-type', 'application/json').send('{"a":')
    expect(malformed.status).toBe(400)
    expect(malformed.headers['content-type']).toBe(PROBLEM_JSON)
    expect(malformed.body).toMatchObject({ status: 400, code: 'BAD_REQUEST', instance: '/echo' })
    expect(typeof malformed.body.detail).toBe('string')

    const tooLarge = await request(server)
      .post('/echo')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ a: 'x'.repeat(2048) }))
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.body).toMatchObject({ status: 413, code: 'CONTENT_TOO_LARGE', detail: 'request entity too large' })

    const fine = await request(server).post('/echo').send({ a: 1 })
    expect(fine.status).toBe(200)
    expect(fine.body).toEqual({ a: 1 })
  })
})

describe('404 and automatic 405', () => {
  it('answers an unknown path with a 404 and a known path with the wrong method with a 405', async () => {
    const { server } = await serve((app) => {
      app.get('/users/:id', (_req, res) => res.json({}))
      app.delete('/users/:id', (_req, res) => res.end())
      app.post('/users', (_req, res) => res.end())
    })
    const unknown = await request(server).get('/nowhere?token=1')
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.text)).toMatchObject({ title: 'Not Found', instance: '/nowhere', code: 'NOT_FOUND' })
    expect(unknown.headers).not.toHaveProperty('allow')

    const wrongMethod = await request(server).put('/users/42')
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.allow).toBe('DELETE, GET, HEAD')
    expect(wrongMethod.body.detail).toBe('The PUT method is not supported by this resource.')

    expect((await request(server).get('/users')).headers.allow).toBe('POST')
    expect((await request(server).head('/users/42')).status).toBe(200)
  })

  it('follows nested routers, parameters, wildcards, path arrays and regular expressions', async () => {
    const { server } = await serve((app) => {
      const items = express.Router({ mergeParams: true })
      items.get('/:itemId', (_req, res) => res.end())
      items.patch('/:itemId', (_req, res) => res.end())
      const api = express.Router()
      api.use('/lists/:listId/items', items)
      api.route('/files/*path').get((_req, res) => res.end())
      api.post(['/a', '/b'], (_req, res) => res.end())
      api.put(/^\/re-(\d+)$/, (_req, res) => res.end())
      app.use('/api', api)
      app.use(express.Router().get('/loose', (_req, res) => res.end()))
    })
    expect((await request(server).delete('/api/lists/1/items/2')).headers.allow).toBe('GET, HEAD, PATCH')
    expect((await request(server).delete('/api/files/deep/down/file.txt')).headers.allow).toBe('GET, HEAD')
    expect((await request(server).get('/api/b')).headers.allow).toBe('POST')
    expect((await request(server).get('/api/re-12')).headers.allow).toBe('PUT')
    expect((await request(server).post('/loose')).headers.allow).toBe('GET, HEAD')
    // A mount path only matches whole segments, as in Express: /apiary is not under /api.
    expect((await request(server).get('/apiary/a')).status).toBe(404)
    expect((await request(server).get('/api/re-x')).status).toBe(404)
    // A parameter that cannot be decoded: Express itself answers 400, and that is a problem too.
    const undecodable = await request(server).get('/api/lists/1/items/%E0')
    expect(undecodable.status).toBe(400)
    expect(undecodable.headers['content-type']).toBe(PROBLEM_JSON)
  })

  it('honours case-sensitive and strict routing, since the router built its matchers with them', async () => {
    const { server } = await serve((app) => {
      app.set('case sensitive routing', true)
      app.set('strict routing', true)
      app.get('/Exact/', (_req, res) => res.end())
    })
    expect((await request(server).post('/Exact/')).status).toBe(405)
    expect((await request(server).post('/exact/')).status).toBe(404)
    expect((await request(server).post('/Exact')).status).toBe(404)
  })

  it('a route made with all() allows every method, so an unanswered request there is a 404', async () => {
    const { server } = await serve((app) => {
      app.all('/any', (_req, _res, next) => next())
      // router.all() records `_all` on the route rather than one entry per method.
      const router = express.Router()
      router.all('/every', (_req, _res, next) => next())
      router.get('/every', () => {
        throw createError(405)
      })
      app.use(router)
      app.get('/get-only', (_req, _res, next) => next())
    })
    expect((await request(server).delete('/any')).status).toBe(404)
    expect((await request(server).delete('/every')).status).toBe(404)
    expect((await request(server).get('/every')).headers.allow).toBe([...METHODS].sort().join(', '))
    // The route exists for GET but passed the request on: no method is wrong, so 404.
    expect((await request(server).get('/get-only')).status).toBe(404)
  })

  it('fills Allow for a foreign 405 from the router and keeps a problem’s own Allow', async () => {
    const { server } = await serve((app) => {
      app.get('/foreign', () => {
        throw createError(405)
      })
      app.post('/foreign', (_req, res) => res.end())
      app.get('/own', () => {
        throw new MethodNotAllowed({ allow: ['PUT'] })
      })
    })
    expect((await request(server).get('/foreign')).headers.allow).toBe('GET, HEAD, POST')
    expect((await request(server).get('/own')).headers.allow).toBe('PUT')
  })

  it('answers HEAD with headers and no body', async () => {
    const { server } = await serve((app) => app.post('/thing', (_req, res) => res.end()))
    const missing = await request(server).head('/nowhere').set('x-correlation-id', 'head-1')
    expect(missing.status).toBe(404)
    expect(missing.headers['content-type']).toBe(PROBLEM_JSON)
    expect(missing.headers['x-correlation-id']).toBe('head-1')
    expect(missing.text ?? '').toBe('')
    expect((await request(server).head('/thing')).headers.allow).toBe('POST')
  })

  it('instance is the full path inside a mounted router', async () => {
    const { server } = await serve((app) => {
      const api = express.Router()
      api.get('/things/:id', () => {
        throw new NotFound()
      })
      app.use('/api/v1', api)
    })
    expect((await request(server).get('/api/v1/things/9?x=1')).body.instance).toBe('/api/v1/things/9')
  })

  it('walks from the top-level app when notFound runs inside a router', async () => {
    const app = express()
    const { errorHandler, notFound } = problems()
    app.get('/top', (_req, res) => res.end())
    const api = express.Router()
    api.get('/inner', (_req, res) => res.end())
    api.use(notFound)
    app.use('/api', api)
    app.use(errorHandler)
    const server = await listen(app)
    expect((await request(server).post('/api/inner')).headers.allow).toBe('GET, HEAD')
    expect((await request(server).get('/api/other')).status).toBe(404)
  })

  it('sub-apps: their routes are seen from inside them, when mounted at literal paths', async () => {
    const { errorHandler, notFound } = problems()
    const admin = express()
    admin.get('/users', (_req, res) => res.end())
    admin.use(notFound)
    const tenant = express()
    tenant.get('/users', (_req, res) => res.end())
    tenant.use(notFound)
    const reports = express()
    reports.get('/daily', (_req, res) => res.end())
    const app = express()
    app.get('/top', (_req, res) => res.end())
    app.use('/admin', admin)
    app.use('/t/:tenant', tenant)
    app.use('/reports', reports)
    app.get('/admin/settings', (_req, res) => res.end())
    app.use(notFound)
    app.use(errorHandler)
    const server = await listen(app)
    expect((await request(server).get('/admin/users')).status).toBe(200)
    expect((await request(server).post('/admin/users')).headers.allow).toBe('GET, HEAD')
    // The sub-app's notFound answers first, and still sees the parent's routes.
    expect((await request(server).post('/admin/settings')).headers.allow).toBe('GET, HEAD')
    // Limit: under a mount path with a parameter, the sub-app's routes are not placed.
    expect((await request(server).post('/t/acme/users')).status).toBe(404)
    // Limit: a sub-app without its own notFound is invisible to the parent's.
    expect((await request(server).post('/reports/daily')).status).toBe(404)
  })

  it('unmatchedRouteProblem gives the same answers to a hand-written final middleware', async () => {
    const app = express()
    const { errorHandler } = problems()
    app.get('/thing', (_req, res) => res.end())
    app.use((req, _res, next) => next(unmatchedRouteProblem(req)))
    app.use(errorHandler)
    const server = await listen(app)
    expect((await request(server).patch('/thing')).headers.allow).toBe('GET, HEAD')
    expect((await request(server).get('/other')).status).toBe(404)
  })
})

describe('headers sent before the error', () => {
  it('an error is delegated to Express, which ends the connection; nothing is logged twice', async () => {
    const { server, logs } = await serve((app) => {
      app.get('/half', (_req, res, next) => {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.write('partial')
        next(new InternalServerError())
      })
    })
    const outcome = await request(server)
      .get('/half')
      .then(
        (response) => response,
        (error: unknown) => error,
      )
    // Express's final handler destroys the socket: the client sees the 200 cut short.
    expect(outcome).toBeInstanceOf(Error)
    expect(problemLogs(logs)).toHaveLength(0)
  })

  it('notFound leaves an in-flight answer alone, as Express does', async () => {
    const { server, logs } = await serve((app) => {
      app.get('/stream', (_req, res, next) => {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.write('first ')
        next()
        setTimeout(() => res.end('last'), 20)
      })
    })
    const response = await request(server).get('/stream')
    expect(response.status).toBe(200)
    expect(response.text).toBe('first last')
    expect(problemLogs(logs)).toHaveLength(0)
  })

  it('drops content headers a route set for the answer it meant to send', async () => {
    const { server } = await serve((app) => {
      app.get('/download', (_req, res) => {
        res.setHeader('content-disposition', 'attachment; filename="report.csv"')
        res.setHeader('content-encoding', 'gzip')
        res.setHeader('cache-control', 'no-store')
        throw new ServiceUnavailable({ retryAfter: 120 })
      })
    })
    const response = await request(server).get('/download')
    expect(response.status).toBe(503)
    expect(response.headers).not.toHaveProperty('content-disposition')
    expect(response.headers).not.toHaveProperty('content-encoding')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['retry-after']).toBe('120')
  })
})

describe('options', () => {
  it('correlation ids: echoes a valid one, replaces an invalid one, uses traceparent, honours the header name', async () => {
    const routes = (app: express.Express) =>
      app.get('/x', () => {
        throw new NotFound()
      })
    const { server } = await serve(routes)
    expect((await request(server).get('/x').set('x-correlation-id', 'abc-123')).body.correlationId).toBe('abc-123')
    const replaced = await request(server).get('/x').set('x-correlation-id', 'bad id\twith tab')
    expect(replaced.body.correlationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(replaced.headers['x-correlation-id']).toBe(replaced.body.correlationId)
    const traced = await request(server).get('/x').set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')
    expect(traced.body.correlationId).toBe('4bf92f3577b34da6a3ce929d0e0e4736')

    const named = await serve(routes, { correlationIdHeader: 'X-Request-Id' })
    const response = await request(named.server).get('/x').set('x-request-id', 'req-9')
    expect(response.headers['x-request-id']).toBe('req-9')
    expect(response.headers).not.toHaveProperty('x-correlation-id')
  })

  it('typeBaseUrl, wwwAuthenticate, retryAfter, exposeStack and Accept negotiation', async () => {
    const { server } = await serve(
      (app) => {
        app.get('/401', () => {
          throw new Unauthorized()
        })
        app.get('/429', () => {
          throw createError(429)
        })
        app.get('/500', () => {
          throw new Error('with a stack')
        })
      },
      { typeBaseUrl: 'https://errors.example.com/', wwwAuthenticate: 'Basic realm="x"', retryAfter: 90, exposeStack: true },
    )
    const unauthorized = await request(server).get('/401').set('accept', 'application/json')
    expect(unauthorized.headers['www-authenticate']).toBe('Basic realm="x"')
    expect(unauthorized.headers['content-type']).toBe('application/json')
    expect(unauthorized.body.type).toBe('https://errors.example.com/unauthorized')
    expect((await request(server).get('/429')).headers['retry-after']).toBe('90')
    expect((await request(server).get('/500')).body.stack).toContain('with a stack')
  })
})
