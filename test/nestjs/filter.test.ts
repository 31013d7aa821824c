/**
 * The NestJS filter on both platforms, over real sockets: Nest's exceptions, ValidationPipe
 * failures with pointers, crashes, unknown routes, correlation ids, logging and filter scoping.
 */
import { Writable } from 'node:stream'
import pino from 'pino'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { UsageError } from '../../src/usage-error.js'
import { ProblemFilter } from '../../src/nestjs/index.js'
import { PLATFORMS, startNest, type NestTestApp } from './app.js'

const INVALID_USER = { name: 7, age: -1, address: { city: 5 }, items: [{ name: 'a' }, { name: 3 }] }
/** What class-validator finds in INVALID_USER, as pointers into the body. */
const TREE_ERRORS = [
  { in: 'body', pointer: '#/name', detail: 'name must be a string' },
  { in: 'body', pointer: '#/age', detail: 'age must not be less than 0' },
  { in: 'body', pointer: '#/address/city', detail: 'city must be a string' },
  { in: 'body', pointer: '#/items/1/name', detail: 'name must be a string' },
]

function memoryLogger() {
  const lines: Record<string, any>[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line !== '') lines.push(JSON.parse(line))
      callback()
    },
  })
  return { logger: pino({ level: 'trace' }, stream), lines }
}

