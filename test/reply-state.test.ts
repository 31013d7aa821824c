/**
 * Reply state, caching and connection rules of the renderer (DESIGN.md "reply state"): the
 * headers already on the reply are a request fact, and the renderer alone decides which go out.
 * The adapters' wire tests (test/wire/) check the same rules over real sockets.
 */
import { describe, expect, it } from 'vitest'
import createError from 'http-errors'
import {
  HttpProblem,
  MethodNotAllowed,
  NotFound,
  RangeNotSatisfiable,
  STATUSES,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UpgradeRequired,
  normalize,
  renderProblem,
  type RequestFacts,
} from '../src/index.js'
import { CONTENT_HEADERS } from '../src/content-headers.js'
import { STATUS_HEADER_NAMES, wellFormedStatusHeader } from '../src/status-header-syntax.js'
import { varyWithAccept } from '../src/caching.js'
import { fallbackProblem } from '../src/render.js'
import { DEFAULT_RENDER_SETTINGS } from './fixtures/render-settings.js'

const settings = DEFAULT_RENDER_SETTINGS
const facts: RequestFacts = { method: 'GET', url: '/x', correlationId: 'cid-1' }
const withReply = (replyHeaders: RequestFacts['replyHeaders'], more: Partial<RequestFacts> = {}): RequestFacts => ({
  ...facts,
  replyHeaders,
  ...more,
})

describe('content headers of the failed success', () => {
  it('are all removed from the reply, content-range too except on a 416', () => {
    const reply = Object.fromEntries(CONTENT_HEADERS.map((name) => [name, name === 'content-range' ? 'bytes */10' : 'x']))
    const rendered = renderProblem(new NotFound(), withReply(reply), settings)
    expect(rendered.removedReplyHeaders.sort()).toEqual([...CONTENT_HEADERS].sort())
    for (const name of CONTENT_HEADERS) expect(rendered.headers).not.toHaveProperty(name)
    expect(rendered.droppedHeaders).toEqual([]) // removed on purpose, not for being malformed
  })

  it('keeps a well-formed content-range on a 416 from another library', () => {
    const rendered = renderProblem(normalize(createError(416)), withReply({ 'content-range': 'bytes */2048' }), settings)
    expect(rendered.headers['content-range']).toBe('bytes */2048')
    expect(rendered.removedReplyHeaders).toEqual([])
  })

  it("the 416's own content-range wins over the reply's", () => {
    const rendered = renderProblem(new RangeNotSatisfiable({ size: 10 }), withReply({ 'content-range': 'bytes 0-99/2048' }), settings)
    expect(rendered.headers['content-range']).toBe('bytes */10')
  })

  it('removes transfer-encoding: the renderer frames the body', () => {
    expect(renderProblem(new NotFound(), withReply({ 'transfer-encoding': 'chunked' }), settings).removedReplyHeaders).toEqual([
      'transfer-encoding',
    ])
  })
})

describe('Vary', () => {
  it('is Accept on every problem, HEAD and 5xx included', () => {
    expect(renderProblem(new NotFound(), facts, settings).headers.vary).toBe('Accept')
    expect(renderProblem(new ServiceUnavailable(), { ...facts, method: 'HEAD' }, settings).headers.vary).toBe('Accept')
  })

  it.each([
    ['Origin', 'Origin, Accept'],
    [['Origin', 'Accept-Encoding'], 'Origin, Accept-Encoding, Accept'],
    ['accept, Origin', 'accept, Origin'],
    ['Origin, origin,, ACCEPT', 'Origin, ACCEPT'],
    ['*', '*'],
    ['Origin, *', '*'],
  ])('merges the reply Vary %j into %j', (vary, expected) => {
    expect(renderProblem(new NotFound(), withReply({ vary }), settings).headers.vary).toBe(expected)
  })

  it("merges the problem's own Vary with the reply's", () => {
    const problem = new NotFound({ headers: { vary: 'Cookie' } })
    expect(renderProblem(problem, withReply({ vary: 'Origin' }), settings).headers.vary).toBe('Cookie, Origin, Accept')
  })

  it('ignores a reply Vary that cannot be sent', () => {
    expect(renderProblem(new NotFound(), withReply({ vary: 'a\r\nb' }), settings).headers.vary).toBe('Accept')
    for (const vary of ['a\r\nb', Number.NaN, [], ['Origin', 'b\n']]) {
      const problem = new NotFound({ headers: { vary: 'Cookie' } })
      expect(renderProblem(problem, withReply({ vary }), settings).headers.vary).toBe('Cookie, Accept')
    }
    expect(varyWithAccept(undefined)).toBe('Accept')
  })
})

