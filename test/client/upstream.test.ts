import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemFromResponse, upstreamProblem } from '../../src/client/index.js'
import {
  BadGateway,
  GatewayTimeout,
  InternalServerError,
  NotFound,
  TooManyRequests,
  UsageError,
  renderProblem,
} from '../../src/index.js'
import { DEFAULT_RENDER_SETTINGS } from '../fixtures/render-settings.js'

const PROBLEM_JSON = 'application/problem+json; charset=utf-8'
const SETTINGS = DEFAULT_RENDER_SETTINGS

function crashed(headers: Record<string, string> = {}): Response {
  const body = {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: 'connect ECONNREFUSED db.internal:5432',
    correlationId: 'users-7',
    query: 'SELECT * FROM users',
  }
  return new Response(JSON.stringify(body), { status: 500, headers: { 'content-type': PROBLEM_JSON, ...headers } })
}

/** The body our caller would get for `problem`. */
function answerBody(problem: Parameters<typeof renderProblem>[0]): Record<string, unknown> {
  const rendered = renderProblem(problem, { method: 'GET', url: '/api/users/1', correlationId: 'gateway-1' }, SETTINGS)
  return JSON.parse(rendered.body!) as Record<string, unknown>
}

describe('upstreamProblem: answers', () => {
  it('makes an upstream 5xx a 502 with the documented members and none of the upstream detail', async () => {
    const problem = await upstreamProblem(crashed({ 'x-correlation-id': 'users-7' }), { service: 'users' })
    expect(problem).toBeInstanceOf(BadGateway)
    expect(problem.extensions).toEqual({ upstreamService: 'users', upstreamStatus: 500, upstreamCorrelationId: 'users-7' })
    expect(problem.detail).toBe('The users service answered 500 Internal Server Error.')
    const body = answerBody(problem)
    expect(body).toMatchObject({ status: 502, title: 'Bad Gateway', upstreamService: 'users', upstreamStatus: 500 })
    const text = JSON.stringify(body)
    expect(text).not.toContain('ECONNREFUSED')
    expect(text).not.toContain('SELECT')
    expect(text).not.toContain('db.internal')
  })

  it('leaves upstreamCorrelationId out when the upstream sent none', async () => {
    const problem = await upstreamProblem(new Response('<h1>oops</h1>', { status: 503, headers: { 'content-type': 'text/html' } }), {
      service: 'billing',
    })
    expect(problem).toBeInstanceOf(BadGateway)
    expect(problem.extensions).toEqual({ upstreamService: 'billing', upstreamStatus: 503 })
  })

  it.each([200, 302])('makes an unexpected %i answer a 502 too', async (status) => {
    const problem = await upstreamProblem(new Response(null, { status }), { service: 'users' })
    expect(problem).toBeInstanceOf(BadGateway)
    expect(problem.extensions.upstreamStatus).toBe(status)
  })

  it('passes an upstream 4xx on as the same class, with its members', async () => {
    const response = new Response('{"status":404,"title":"Not Found","detail":"No user 1","code":"USER_NOT_FOUND"}', {
      status: 404,
      headers: { 'content-type': PROBLEM_JSON },
    })
    const problem = await upstreamProblem(response, { service: 'users' })
    expect(problem).toBeInstanceOf(NotFound)
    expect(problem.detail).toBe('No user 1')
    expect(problem.code).toBe('USER_NOT_FOUND')
    expect(problem.extensions).toEqual({})
  })

  it('passes the headers of an upstream 4xx on', async () => {
    const problem = await upstreamProblem(new Response(null, { status: 429, headers: { 'retry-after': '9' } }), { service: 'users' })
    expect(problem).toBeInstanceOf(TooManyRequests)
    expect(problem.headers['retry-after']).toBe('9')
  })

  it('reads the body with the given options', async () => {
    const problem = await upstreamProblem(crashed({ 'x-request-id': 'req-9' }), { service: 'users', correlationIdHeader: 'x-request-id' })
    expect(problem.extensions.upstreamCorrelationId).toBe('req-9')
  })

  it('has no upstreamCorrelationId member when the upstream answer named none', async () => {
    const problem = await upstreamProblem(new Response(null, { status: 503 }), { service: 'users' })
    expect(Object.keys(problem.extensions)).toEqual(['upstreamService', 'upstreamStatus'])
  })

  it.each([
    ['a response of another client, with no body stream (axios: data)', { status: 503, headers: new Headers(), data: 'down' }],
    ['a value with headers and a body but no status', { headers: new Headers(), body: null }],
  ])('reads %s as no answer: the service could not be reached', async (_label, outcome) => {
    const problem = await upstreamProblem(outcome, { service: 'users' })
    expect(problem).toBeInstanceOf(BadGateway)
    expect(problem.detail).toBe('The users service could not be reached.')
  })

  it('names what the service option must be', async () => {
    await expect(upstreamProblem(new Response(null, { status: 503 }), { service: ' ' })).rejects.toThrow(
      'http-problems: option "service" must be a non-empty string, received the string " "',
    )
  })
})

