/**
 * `problemResponse` on its own, as a Bun, Deno, Workers or Next.js handler calls it, and the
 * options the fetch adapter refuses.
 */
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { BadRequest, Conflict, MethodNotAllowed, UpgradeRequired, UsageError } from '../../src/index.js'
import { LOCALIZATION } from '../i18n/fixtures.js'
import { problems } from '../../src/fetch/index.js'

const request = (path = '/orders/1', init: RequestInit = {}) => new Request(`http://example.com${path}`, init)

describe('problemResponse', () => {
  it('keeps the reply headers a problem may carry, drops content headers, and leaves the caller’s Headers alone', async () => {
    const { problemResponse } = problems()
    const replyHeaders = new Headers({ 'retry-after': '45', 'x-ratelimit-remaining': '0', etag: '"v1"', 'access-control-allow-origin': '*' })
    replyHeaders.append('set-cookie', 'a=1')
    replyHeaders.append('set-cookie', 'b=2')
    const response = problemResponse(Object.assign(new Error('slow'), { status: 429 }), request(), { replyHeaders })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('45')
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(response.headers.get('etag')).toBeNull()
    expect(replyHeaders.get('etag')).toBe('"v1"')
    expect(replyHeaders.get('content-type')).toBeNull()
    const body = await response.text()
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)))
  })

  it('gives a 405 without Allow the methods the caller knows, and never overrides a typed one', () => {
    const { problemResponse } = problems()
    const foreign = Object.assign(new Error('no'), { status: 405 })
    expect(problemResponse(foreign, request(), { allow: ['GET', 'HEAD'] }).headers.get('allow')).toBe('GET, HEAD')
    expect(problemResponse(foreign, request()).headers.get('allow')).toBeNull()
    expect(problemResponse(new MethodNotAllowed({ allow: ['PUT'] }), request(), { allow: ['GET'] }).headers.get('allow')).toBe('PUT')
  })

  it('answers application/json to a client that only accepts it, with a multi-byte body measured in bytes', async () => {
    const { problemResponse } = problems()
    const response = problemResponse(Object.assign(new Error('Größe ✓ 😀'), { status: 400 }), request('/ä', { headers: { accept: 'application/json' } }))
    expect(response.headers.get('content-type')).toBe('application/json')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength))
    expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ detail: 'Größe ✓ 😀', instance: '/%C3%A4' })
  })

  it('uses the configured correlation header, in and out', () => {
    const { problemResponse } = problems({ correlationIdHeader: 'X-Request-Id' })
    const response = problemResponse(new Error('x'), request('/', { headers: { 'x-request-id': 'rid-9' } }))
    expect(response.headers.get('x-request-id')).toBe('rid-9')
    expect(response.headers.get('x-correlation-id')).toBeNull()
  })

  it('answers with a copy when the context holds immutable headers (a response from fetch())', () => {
    const app = new Hono()
    const { onError } = problems().hono(app)
    const immutable = Response.error()
    const response = onError(new Error('x'), { req: { raw: request(), path: '/orders/1' }, res: immutable })
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('answers over immutable headers that hold some on a copy, keeping what a problem may carry', async () => {
    const { onError } = problems().hono(new Hono())
    // A redirect's headers are immutable, as those of a response from fetch() are.
    const redirect = Response.redirect('http://example.com/elsewhere', 302)
    const response = onError(new Conflict('taken'), { req: { raw: request(), path: '/orders/1' }, res: redirect })
    expect(response.status).toBe(409)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.headers.get('location')).toBe('http://example.com/elsewhere')
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(await response.text())))
    expect([...redirect.headers]).toEqual([['location', 'http://example.com/elsewhere']])
  })

  it('leaves the headers set for the answer as they are when there were none, so that Hono copies nothing back', async () => {
    const { onError } = problems().hono(new Hono())
    const context = { req: { raw: request(), path: '/orders/1' }, res: new Response(null) }
    const response = onError(new Conflict('taken'), context)
    expect([...context.res.headers]).toEqual([])
    expect(response.status).toBe(409)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(await response.text())))
  })

  it('writes the answer into the headers set for it when there were some, the removed ones gone', () => {
    const { onError } = problems().hono(new Hono())
    const context = { req: { raw: request(), path: '/orders/1' }, res: new Response(null, { headers: { etag: '"v1"', 'x-request-start': '1' } }) }
    const response = onError(new Conflict('taken'), context)
    expect(response.headers.get('etag')).toBeNull()
    expect(context.res.headers.get('etag')).toBeNull()
    expect(context.res.headers.get('x-request-start')).toBe('1')
    expect(context.res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('keeps the Set-Cookie set for the answer when it is the only header set', () => {
    const { problemResponse } = problems()
    const replyHeaders = new Headers()
    replyHeaders.append('set-cookie', 'a=1')
    replyHeaders.append('set-cookie', 'b=2')
    const response = problemResponse(new Conflict('taken'), request(), { replyHeaders })
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('closes the connection of a 426 when the client asked to (Connection: Upgrade, close)', () => {
    const { problemResponse } = problems()
    const upgrade = new UpgradeRequired({ upgrade: 'h2c' })
    expect(problemResponse(upgrade, request('/', { headers: { connection: 'close' } })).headers.get('connection')).toBe('Upgrade, close')
    expect(problemResponse(upgrade, request('/')).headers.get('connection')).toBe('Upgrade')
  })

  it('answers a HEAD without a body and with the Content-Length of the GET, whether or not headers were set for it', async () => {
    const { problemResponse } = problems()
    const get = await problemResponse(new Conflict('taken'), request()).text()
    for (const replyHeaders of [undefined, new Headers({ 'x-request-start': '1' })]) {
      const head = problemResponse(new Conflict('taken'), request('/orders/1', { method: 'HEAD' }), { replyHeaders })
      expect(head.status).toBe(409)
      expect(head.body).toBeNull()
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get)))
    }
  })
})

describe('options', () => {
  it.each([
    [{ logger: console }, 'logger'],
    [{ logger: 'pino' }, 'logger'],
    [{ notFound: true }, 'notFound'],
    [{ typeBaseUrl: 'not a url' }, 'typeBaseUrl'],
    ['options', 'options'],
  ])('refuses %j, naming %s', (options, name) => {
    expect(() => problems(options as never)).toThrow(UsageError)
    expect(() => problems(options as never)).toThrow(expect.objectContaining({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION', message: expect.stringContaining(name) }))
  })
})

describe('problemResponse without a logger', () => {
  it('answers a catalog message that fails to format with its fallback, nothing to log it to', async () => {
    const { problemResponse } = problems({ localization: LOCALIZATION })
    const problem = new BadRequest({ code: 'HALF_BROKEN' })
    const response = problemResponse(problem, request('/half-broken', { headers: { 'accept-language': 'de' } }))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-language')).toBe('de')
    expect(await response.json()).toMatchObject({ status: 400, detail: 'English fallback for 400.' })
  })
})