describe('Cache-Control', () => {
  it("is no-store by default, replacing the route's and removing its Expires", () => {
    const reply = { 'cache-control': 'public, max-age=86400', expires: 'Thu, 01 Jan 2099 00:00:00 GMT' }
    const rendered = renderProblem(new NotFound(), withReply(reply), settings)
    expect(rendered.headers['cache-control']).toBe('no-store')
    expect(rendered.removedReplyHeaders).toEqual(['expires'])
  })

  it('is the cacheControl setting when one is given', () => {
    const rendered = renderProblem(new NotFound(), withReply({ expires: '0' }), { ...settings, cacheControl: 'private, max-age=5' })
    expect(rendered.headers['cache-control']).toBe('private, max-age=5')
    expect(rendered.removedReplyHeaders).toEqual(['expires'])
  })

  it("leaves the route's Cache-Control and Expires alone with cacheControl: false", () => {
    const reply = { 'cache-control': 'public, max-age=60', expires: 'Thu, 01 Jan 2099 00:00:00 GMT' }
    const rendered = renderProblem(new NotFound(), withReply(reply), { ...settings, cacheControl: false })
    expect(rendered.headers).not.toHaveProperty('cache-control')
    expect(rendered.removedReplyHeaders).toEqual([])
  })

  it("the problem's own Cache-Control wins, even over cacheControl: false, and its own Expires stays", () => {
    const problem = new NotFound({ headers: { 'cache-control': 'public, max-age=60' } })
    const rendered = renderProblem(problem, withReply({ expires: '0' }), { ...settings, cacheControl: false })
    expect(rendered.headers['cache-control']).toBe('public, max-age=60')
    expect(rendered.removedReplyHeaders).toEqual(['expires'])
    const withExpires = new NotFound({ headers: { 'cache-control': 'max-age=60', expires: 'Thu, 01 Jan 2099 00:00:00 GMT' } })
    expect(renderProblem(withExpires, withReply({ expires: '0' }), settings).removedReplyHeaders).toEqual([])
  })

  // A Fastify route can leave such values on the reply: Fastify checks headers only when it writes them.
  const UNSENDABLE_CACHING = { 'cache-control': 'public\r\nX-Evil: 1', expires: 'never\n' }

  it("the route's Cache-Control and Expires that Node would refuse are replaced and removed by default, with nothing to report", () => {
    const rendered = renderProblem(new NotFound(), withReply(UNSENDABLE_CACHING), settings)
    expect(rendered.headers['cache-control']).toBe('no-store')
    expect(rendered.removedReplyHeaders).toEqual(['expires'])
    expect(rendered.droppedHeaders).toEqual([])
  })

  it("with cacheControl: false, the route's Cache-Control and Expires that Node would refuse are removed and reported", () => {
    const rendered = renderProblem(new NotFound(), withReply(UNSENDABLE_CACHING), { ...settings, cacheControl: false })
    expect(rendered.status).toBe(404)
    expect(rendered.headers).not.toHaveProperty('cache-control')
    expect(rendered.removedReplyHeaders).toEqual(['cache-control', 'expires'])
    expect(rendered.droppedHeaders).toEqual(['cache-control', 'expires'])
  })

  it('the minimal 500 carries them too, and on HEAD the length of its GET body', () => {
    const get = fallbackProblem({ method: 'GET', url: '/a', correlationId: 'c-1' }, { cacheControl: 'private' })
    expect(get.headers).toMatchObject({ 'cache-control': 'private', vary: 'Accept' })
    const head = fallbackProblem({ method: 'HEAD', url: '/a', correlationId: 'c-1' })
    expect(head.body).toBeUndefined()
    expect(head.headers).toMatchObject({ 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(get.body!)) })
    expect(fallbackProblem({}, { cacheControl: false }).headers).not.toHaveProperty('cache-control')
  })

  it('a setting a direct caller got wrong gives way to no-store', () => {
    expect(renderProblem(new NotFound(), facts, { ...settings, cacheControl: 'a\nb' }).headers['cache-control']).toBe('no-store')
    expect(renderProblem(new NotFound(), facts, { ...settings, cacheControl: '' }).headers['cache-control']).toBe('no-store')
  })
})