describe('upstreamProblem: thrown problems', () => {
  it('maps a 5xx made by problemFromResponse', async () => {
    const thrown = await problemFromResponse(crashed())
    const problem = await upstreamProblem(thrown, { service: 'users' })
    expect(problem).toBeInstanceOf(BadGateway)
    expect(problem.extensions).toEqual({ upstreamService: 'users', upstreamStatus: 500, upstreamCorrelationId: 'users-7' })
  })

  it('passes a 4xx made by problemFromResponse through unchanged', async () => {
    const thrown = await problemFromResponse(new Response(null, { status: 404 }))
    expect(await upstreamProblem(thrown, { service: 'users' })).toBe(thrown)
  })

  it.each([
    ['a 5xx of our own', new InternalServerError({ cause: new Error('bug') })],
    ['a 5xx whose cause only looks parsed', new InternalServerError({ cause: { format: 'problem' } })],
    ['a 5xx whose cause names no format we make', new InternalServerError({ cause: { format: 'xml', status: 500 } })],
    ['a 4xx of our own', new NotFound()],
  ])('leaves %s unchanged', async (_name, thrown) => {
    expect(await upstreamProblem(thrown, { service: 'users' })).toBe(thrown)
  })
})

describe('upstreamProblem: errors', () => {
  const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause })
  const coded = (code: string, message = code) => Object.assign(new Error(message), { code })

  it.each([
    ['AbortSignal.timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), ''],
    ['undici connect timeout', fetchFailed(coded('UND_ERR_CONNECT_TIMEOUT')), ' (UND_ERR_CONNECT_TIMEOUT)'],
    ['undici headers timeout', fetchFailed(coded('UND_ERR_HEADERS_TIMEOUT')), ' (UND_ERR_HEADERS_TIMEOUT)'],
    ['undici body timeout', fetchFailed(coded('UND_ERR_BODY_TIMEOUT')), ' (UND_ERR_BODY_TIMEOUT)'],
    ['a socket ETIMEDOUT two causes deep', fetchFailed(new Error('wrapped', { cause: coded('ETIMEDOUT') })), ' (ETIMEDOUT)'],
  ])('%s → 504', async (_name, error, reason) => {
    const problem = await upstreamProblem(error, { service: 'users' })
    expect(problem).toBeInstanceOf(GatewayTimeout)
    expect(problem.extensions).toEqual({ upstreamService: 'users' })
    expect(problem.detail).toBe(`The users service did not answer in time${reason}.`)
    expect(problem.cause).toBe(error)
  })

  it.each([
    ['a refused connection', fetchFailed(coded('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.7:8080')), ' (ECONNREFUSED)'],
    ['a reset', fetchFailed(coded('ECONNRESET')), ' (ECONNRESET)'],
    ['an unknown host', fetchFailed(coded('ENOTFOUND')), ' (ENOTFOUND)'],
    ['an abort by the caller', new DOMException('This operation was aborted', 'AbortError'), ''],
    ['a string', 'boom', ''],
    ['undefined', undefined, ''],
    ['an error with a numeric code', Object.assign(new Error('x'), { code: 42 }), ''],
    ['a cause cycle', (() => { const a: Record<string, unknown> = {}; a.cause = a; return a })(), ''],
    ['a hostile Proxy', new Proxy({}, { get: () => { throw new Error('trap') } }), ''],
  ])('%s → 502', async (_name, error, reason) => {
    const problem = await upstreamProblem(error, { service: 'users' })
    expect(problem).toBeInstanceOf(BadGateway)
    expect(problem.extensions).toEqual({ upstreamService: 'users' })
    expect(problem.detail).toBe(`The users service could not be reached${reason}.`)
    expect(JSON.stringify(answerBody(problem))).not.toContain('10.0.0.7')
  })

  it('treats an object that only looks like a response as an error', async () => {
    const notResponse = { status: 500, headers: {}, body: null }
    expect(await upstreamProblem(notResponse, { service: 'users' })).toBeInstanceOf(BadGateway)
  })

  it.each([undefined, null, {}, { service: '' }, { service: '  ' }, { service: 7 }])('rejects options %o', async (options) => {
    const error = await upstreamProblem(new Error('x'), options as never).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).message).toContain('"service"')
  })
})

describe('upstreamProblem over real sockets', () => {
  let silent: Server
  let silentUrl: string
  let closedUrl: string

  beforeAll(async () => {
    // Accepts and never answers: the timeout case.
    silent = createServer(() => undefined)
    silent.listen(0, '127.0.0.1')
    await once(silent, 'listening')
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`
    // A port that was just released: nothing listens there, so the connection is refused.
    const closed = createServer()
    closed.listen(0, '127.0.0.1')
    await once(closed, 'listening')
    closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`
    closed.close()
    await once(closed, 'close')
  })

  afterAll(async () => {
    silent.closeAllConnections()
    silent.close()
    await once(silent, 'close')
  })

  it('a refused connection → 502', async () => {
    const error = await fetch(closedUrl).catch((caught: unknown) => caught)
    const problem = await upstreamProblem(error, { service: 'users' })
    expect(problem).toBeInstanceOf(BadGateway)
    expect(problem.detail).toBe('The users service could not be reached (ECONNREFUSED).')
  })

  it('no answer before the signal times out → 504', async () => {
    const error = await fetch(silentUrl, { signal: AbortSignal.timeout(50) }).catch((caught: unknown) => caught)
    const problem = await upstreamProblem(error, { service: 'users' })
    expect(problem).toBeInstanceOf(GatewayTimeout)
  })
})
