import { describe, expect, it } from 'vitest'
import { problemFromResponse } from '../../src/client/index.js'
import {
  BadGateway,
  ContentTooLarge,
  Forbidden,
  HttpProblem,
  MethodNotAllowed,
  NotFound,
  ProxyAuthenticationRequired,
  RangeNotSatisfiable,
  STATUSES,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UnavailableForLegalReasons,
  UnsupportedMediaType,
  UpgradeRequired,
  UsageError,
  classFor,
} from '../../src/index.js'

const PROBLEM_JSON = 'application/problem+json; charset=utf-8'

function problemResponse(status: number, body: object, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': PROBLEM_JSON, ...headers } })
}

describe('problemFromResponse', () => {
  it('gives an instance of the class for the status, with the upstream members', async () => {
    const problem = await problemFromResponse(
      problemResponse(404, {
        type: 'https://errors.example.com/user-not-found',
        title: 'User not found',
        status: 404,
        detail: 'No user 42',
        instance: '/users/42',
        code: 'USER_NOT_FOUND',
        correlationId: 'upstream-id',
        userId: 42,
        stack: 'Error: at users.ts:1',
      }),
    )
    expect(problem).toBeInstanceOf(NotFound)
    expect(problem).toBeInstanceOf(HttpProblem)
    expect(problem.name).toBe('NotFound')
    expect(problem.status).toBe(404)
    expect(problem.type).toBe('https://errors.example.com/user-not-found')
    expect(problem.title).toBe('User not found')
    expect(problem.detail).toBe('No user 42')
    expect(problem.code).toBe('USER_NOT_FOUND')
    expect(problem.expose).toBe(true)
    // The upstream's instance, correlation id and dev-only stack are not ours to send again.
    expect(problem.extensions).toEqual({ userId: 42 })
    expect(problem.toJSON()).toEqual({
      type: 'https://errors.example.com/user-not-found',
      title: 'User not found',
      status: 404,
      detail: 'No user 42',
      code: 'USER_NOT_FOUND',
      userId: 42,
    })
    expect(problem.cause).toMatchObject({ format: 'problem', correlationId: 'upstream-id', instance: '/users/42' })
  })

  it.each(STATUSES.map((entry) => [entry.status, entry.name] as const))('%i → %s (from an empty body)', async (status, name) => {
    const problem = await problemFromResponse(new Response(null, { status }))
    expect(problem).toBeInstanceOf(classFor(status)!)
    expect(problem.status).toBe(status)
    expect(problem.title).toBe(classFor(status)!.title)
    expect(problem.code).toBe(classFor(status)!.code)
    // Statuses whose class needs a header the empty answer lacks fall back to the base class.
    const needsHeader = [405, 416, 426, 429].includes(status)
    expect(problem.name).toBe(needsHeader ? 'HttpProblem' : name)
  })

  it('keeps an upstream 5xx detail hidden when the problem is rethrown', async () => {
    const problem = await problemFromResponse(problemResponse(503, { status: 503, detail: 'pool exhausted at db-3:5432' }))
    expect(problem).toBeInstanceOf(ServiceUnavailable)
    expect(problem.detail).toBe('pool exhausted at db-3:5432')
    expect(problem.expose).toBe(false)
    expect(problem.toJSON()).not.toHaveProperty('detail')
  })

  it('makes a problem from a non-problem answer', async () => {
    const html = new Response('<h1>Forbidden</h1>', { status: 403, headers: { 'content-type': 'text/html' } })
    const problem = await problemFromResponse(html)
    expect(problem).toBeInstanceOf(Forbidden)
    expect(problem.toJSON()).toEqual({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'FORBIDDEN' })
  })

  it('makes a problem for a status without a class', async () => {
    const problem = await problemFromResponse(new Response(null, { status: 499 }))
    expect(problem).toBeInstanceOf(HttpProblem)
    expect(problem.status).toBe(499)
    expect(problem.title).toBe('Client Error')
  })

  it.each([200, 204, 301, 304, 399])('refuses a %i answer with ERR_HTTP_PROBLEMS_INVALID_STATUS, leaving the body unread', async (status) => {
    const ok = new Response(status === 204 || status === 304 ? null : 'fine', { status })
    const error = await problemFromResponse(ok).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_STATUS')
    expect((error as UsageError).message).toBe(`http-problems: problemFromResponse needs an error response (400..599), received status ${status}`)
    expect(ok.bodyUsed).toBe(false)
  })
})

