// Bad input, part 3: header values with CR/LF/NUL or characters above U+00FF, in our options, in
// foreign errors (http-errors `headers`, boom `output.headers`) and on the reply itself: dropped,
// never sent, never a crash; a required header whose value was dropped still goes out.
import { connect } from 'node:net'
import Boom from '@hapi/boom'
import createError from 'http-errors'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { BadRequest, HttpProblem, MethodNotAllowed, Unauthorized, UsageError } from '../../src/index.js'
import { buildApp, expectProblem, linesFor, type CapturedLogs } from './helpers.js'

const INJECTION = 'x\r\nSet-Cookie: session=stolen\r\nX-Evil: 1'

let app: FastifyInstance
let logs: CapturedLogs

beforeAll(async () => {
  ;({ app, logs } = await buildApp())
  app.get('/options', async () => {
    throw new BadRequest({
      headers: {
        'x-crlf': INJECTION,
        'x-lf': 'a\nb',
        'x-nul': 'a\u0000b',
        'x-del': 'a\u007fb',
        'x-snowman': 'snow ☃',
        'x-latin1': 'café',
        'bad name': 'v',
        'x-inject\r\nx-evil': 'v',
        'x-ok': 'ok',
      },
    })
  })
  app.get('/http-errors-401', async () => {
    throw createError(401, 'Who are you?', { headers: { 'WWW-Authenticate': INJECTION, 'X-Count': 42, 'X-List': ['a', 'b'] } })
  })
  app.get('/http-errors-405', async () => {
    throw createError(405, { headers: { Allow: INJECTION } })
  })
  app.get('/http-errors-429-blank', async () => {
    throw createError(429, { headers: { 'Retry-After': '   ' } })
  })
  app.get('/boom-401', async () => {
    const error = Boom.unauthorized('Who are you?', 'Basic')
    error.output.headers['WWW-Authenticate'] = 'Basic\u0000'
    error.output.headers['X-Unicode'] = '☃'
    throw error
  })
  app.get('/boom-429', async () => {
    const error = Boom.tooManyRequests('Slow down')
    error.output.headers['Retry-After'] = INJECTION
    throw error
  })
  app.get('/class-401', async () => {
    throw new Unauthorized({ challenge: INJECTION })
  })
  app.get('/class-405', async () => {
    // The class refuses such an `allow` (see below); a problem's own headers can still carry one.
    throw new HttpProblem(405, { headers: { allow: INJECTION } })
  })
  app.get('/reply-headers', async (_request, reply) => {
    reply.header('x-set-by-route', INJECTION)
    reply.header('x-unicode-by-route', '☃')
    reply.header('x-fine-by-route', 'fine')
    throw new Error('after setting headers')
  })
  app.get('/reply-array-header', async (_request, reply) => {
    reply.header('set-cookie', ['a=1', 'b=2\r\nX-Evil: 1'])
    reply.header('x-number', 42)
    throw new Error('after setting headers')
  })
  app.post('/created-injection', async (_request, reply) => reply.created(`/things/1${INJECTION}`, { id: 1 }))
  app.post('/created-unicode', async (_request, reply) => reply.created('/things/naïve ☃', { id: 2 }))
  await app.listen({ host: '127.0.0.1', port: 0 })
})

afterAll(async () => {
  await app.close()
})

function expectNoInjection(headers: Record<string, unknown>): void {
  expect(headers['set-cookie']).toBeUndefined()
  expect(headers['x-evil']).toBeUndefined()
}