describe('headers of the status table already on the reply', () => {
  it('every header the status table names has a syntax', () => {
    for (const entry of STATUSES) {
      if ('field' in entry) expect(STATUS_HEADER_NAMES.has(entry.field.header.toLowerCase())).toBe(true)
    }
  })

  it('a well-formed Retry-After from a rate limiter is kept over the plugin default', () => {
    const rendered = renderProblem(normalize(createError(429, 'Rate limit exceeded, retry in 45 seconds')), withReply({ 'retry-after': 45 }), settings)
    expect(rendered.headers['retry-after']).toBe('45')
    expect(JSON.parse(rendered.body!).detail).toContain('45 seconds')
  })

  it("the problem's own typed value wins over the reply's", () => {
    const rendered = renderProblem(new TooManyRequests({ retryAfter: 7 }), withReply({ 'retry-after': '45' }), settings)
    expect(rendered.headers['retry-after']).toBe('7')
    expect(rendered.removedReplyHeaders).toEqual([])
  })

  it('a malformed one is removed, never sent, and the default applies', () => {
    const rendered = renderProblem(normalize(createError(429)), withReply({ 'retry-after': 'soon' }), settings)
    expect(rendered.headers['retry-after']).toBe('60')
    expect(rendered.removedReplyHeaders).toEqual(['retry-after'])
    expect(rendered.droppedHeaders).toEqual(['retry-after'])
  })

  it('a blank own value gives way to the reply', () => {
    const problem = new HttpProblem(401, { headers: { 'www-authenticate': ' ' } })
    expect(renderProblem(problem, withReply({ 'www-authenticate': 'Basic realm="x"' }), settings).headers['www-authenticate']).toBe(
      'Basic realm="x"',
    )
  })

  it('a well-formed one on another status stays too (a 503 from a load shedder)', () => {
    const rendered = renderProblem(new ServiceUnavailable(), withReply({ 'retry-after': '10' }), settings)
    expect(rendered.headers['retry-after']).toBe('10')
  })

  it.each([
    ['retry-after', 120, '120'],
    ['retry-after', '0', '0'],
    ['retry-after', 'Wed, 21 Oct 2026 07:28:00 GMT', 'Wed, 21 Oct 2026 07:28:00 GMT'],
    ['retry-after', '99999999999999999999', '2147483648'],
    ['www-authenticate', 'Basic realm="api", charset="UTF-8"', 'Basic realm="api", charset="UTF-8"'],
    ['www-authenticate', ['Basic realm="a"', 'Bearer'], 'Basic realm="a", Bearer'],
    ['proxy-authenticate', 'Basic', 'Basic'],
    ['allow', 'GET, HEAD', 'GET, HEAD'],
    ['upgrade', 'HTTP/2.0, websocket', 'HTTP/2.0, websocket'],
    ['link', '<https://a.example/x>; rel="blocked-by"', '<https://a.example/x>; rel="blocked-by"'],
    ['link', ['</a>; rel=preload', '</b>; rel="next"; title="a, b"'], '</a>; rel=preload, </b>; rel="next"; title="a, b"'],
    ['accept', 'application/json, text/csv;q=0.5, */*', 'application/json, text/csv;q=0.5, */*'],
    ['content-range', 'bytes */100', 'bytes */100'],
  ])('keeps %s %j as %j', (name, value, expected) => {
    expect(wellFormedStatusHeader(name, value)).toBe(expected)
  })

  it.each([
    ['retry-after', 'soon'],
    ['retry-after', -5],
    ['retry-after', 4.5],
    ['retry-after', 1e21],
    ['retry-after', Number.NaN],
    ['retry-after', '45, 45'],
    ['retry-after', 'Sat, 01 Jan 10000 00:00:00 GMT'],
    ['www-authenticate', ''],
    ['www-authenticate', 'realm="x" Basic'],
    ['www-authenticate', 'Basic\r\nSet-Cookie: a=b'],
    ['allow', 'bad method'],
    ['allow', ''],
    ['upgrade', 'h2c/'],
    ['link', 'https://a.example/x; rel="blocked-by"'],
    ['link', '<https://a.example/x>; rel="preload'],
    ['accept', 'json'],
    ['content-range', 'bytes 0-9/100'],
    ['retry-after', []],
    ['retry-after', { toString: () => '45' }],
    ['x-other', '1'],
  ])('refuses %s %j', (name, value) => {
    expect(wellFormedStatusHeader(name, value)).toBeUndefined()
  })

  it('keeps WWW-Authenticate and Proxy-Authenticate from an auth plugin', () => {
    expect(renderProblem(new Unauthorized(), withReply({ 'www-authenticate': 'Basic realm="app"' }), settings).headers['www-authenticate']).toBe(
      'Basic realm="app"',
    )
    const proxy = renderProblem(normalize(createError(407)), withReply({ 'proxy-authenticate': 'Basic realm="proxy"' }), settings)
    expect(proxy.headers['proxy-authenticate']).toBe('Basic realm="proxy"')
  })

  it("keeps an Allow the route set on a 405 that names none, over the router's", () => {
    const rendered = renderProblem(normalize(createError(405)), withReply({ allow: 'GET' }, { allow: ['GET', 'POST'] }), settings)
    expect(rendered.headers.allow).toBe('GET')
    const own = renderProblem(new MethodNotAllowed({ allow: ['PUT'] }), withReply({ allow: 'GET' }), settings)
    expect(own.headers.allow).toBe('PUT')
  })
})

