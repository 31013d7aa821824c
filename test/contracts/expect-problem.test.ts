import { AssertionError } from 'node:assert'
import Fastify, { type FastifyInstance } from 'fastify'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import problems, { JSON_CONTENT_TYPE, NotFound, UsageError } from '../../src/index.js'
import { expectProblem, type TestResponse } from '../../src/testing/index.js'
import { headerRulesFor } from '../../src/testing/header-rules.js'

const VALID_HEADERS = {
  'content-type': 'application/problem+json',
  'x-correlation-id': 'c-1',
  vary: 'Accept',
}
const VALID_BODY = { type: 'about:blank', title: 'Not Found', status: 404, instance: '/x', code: 'NOT_FOUND', correlationId: 'c-1' }

/** An inject-shaped response built by hand, to break one thing at a time. */
function fake(overrides: { statusCode?: number; headers?: Record<string, string | string[] | undefined>; body?: unknown } = {}): TestResponse {
  const body = 'body' in overrides ? overrides.body : JSON.stringify(VALID_BODY)
  return { statusCode: overrides.statusCode ?? 404, headers: { ...VALID_HEADERS, ...overrides.headers }, body }
}

function failureOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AssertionError)
    return (error as AssertionError).message
  }
  throw new Error('expected expectProblem to fail')
}

describe('expectProblem with real responses', () => {
  let app: FastifyInstance
  let url: string

  beforeAll(async () => {
    app = Fastify()
    await app.register(problems)
    app.get('/users/:id', async () => {
      throw new NotFound({ detail: 'No user 0', code: 'USER_NOT_FOUND' })
    })
    app.get('/limited', async (_request, reply) => reply.problem(429, { retryAfter: 30 }))
    app.get('/crash', async () => {
      throw new Error('db down')
    })
    url = await app.listen({ host: '127.0.0.1', port: 0 })
  })

  afterAll(() => app.close())

  it('passes a Fastify inject response and returns the body', async () => {
    const response = await app.inject({ method: 'GET', url: '/users/0' })
    const body = expectProblem(response, { status: 404, code: 'USER_NOT_FOUND' })
    expect(body.detail).toBe('No user 0')
    expect(body.instance).toBe('/users/0')
  })

  it('passes a supertest response over a real socket', async () => {
    const response = await request(url).get('/limited').set('x-correlation-id', 'st-1')
    const body = expectProblem(response, { status: 429, code: 'TOO_MANY_REQUESTS', correlationId: 'st-1' })
    expect(body.correlationId).toBe('st-1')
  })

  it('passes a 5xx', async () => {
    expectProblem(await request(url).get('/crash'), { status: 500, code: 'INTERNAL_SERVER_ERROR' })
  })

  it('passes an application/json answer when told so', async () => {
    const response = await app.inject({ method: 'GET', url: '/users/0', headers: { accept: 'application/json' } })
    expectProblem(response, { status: 404, contentType: JSON_CONTENT_TYPE })
  })

  it('fails a success answer, listing what is wrong', async () => {
    const message = failureOf(() => expectProblem({ statusCode: 200, headers: {}, body: '{"ok":true}' }, { status: 404 }))
    expect(message).toContain('status is 200, expected 404')
    expect(message).toContain('content-type is undefined')
    expect(message).toContain('x-correlation-id header is undefined')
    expect(message).toContain('missing required member(s) type, title, status, instance, code, correlationId')
  })

  it('fails a HEAD answer, which has no body', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/users/0' })
    expect(failureOf(() => expectProblem(response, { status: 404 }))).toContain('the response has no body')
  })

  it('fails on the wrong code', async () => {
    const response = await app.inject({ method: 'GET', url: '/users/0' })
    expect(failureOf(() => expectProblem(response, { status: 404, code: 'NOT_FOUND' }))).toContain(
      'body code is "USER_NOT_FOUND", expected "NOT_FOUND"',
    )
  })
})