describe('problemFromResponse: the typed fields come back from the headers', () => {
  it.each([
    [401, { 'www-authenticate': 'Bearer realm="api"' }, { 'www-authenticate': 'Bearer realm="api"' }, Unauthorized],
    [405, { allow: 'GET, HEAD,,POST ' }, { allow: 'GET, HEAD, POST' }, MethodNotAllowed],
    [405, { allow: '' }, { allow: '' }, MethodNotAllowed], // an empty Allow: no methods (RFC 9110 10.2.1)
    [407, { 'proxy-authenticate': 'Basic' }, { 'proxy-authenticate': 'Basic' }, ProxyAuthenticationRequired],
    [413, { 'retry-after': '30' }, { 'retry-after': '30' }, ContentTooLarge],
    [415, { accept: 'application/json, text/csv' }, { accept: 'application/json, text/csv' }, UnsupportedMediaType],
    [416, { 'content-range': 'bytes */1234' }, { 'content-range': 'bytes */1234' }, RangeNotSatisfiable],
    [426, { upgrade: 'h2c' }, { upgrade: 'h2c', connection: 'Upgrade' }, UpgradeRequired],
    [429, { 'retry-after': ' 120 ' }, { 'retry-after': '120' }, TooManyRequests],
    [429, { 'retry-after': 'Sun, 22 Nov 2026 08:49:37 GMT' }, { 'retry-after': 'Sun, 22 Nov 2026 08:49:37 GMT' }, TooManyRequests],
    [451, { link: '<https://a.example/x>; rel="next", <https://blocker.example>; rel="blocked-by"' }, { link: '<https://blocker.example>; rel="blocked-by"' }, UnavailableForLegalReasons],
    [451, { link: '<https://a.example/x>; rel=next' }, {}, UnavailableForLegalReasons],
    [503, { 'retry-after': 'soon' }, {}, ServiceUnavailable],
  ] as const)('%i, headers %j', async (status, sent, expected, ProblemClass) => {
    const problem = await problemFromResponse(new Response(null, { status, headers: sent }))
    expect(problem).toBeInstanceOf(ProblemClass)
    expect(problem.headers).toEqual(expected)
  })

  it.each([
    [405, {}],
    [416, { 'content-range': 'bytes 0-10/20' }],
    [416, { 'content-range': 'bytes */99999999999999999999' }],
    [426, { upgrade: '' }],
    [429, { 'retry-after': 'later' }],
  ] as const)('%i with a missing or malformed required header %o: still instanceof, no header', async (status, sent) => {
    const problem = await problemFromResponse(new Response(null, { status, headers: sent }))
    expect(problem).toBeInstanceOf(classFor(status)!)
    expect(problem.name).toBe('HttpProblem')
    expect(problem.headers).toEqual({})
  })

  /** A response of another HTTP client: its headers are read as given, untrimmed. */
  function responseLike(status: number, sent: Record<string, string>) {
    return { status, headers: { get: (name: string) => sent[name] ?? null }, body: null }
  }

  it.each([
    [429, { 'retry-after': ' 120 ' }, { 'retry-after': '120' }],
    [503, { 'retry-after': '5' }, { 'retry-after': '5' }],
    [416, { 'content-range': ' bytes */1234 ' }, { 'content-range': 'bytes */1234' }],
    [416, { 'content-range': 'x bytes */1234' }, {}],
    [416, { 'content-range': 'bytes */1234x' }, {}],
    [451, { link: 'junk <https://blocker.example>; rel="blocked-by"' }, {}],
    [451, { link: '<https://blocker.example>;rel=blocked-by' }, { link: '<https://blocker.example>; rel="blocked-by"' }],
    [451, { link: '<https://blocker.example> ; rel="blocked-by" ; title="court order"' }, { link: '<https://blocker.example>; rel="blocked-by"' }],
    // A value folded over two lines (obs-fold, RFC 9110 5.5), as a client that does not unfold it hands it on.
    [451, { link: '<https://blocker.example>;\r\n rel="blocked-by"' }, { link: '<https://blocker.example>; rel="blocked-by"' }],
  ] as const)('%i from another client, headers %j', async (status, sent, expected) => {
    const problem = await problemFromResponse(responseLike(status, sent))
    expect(problem.status).toBe(status)
    expect(problem.headers).toEqual(expected)
  })

  it.each([
    ['an IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['an RFC 850 date', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['an asctime date, which means GMT', 'Sun Nov  6 08:49:37 1994'],
  ])('503 with a Retry-After in the HTTP-date form of %s, in any local zone', async (_form, value) => {
    const zone = process.env.TZ
    try {
      for (const local of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = local
        const problem = await problemFromResponse(responseLike(503, { 'retry-after': value }))
        expect(problem.headers).toEqual({ 'retry-after': 'Sun, 06 Nov 1994 08:49:37 GMT' })
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('reads a Retry-After date of every day and every month, in the IMF-fixdate and asctime forms', async () => {
    const dates = [
      ...Array.from({ length: 7 }, (_, index) => new Date(Date.UTC(2026, 11, 28 + index, 8, 49, 37))),
      ...Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 1, 8, 49, 37))),
    ]
    for (const date of dates) {
      const imf = date.toUTCString()
      const [day, , month] = imf.split(' ')
      const asctime = `${day!.slice(0, 3)} ${month} ${String(date.getUTCDate()).padStart(2, ' ')} 08:49:37 ${date.getUTCFullYear()}`
      for (const value of [imf, asctime]) {
        const problem = await problemFromResponse(responseLike(503, { 'retry-after': value }))
        expect(problem.headers, value).toEqual({ 'retry-after': imf })
      }
    }
  })

  it.each(['120abc', 'a120', '1.5', '5 2', 'May 1', '2026-11-22', 'Sun, 06 Nov 1994 08:49:37', 'Sun, 06 Nov 1994 08:49:37 GMT+0100', 'Mon Sun, 06 Nov 1994 08:49:37 GMT', 'Sun Nov  6 08:49:37 19945', 'x Sun Nov  6 08:49:37 1994'])('503 with a Retry-After %j that is no delay or date: the class, without the field', async (value) => {
    const problem = await problemFromResponse(responseLike(503, { 'retry-after': value }))
    expect(problem.name).toBe('ServiceUnavailable')
    expect(problem.headers).toEqual({})
  })

  it.each([
    [451, { link: 'no link at all' }, 'UnavailableForLegalReasons'],
    [503, { 'retry-after': 'Sun, 99 Nov 1994 08:49:37 GMT' }, 'ServiceUnavailable'],
  ] as const)('%i with an unreadable optional header %j: the class, without the field', async (status, sent, name) => {
    const problem = await problemFromResponse(responseLike(status, sent))
    expect(problem.name).toBe(name)
    expect(problem.headers).toEqual({})
  })

  it('does not make a BadGateway out of a 4xx', async () => {
    expect(await problemFromResponse(new Response(null, { status: 404 }))).not.toBeInstanceOf(BadGateway)
  })
})