describe('in our own options', () => {
  it('only valid headers are sent; the dropped ones are named in the log line', async () => {
    const response = await app.inject({ method: 'GET', url: '/options' })
    const body = expectProblem(response, 400)
    expectNoInjection(response.headers)
    expect(response.headers['x-ok']).toBe('ok')
    expect(response.headers['x-latin1']).toBe('café')
    for (const name of ['x-crlf', 'x-lf', 'x-nul', 'x-del', 'x-snowman']) expect(response.headers[name]).toBeUndefined()
    const [line] = linesFor(logs, body.correlationId)
    expect(line!.droppedHeaders).toEqual(expect.arrayContaining(['x-crlf', 'x-lf', 'x-nul', 'x-del', 'x-snowman', '(invalid name)']))
  })

  it('a 401 challenge with CR/LF is dropped and the default challenge is sent instead', async () => {
    const response = await app.inject({ method: 'GET', url: '/class-401' })
    expectProblem(response, 401)
    expect(response.headers['www-authenticate']).toBe('Bearer')
    expectNoInjection(response.headers)
  })

  it('a 405 whose Allow is unsendable gets Allow from the router instead of none', async () => {
    const response = await app.inject({ method: 'GET', url: '/class-405' })
    expectProblem(response, 405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })

  it('MethodNotAllowed refuses an allow entry that is not a method token, naming the option', () => {
    expect(() => new MethodNotAllowed({ allow: [INJECTION] })).toThrow(UsageError)
    expect(() => new MethodNotAllowed({ allow: [INJECTION] })).toThrow('"allow"')
  })
})

describe('in foreign errors', () => {
  it('http-errors: an injected WWW-Authenticate is dropped, the default challenge sent; numbers kept, arrays ignored', async () => {
    const response = await app.inject({ method: 'GET', url: '/http-errors-401' })
    expectProblem(response, 401)
    expect(response.headers['www-authenticate']).toBe('Bearer')
    expect(response.headers['x-count']).toBe('42')
    expect(response.headers['x-list']).toBeUndefined()
    expectNoInjection(response.headers)
  })

  it('http-errors: a 405 with an injected Allow gets the router methods', async () => {
    const response = await app.inject({ method: 'GET', url: '/http-errors-405' })
    expectProblem(response, 405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })

  it('http-errors: a blank Retry-After on a 429 is replaced by the default', async () => {
    const response = await app.inject({ method: 'GET', url: '/http-errors-429-blank' })
    expectProblem(response, 429)
    expect(response.headers['retry-after']).toBe('60')
  })

  it('boom: a NUL in WWW-Authenticate and a non-latin1 value are dropped', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom-401' })
    expectProblem(response, 401)
    expect(response.headers['www-authenticate']).toBe('Bearer')
    expect(response.headers['x-unicode']).toBeUndefined()
  })

  it('boom: an injected Retry-After on a 429 is replaced by the default', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom-429' })
    expectProblem(response, 429)
    expect(response.headers['retry-after']).toBe('60')
    expectNoInjection(response.headers)
  })
})

describe('on the reply, set by the route before it threw', () => {
  it('unsendable headers are removed (Node would refuse them), the rest kept, the answer is our problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/reply-headers' })
    const body = expectProblem(response, 500)
    expect(response.headers['x-set-by-route']).toBeUndefined()
    expect(response.headers['x-unicode-by-route']).toBeUndefined()
    expect(response.headers['x-fine-by-route']).toBe('fine')
    const [line] = linesFor(logs, body.correlationId)
    expect(line!.droppedHeaders).toEqual(['x-set-by-route', 'x-unicode-by-route'])
  })
})

describe('on the reply: lists and numbers', () => {
  it('a header list with one unsendable entry is dropped whole; numbers are kept', async () => {
    const response = await app.inject({ method: 'GET', url: '/reply-array-header' })
    expectProblem(response, 500)
    expectNoInjection(response.headers)
    expect(response.headers['x-number']).toBe('42')
  })
})

describe('Location on 201', () => {
  it('a location with CR/LF is not sent; the 201 still is', async () => {
    const response = await app.inject({ method: 'POST', url: '/created-injection' })
    expect(response.statusCode).toBe(201)
    expect(response.headers.location).toBeUndefined()
    expectNoInjection(response.headers)
  })

  it('non-ASCII in a location is percent-encoded', async () => {
    const response = await app.inject({ method: 'POST', url: '/created-unicode' })
    expect(response.headers.location).toBe('/things/na%C3%AFve%20%E2%98%83')
  })
})

describe('on the wire', () => {
  /** The raw response head, as bytes on the socket: what a proxy or browser would parse. */
  function rawHead(path: string): Promise<string> {
    const { port } = app.server.address() as { port: number }
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
      })
      let data = ''
      socket.setEncoding('latin1')
      socket.on('data', (chunk: string) => (data += chunk))
      socket.on('end', () => resolve(data.slice(0, data.indexOf('\r\n\r\n'))))
      socket.on('error', reject)
    })
  }

  it.each(['/options', '/http-errors-401', '/boom-429', '/class-401', '/reply-headers'])(
    '%s: no injected line in the response head',
    async (path) => {
      const head = await rawHead(path)
      expect(head).toMatch(/^HTTP\/1\.1 [45]\d\d /)
      expect(head.toLowerCase()).not.toContain('set-cookie')
      expect(head.toLowerCase()).not.toContain('x-evil')
      for (const line of head.split('\r\n').slice(1)) expect(line).toMatch(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+: [\t\x20-\x7e\x80-\xff]*$/)
    },
  )

  it('supertest sees the same', async () => {
    const response = await request(app.server).get('/http-errors-401')
    expect(response.status).toBe(401)
    expectNoInjection(response.headers)
  })
})