describe('expectProblem: each check can fail', () => {
  it.each(['origin, ACCEPT', '*', 'Origin,Accept'])('passes a Vary of %j', (vary) => {
    expect(expectProblem(fake({ headers: { vary } }), { status: 404 })).toEqual(VALID_BODY)
  })

  it('passes the valid baseline', () => {
    expect(expectProblem(fake(), { status: 404 })).toEqual(VALID_BODY)
  })

  it.each([
    ['the status', fake({ statusCode: 410 }), 'status is 410, expected 404'],
    ['the content type', fake({ headers: { 'content-type': 'application/json' } }), 'content-type is "application/json"'],
    ['a missing correlation id header', fake({ headers: { 'x-correlation-id': undefined } }), 'x-correlation-id header is undefined'],
    ['an invalid correlation id header', fake({ headers: { 'x-correlation-id': 'a b' } }), 'expected a valid correlation id'],
    ['a body that is not JSON', fake({ body: '<h1>Not Found</h1>' }), 'the body is not JSON: "<h1>Not Found</h1>"'],
    ['a body without members', fake({ body: '{}' }), 'missing required member(s)'],
    ['a wrong-typed member', fake({ body: JSON.stringify({ ...VALID_BODY, title: 1 }) }), '$.title: must be string'],
    ['a body status that differs', fake({ body: JSON.stringify({ ...VALID_BODY, status: 410 }) }), 'body status is 410, expected 404'],
    ['a body correlationId that differs', fake({ body: JSON.stringify({ ...VALID_BODY, correlationId: 'c-2' }) }), 'body correlationId "c-2" differs'],
    ['an empty body', fake({ body: '' }), 'the response has no body'],
    ['a missing Vary', fake({ headers: { vary: undefined } }), 'vary header is missing, expected one naming Accept'],
    ['a Vary without Accept', fake({ headers: { vary: 'Origin, Accept-Encoding' } }), 'vary header "Origin, Accept-Encoding" does not name Accept'],
    ['a parsed body only (no raw text)', fake({ body: VALID_BODY }), 'the response has no body'],
    ['an instance with the query', fake({ body: JSON.stringify({ ...VALID_BODY, instance: '/x?token=t' }) }), 'body instance "/x?token=t" is not a path-absolute URI reference without query (RFC 9457 3.1.5, RFC 3986 4.2), and carries the query string'],
  ])('%s', (_name, response, expected) => {
    expect(failureOf(() => expectProblem(response, { status: 404 }))).toContain(expected)
  })

  it.each([
    ['application/problem+json; charset=utf-8', 'has a charset parameter (RFC 8259 11 defines none for JSON)'],
    ['application/json;charset=UTF-8', 'has a charset parameter'],
  ])('fails a %s content type, even when expected', (contentType, expected) => {
    const response = fake({ headers: { 'content-type': contentType } })
    expect(failureOf(() => expectProblem(response, { status: 404, contentType }))).toContain(expected)
  })

  it.each([
    ['//evil.example/phish', 'body instance "//evil.example/phish" is not a path-absolute URI reference'],
    ['/users/1?token=secret', 'is not a path-absolute URI reference without query'],
    ['/a b', 'is not a path-absolute'],
    ['/a|b', 'is not a path-absolute'],
    ['https://a.example/x', 'is not a path-absolute'],
    ['', 'is not a path-absolute'],
  ])('fails an instance %j', (instance, expected) => {
    const response = fake({ body: JSON.stringify({ ...VALID_BODY, instance }) })
    expect(failureOf(() => expectProblem(response, { status: 404 }))).toContain(expected)
  })

  it('checks the expected correlation id', () => {
    expect(failureOf(() => expectProblem(fake(), { status: 404, correlationId: 'c-9' }))).toContain(
      'x-correlation-id header is "c-1", expected "c-9"',
    )
  })

  it('reads a custom correlation id header', () => {
    const response = fake({ headers: { 'x-correlation-id': undefined, 'x-request-id': 'c-1' } })
    expect(expectProblem(response, { status: 404, correlationIdHeader: 'X-Request-Id' }).correlationId).toBe('c-1')
  })

  it('reads supertest-shaped responses (status, text) and repeated headers', () => {
    const response = { status: 404, headers: { ...VALID_HEADERS, 'x-correlation-id': ['c-1', 'c-2'] }, text: JSON.stringify(VALID_BODY) }
    expect(failureOf(() => expectProblem(response, { status: 404 }))).toContain('"c-1, c-2"')
  })

  it('reads light-my-request payloads', () => {
    expect(expectProblem({ statusCode: 404, headers: VALID_HEADERS, payload: JSON.stringify(VALID_BODY) }, { status: 404 })).toEqual(VALID_BODY)
  })

  it('survives a response without headers or status', () => {
    const message = failureOf(() => expectProblem({ headers: null } as unknown as TestResponse, { status: 404 }))
    expect(message).toContain('status is undefined')
  })

  it('reads supertest-shaped responses (status and text) and takes a status that is no number as none', () => {
    expect(expectProblem({ status: 404, headers: VALID_HEADERS, text: JSON.stringify(VALID_BODY) }, { status: 404 })).toEqual(VALID_BODY)
    const message = failureOf(() => expectProblem({ statusCode: '404', headers: VALID_HEADERS, payload: JSON.stringify(VALID_BODY) } as unknown as TestResponse, { status: 404 }))
    expect(message).toContain('status is undefined')
  })

  it('rejects something that is not a response', () => {
    expect(failureOf(() => expectProblem(null as unknown as TestResponse, { status: 404 }))).toContain('expected a supertest or inject response')
    // A body text is not a response either, though reading it as one would not throw.
    expect(failureOf(() => expectProblem(JSON.stringify(VALID_BODY) as unknown as TestResponse, { status: 404 }))).toContain('expected a supertest or inject response')
  })

  it('lists every failure on its own line, as the expectProblem operator', () => {
    let thrown: unknown
    try {
      expectProblem(fake({ headers: { vary: undefined, 'x-correlation-id': undefined } }), { status: 404 })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AssertionError)
    const { message, operator } = thrown as AssertionError
    expect(operator).toBe('expectProblem')
    const lines = message.split('\n')
    expect(lines[0]).toBe('expectProblem: not the expected 404 problem answer:')
    expect(lines.length).toBeGreaterThanOrEqual(3)
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}- \S/)
  })
})