describe('other headers on the reply', () => {
  it('stay on the reply (rate-limit counters, CORS, security headers, cookies)', () => {
    const reply = {
      'x-ratelimit-limit': 10,
      'ratelimit-policy': '10;w=60',
      ratelimit: 'limit=10, remaining=0, reset=45',
      'access-control-allow-origin': 'https://a.example',
      'content-security-policy': "default-src 'self'",
      'set-cookie': ['a=1', 'b=2'],
      'x-powered-by': 'Express',
    }
    const rendered = renderProblem(normalize(createError(429)), withReply(reply), settings)
    expect(rendered.removedReplyHeaders).toEqual([])
    expect(rendered.droppedHeaders).toEqual([])
  })

  it('are removed when Node would refuse to write them, and reported', () => {
    const reply = { 'x-bad': 'a\r\nb', 'x-nan': Number.NaN, 'bad name': 'x', 'x-empty': [], 'x-list': ['ok', 'no\n'] }
    const rendered = renderProblem(new NotFound(), withReply(reply), settings)
    expect(rendered.removedReplyHeaders).toEqual(Object.keys(reply))
    expect(rendered.droppedHeaders).toEqual(Object.keys(reply))
  })
})

describe('Connection: close from the client', () => {
  it('adds close to the Connection: Upgrade of a 426', () => {
    const problem = new UpgradeRequired({ upgrade: 'h2c' })
    expect(renderProblem(problem, { ...facts, connection: 'close' }, settings).headers.connection).toBe('Upgrade, close')
    expect(renderProblem(problem, { ...facts, connection: 'keep-alive, Close' }, settings).headers.connection).toBe('Upgrade, close')
    expect(renderProblem(problem, { ...facts, connection: ['TE', 'close'] }, settings).headers.connection).toBe('Upgrade, close')
  })

  it('changes nothing when the client did not ask to close, or the answer says close already', () => {
    const problem = new UpgradeRequired({ upgrade: 'h2c' })
    expect(renderProblem(problem, facts, settings).headers.connection).toBe('Upgrade')
    expect(renderProblem(problem, { ...facts, connection: 'keep-alive, closed' }, settings).headers.connection).toBe('Upgrade')
    const closing = new HttpProblem(426, { headers: { upgrade: 'h2c', connection: 'Upgrade, close' } })
    expect(renderProblem(closing, { ...facts, connection: 'close' }, settings).headers.connection).toBe('Upgrade, close')
    expect(renderProblem(new NotFound(), { ...facts, connection: 'close' }, settings).headers).not.toHaveProperty('connection')
  })
})