describe.each(PLATFORMS)('ProblemFilter on %s', (platform) => {
  let nest: NestTestApp
  const { logger, lines } = memoryLogger()
  beforeAll(async () => {
    nest = await startNest(platform, { logger })
  })
  afterAll(async () => {
    await nest.app.close()
  })
  const get = (path: string) => request(nest.server).get(path)

  it('answers a thrown NotFoundException with its message as detail', async () => {
    const response = await get('/users/42')
    expect(response.status).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(JSON.parse(response.text)).toStrictEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No user 42', instance: '/users/42', code: 'NOT_FOUND', correlationId: expect.any(String) })
  })

  it.each([
    ['default-404', 404, undefined],
    ['string-response', 409, 'That name is taken'],
    ['object-error', 403, 'Only admins may do that'],
    ['description', 400, 'The id is malformed'],
    ['description-only', 400, 'Id format'],
    ['cause', 409, 'Taken'],
    ['own-problem', 404, 'No such order'],
    ['not-found-lookalike', 404, 'Cannot GET /somewhere-else'],
  ])('HttpException variant %s: status %i, detail %s', async (name, status, detail) => {
    const response = await get(`/exceptions/${name}`)
    expect(response.status).toBe(status)
    expect(response.body.status).toBe(status)
    expect(response.body.detail).toBe(detail)
    expect(response.text).not.toContain('users_email_key')
  })

  it('keeps errorCode as code when it is CONSTANT_CASE, and drops it otherwise', async () => {
    expect((await get('/exceptions/error-code')).body.code).toBe('BAD_THING')
    expect((await get('/exceptions/error-code-lowercase')).body.code).toBe('BAD_REQUEST')
  })

  it.each(['server', 'server-cause', 'server-object', 'unavailable', 'array-5xx', 'crash', 'redirect-status'])('%s: a 5xx shows nothing internal', async (name) => {
    const response = await get(`/exceptions/${name}`).set('x-correlation-id', `crash-${name}`)
    expect(response.status).toBeGreaterThanOrEqual(500)
    expect(response.text).not.toMatch(/hunter2|db\.internal|internal a|moved|Pool|Lookup/)
    expect(response.body.detail).toBe('The server could not complete the request. Quote the correlationId when reporting this problem.')
    expect(response.body.correlationId).toBe(`crash-${name}`)
    expect(response.headers['x-correlation-id']).toBe(`crash-${name}`)
  })

  it('maps a Nest status that is not an HTTP error (302) to a 500', async () => {
    expect((await get('/exceptions/redirect-status')).status).toBe(500)
  })

  it('logs a crash once, with the error, through the logger option', async () => {
    await get('/exceptions/crash').set('x-correlation-id', 'log-crash')
    const line = lines.find((entry) => entry.correlationId === 'log-crash')
    expect(line?.level).toBe(50)
    expect(JSON.stringify(line)).toContain('ECONNREFUSED db.internal:5432')
  })

  it("logs a 5xx HttpException with its stack and its cause's message", async () => {
    await get('/exceptions/server-cause').set('x-correlation-id', 'log-cause')
    const line = lines.find((entry) => entry.correlationId === 'log-cause')
    expect(line?.err.message).toMatch(/^Lookup failed/)
    expect(JSON.stringify(line?.err)).toContain('pool exhausted at db.internal:5432')
  })

  it('logs a 4xx HttpException without a stack in the detail, naming the exception', async () => {
    await get('/exceptions/cause').set('x-correlation-id', 'log-4xx')
    const line = lines.find((entry) => entry.correlationId === 'log-4xx')
    expect(line).toMatchObject({ level: 30, status: 409, detail: 'Taken', cause: { type: 'ConflictException', message: 'Taken' } })
  })

  it('adds the headers the standards require to Nest exceptions', async () => {
    expect((await get('/exceptions/unauthorized')).headers['www-authenticate']).toBe('Bearer')
    expect((await get('/exceptions/too-many')).headers['retry-after']).toBe('60')
    const method = await get('/exceptions/method')
    expect(method.status).toBe(405)
    expect(method.headers.allow).toBe('GET, HEAD')
  })

  it('answers ValidationPipe default messages as body issues', async () => {
    const response = await request(nest.server).post('/users').send(INVALID_USER)
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: 'The request body is invalid.' })
    expect(response.body.errors).toEqual([
      { in: 'body', pointer: '#', detail: 'name must be a string' },
      { in: 'body', pointer: '#', detail: 'age must not be less than 0' },
      { in: 'body', pointer: '#', detail: 'address.city must be a string' },
      { in: 'body', pointer: '#', detail: 'items.1.name must be a string' },
    ])
  })

  it('answers class-validator trees (exceptionFactory) with JSON pointers', async () => {
    const thrownAsIs = await request(nest.server).post('/tree').send(INVALID_USER)
    expect(thrownAsIs.status).toBe(400)
    expect(thrownAsIs.body.errors).toEqual(TREE_ERRORS)
    const wrapped = await request(nest.server).post('/tree-422').send(INVALID_USER)
    expect(wrapped.status).toBe(422)
    expect(wrapped.body).toMatchObject({ title: 'Unprocessable Content', code: 'VALIDATION_FAILED', errors: TREE_ERRORS })
  })

  it('answers a valid body normally', async () => {
    const valid = { name: 'Ada', age: 36, address: { city: 'London' }, items: [] }
    const response = await request(nest.server).post('/tree').send(valid)
    expect(response.status).toBe(201)
  })

  it('answers an unknown route with the bare 404, without the query string', async () => {
    const response = await get('/nowhere?secret=1')
    expect(response.status).toBe(404)
    expect(response.text).not.toContain('secret')
    expect(response.text).not.toContain('Cannot GET')
    expect(JSON.parse(response.text)).toStrictEqual({ type: 'about:blank', title: 'Not Found', status: 404, instance: '/nowhere', code: 'NOT_FOUND', correlationId: expect.any(String) })
  })

  it('answers a known path with another method as 405 with Allow', async () => {
    const response = await request(nest.server).delete('/users/1')
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
    expect(response.body.detail).toBe('The DELETE method is not supported by this resource.')
  })

  it('echoes the correlation id and makes one when none comes', async () => {
    expect((await get('/users/1').set('x-correlation-id', 'abc-123')).headers['x-correlation-id']).toBe('abc-123')
    expect((await get('/users/1')).headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('cuts off an answer that had begun when the route failed', async () => {
    await expect(get('/started')).rejects.toThrow()
    // The server is still fine.
    expect((await get('/users/1')).status).toBe(404)
  })

  it('lets a controller-scoped filter win over the global one', async () => {
    const scoped = await get('/scoped/missing')
    expect(scoped.body.type).toBe('https://errors.example.com/scoped/not-found')
    expect((await get('/plain/missing')).body.type).toBe('about:blank')
  })
})

describe.each(PLATFORMS)('a controller-scoped ProblemFilter without a global one, on %s', (platform) => {
  let nest: NestTestApp
  beforeAll(async () => {
    nest = await startNest(platform, false)
  })
  afterAll(async () => {
    await nest.app.close()
  })

  it('answers only the controllers it is on', async () => {
    const scoped = await request(nest.server).get('/scoped/missing')
    expect(scoped.headers['content-type']).toBe('application/problem+json')
    expect(scoped.body).toMatchObject({ type: 'https://errors.example.com/scoped/not-found', detail: 'Scoped miss' })
    const byClass = await request(nest.server).get('/by-class/missing')
    expect(byClass.headers['content-type']).toBe('application/problem+json')
    expect(byClass.body).toMatchObject({ type: 'about:blank', detail: 'By class' })
    // Nest's own answers where the filter is not in scope.
    const plain = await request(nest.server).get('/plain/missing')
    expect(plain.headers['content-type']).toMatch(/^application\/json/)
    expect(plain.body).toEqual({ statusCode: 404, message: 'Plain miss', error: 'Not Found' })
    expect((await request(nest.server).get('/nowhere')).body.message).toBe('Cannot GET /nowhere')
  })
})

describe.each(PLATFORMS)('ProblemFilter with correlationIdHeader, on %s', (platform) => {
  it('reads and answers the id in that header', async () => {
    const nest = await startNest(platform, { correlationIdHeader: 'X-Request-Id' })
    try {
      const response = await request(nest.server).get('/exceptions/crash').set('x-request-id', 'req-7')
      expect(response.headers['x-request-id']).toBe('req-7')
      expect(response.headers['x-correlation-id']).toBeUndefined()
      expect(response.body.correlationId).toBe('req-7')
    } finally {
      await nest.app.close()
    }
  })
})

describe('ProblemFilter on fastify with a Fastify logger', () => {
  it("logs through the request's own logger, which carries Fastify's reqId, rather than the option", async () => {
    const own = memoryLogger()
    const option = memoryLogger()
    const nest = await startNest('fastify', { logger: option.logger }, { loggerInstance: own.logger })
    try {
      await request(nest.server).get('/exceptions/crash').set('x-correlation-id', 'own-logger')
      const line = own.lines.find((entry) => entry.correlationId === 'own-logger' && entry.status === 500)
      expect(line?.reqId).toBeDefined()
      expect(option.lines).toEqual([])
    } finally {
      await nest.app.close()
    }
  })
})

describe('new ProblemFilter(options)', () => {
  it('refuses unknown and bad options at construction, naming them', () => {
    expect(() => new ProblemFilter({ typo: 1 } as never)).toThrow(expect.objectContaining({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION', message: expect.stringContaining('"typo"') }))
    expect(() => new ProblemFilter({ logger: {} as never })).toThrow(UsageError)
    expect(() => new ProblemFilter({ validationStatus: 418 as never })).toThrow(/validationStatus/)
    expect(() => new ProblemFilter({ map: [{ match: 'x' }] as never })).toThrow(/map\[0\]\.match/)
  })

  it('on Express, cuts off a response whose headers went out instead of writing into it', () => {
    const response = { headersSent: true, destroy: vi.fn() }
    const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => ({ method: 'GET', originalUrl: '/x', headers: {} }), getResponse: () => response }) }
    new ProblemFilter().catch(new Error('stream broke'), host)
    expect(response.destroy).toHaveBeenCalledOnce()
  })

  it('throws exceptions of other contexts (rpc, ws) on', () => {
    const thrown = new Error('rpc')
    const host = { getType: () => 'rpc', switchToHttp: () => { throw new Error('not http') } }
    expect(() => new ProblemFilter().catch(thrown, host)).toThrow(thrown)
  })
})