describe('expectProblem: the header rules of each status', () => {
  const withStatus = (status: number, headers: Record<string, string> = {}): TestResponse =>
    fake({ statusCode: status, headers, body: JSON.stringify({ ...VALID_BODY, status }) })

  it.each([
    [401, {}, 'www-authenticate header is missing (RFC 9110 15.5.2)'],
    [401, { 'www-authenticate': ' ' }, 'www-authenticate header " " is malformed'],
    [405, {}, 'allow header is missing (RFC 9110 15.5.6)'],
    [405, { allow: 'GET,,POST' }, 'allow header "GET,,POST" is malformed'],
    [407, {}, 'proxy-authenticate header is missing'],
    [413, { 'retry-after': 'soon' }, 'retry-after header "soon" is malformed'],
    [416, {}, 'content-range header is missing'],
    [416, { 'content-range': 'bytes 0-1/2' }, 'content-range header "bytes 0-1/2" is malformed'],
    [426, {}, 'upgrade header is missing'],
    [429, {}, 'retry-after header is missing (RFC 6585 4, always sent by http-problems)'],
    [429, { 'retry-after': '-1' }, 'retry-after header "-1" is malformed'],
    [503, { 'retry-after': 'Sunday' }, 'retry-after header "Sunday" is malformed'],
    [429, { 'retry-after': '1e+21' }, 'retry-after header "1e+21" is malformed'],
    [429, { 'retry-after': '1.5' }, 'retry-after header "1.5" is malformed'],
    [429, { 'retry-after': '2147483649' }, 'retry-after header "2147483649" is malformed'],
    [503, { 'retry-after': 'Mon, 02 Jan 2030 03:04:06 GMT' }, 'is malformed'],
    [503, { 'retry-after': 'Sat, 01 Jan 10000 00:00:00 GMT' }, 'is malformed'],
    [503, { 'retry-after': 'Sun, 31 Feb 2030 00:00:00 GMT' }, 'is malformed'],
    [500, { 'retry-after': 'soon' }, 'retry-after header "soon" is malformed (RFC 9110 10.2.3)'],
    [426, { upgrade: 'websocket' }, 'connection header is missing (RFC 9110 7.8: Connection: Upgrade)'],
    [426, { upgrade: 'websocket', connection: 'close' }, 'connection header "close" is malformed'],
    [426, { upgrade: 'not a protocol', connection: 'Upgrade' }, 'upgrade header "not a protocol" is malformed'],
    [451, { link: '<https://a.example/x>; rel="preload", <https://b.example>; rel="blocked-by"' }, 'link header'],
    [451, { link: '<https://a.example/x>; rel="preload"' }, 'link header'],
    [451, { link: '<https://a.example/a b>; rel="blocked-by"' }, 'link header'],
  ])('%i %o fails', (status, headers, expected) => {
    expect(failureOf(() => expectProblem(withStatus(status, headers), { status }))).toContain(expected)
  })

  it.each([
    [405, { allow: '' }],
    [405, { allow: 'GET, HEAD' }],
    [413, {}],
    [429, { 'retry-after': 'Sun, 22 Nov 2026 08:49:37 GMT' }],
    [503, {}],
    [503, { 'retry-after': '120' }],
    [429, { 'retry-after': '2147483648' }],
    [503, { 'retry-after': 'Mon, 01 Jan 0001 00:00:00 GMT' }],
    [426, { upgrade: 'TLS/1.3, HTTP/1.1', connection: 'Upgrade, close' }],
    [451, {}],
    [451, { link: '<https://a.example/x%3E;%20rel=%22preload>; rel="blocked-by"' }],
    [500, { 'retry-after': '30' }],
  ])('%i %o passes', (status, headers) => {
    expect(expectProblem(withStatus(status, headers), { status }).status).toBe(status)
  })
})

describe('expectProblem: nothing internal in a 5xx', () => {
  const serverError = (body: Record<string, unknown>): TestResponse =>
    fake({ statusCode: 500, body: JSON.stringify({ ...VALID_BODY, status: 500, title: 'Internal Server Error', ...body }) })

  it.each([
    ['a stack member', { stack: 'Error: x' }, 'a 5xx body has a "stack" member'],
    ['a Node.js stack frame', { detail: 'boom\n    at handler (/app/src/users.js:12:7)' }, "shows the server's internals: \"at handler (/app/src/users.js:12:7)\""],
    ['a runtime error message', { detail: "TypeError: Cannot read properties of undefined (reading 'id')" }, "TypeError: Cannot read properties of undefined (reading 'id')"],
    ['a socket error code', { detail: 'connect ECONNREFUSED 10.0.0.7:5432' }, 'ECONNREFUSED'],
    ['a Java exception', { detail: 'java.lang.IllegalStateException' }, 'java.lang.IllegalStateException'],
    ['a Python frame', { detail: 'Traceback:\n  File "/app/main.py", line 3, in f' }, 'line 3, in f'],
  ])('fails %s', (_name, body, expected) => {
    expect(failureOf(() => expectProblem(serverError(body), { status: 500 }))).toContain(expected)
  })

  it('passes a generic 5xx detail, and allows a stack member on a 4xx', () => {
    expect(expectProblem(serverError({ detail: 'The server failed. Quote the correlationId.' }), { status: 500 }).status).toBe(500)
    expect(expectProblem(fake({ body: JSON.stringify({ ...VALID_BODY, stack: 'x' }) }), { status: 404 }).stack).toBe('x')
  })
})

describe('expectProblem: expectations are checked', () => {
  it.each([
    [null, 'expected', 'an object { status, code? }'],
    [404, 'expected', 'an object { status, code? }'],
    [{ status: 200 }, 'status', 'an integer from 400 to 599'],
    [{ status: 600 }, 'status', 'an integer from 400 to 599'],
    [{ status: 404.5 }, 'status', 'an integer from 400 to 599'],
    [{ status: 404, code: 1 }, 'code', 'a string'],
    [{ status: 404, correlationId: 1 }, 'correlationId', 'a string'],
    [{ status: 404, contentType: null }, 'contentType', 'a string'],
    [{ status: 404, correlationIdHeader: 5 }, 'correlationIdHeader', 'a string'],
  ])('rejects %o', (expected, option, must) => {
    expect(() => expectProblem(fake(), expected as never)).toThrow(UsageError)
    expect(() => expectProblem(fake(), expected as never)).toThrow(`option "${option}" must be ${must}, received `)
  })

  it('takes every status from 400 to 599', () => {
    for (const status of [400, 599]) {
      expect(expectProblem(fake({ statusCode: status, body: JSON.stringify({ ...VALID_BODY, status }) }), { status }).status).toBe(status)
    }
  })
})

describe('headerRulesFor', () => {
  it("gives a status's own rule for a header in place of the rule for every status", () => {
    const retryAfter = (status: number) => headerRulesFor(status).filter((rule) => rule.header === 'retry-after')
    expect(retryAfter(429)).toEqual([expect.objectContaining({ required: true, source: 'RFC 6585 4, always sent by http-problems' })])
    expect(retryAfter(503)).toEqual([expect.objectContaining({ required: false, source: 'RFC 9110 15.6.4' })])
    expect(retryAfter(500)).toEqual([expect.objectContaining({ required: false, source: 'RFC 9110 10.2.3' })])
    expect(headerRulesFor(405).map((rule) => rule.header)).toEqual(['allow', 'retry-after'])
  })
})
