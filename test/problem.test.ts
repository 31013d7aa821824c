import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ContentTooLarge,
  Forbidden,
  HttpProblem,
  InternalServerError,
  MethodNotAllowed,
  NotFound,
  ProxyAuthenticationRequired,
  RangeNotSatisfiable,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UnavailableForLegalReasons,
  UnsupportedMediaType,
  UpgradeRequired,
  UsageError,
  createProblem,
  isHttpProblem,
} from '../src/index.js'
import { PROBLEM_CLASSES } from '../src/classes.js'
import { STATUSES } from '../src/statuses.js'

describe('HttpProblem and the generated classes', () => {
  it.each(STATUSES.map((entry) => [entry.name, entry] as const))('%s: defaults from the table', (name, entry) => {
    const ProblemClass = PROBLEM_CLASSES[name] as unknown as new (options?: object) => HttpProblem
    const fields: Record<number, object> = { 405: { allow: ['GET'] }, 416: { size: 10 }, 426: { upgrade: 'h2c' }, 429: { retryAfter: 1 } }
    const problem = new ProblemClass(fields[entry.status])
    expect(problem).toBeInstanceOf(Error)
    expect(problem).toBeInstanceOf(HttpProblem)
    expect(problem).toBeInstanceOf(ProblemClass)
    expect(problem.name).toBe(name)
    expect(problem.status).toBe(entry.status)
    expect(problem.statusCode).toBe(entry.status)
    expect(problem.title).toBe(entry.title)
    expect(problem.type).toBe('about:blank')
    expect(problem.detail).toBeUndefined()
    expect(problem.message).toBe(entry.title)
    expect(problem.expose).toBe(entry.status < 500)
    expect(problem.extensions).toEqual({})
    expect(problem.stack).toContain(name)
  })

  it('takes a detail string', () => {
    const problem = new NotFound('No user 42')
    expect(problem.detail).toBe('No user 42')
    expect(problem.message).toBe('No user 42')
  })

  it('takes an options object, with cause', () => {
    const cause = new Error('db down')
    const problem = new Forbidden({
      detail: 'd',
      code: 'NO_ACCESS',
      type: 'https://example.com/t',
      title: 'No access',
      extensions: { plan: 'free' },
      headers: { 'X-Plan': 'free', 'X-Count': 3 as unknown as string },
      expose: false,
      cause,
    })
    expect(problem).toMatchObject({ detail: 'd', code: 'NO_ACCESS', type: 'https://example.com/t', title: 'No access', expose: false })
    expect(problem.extensions).toEqual({ plan: 'free' })
    expect(problem.headers).toEqual({ 'x-plan': 'free', 'x-count': '3' })
    expect(problem.cause).toBe(cause)
    expect('cause' in new NotFound()).toBe(false)
    // Error's own rule: a cause given, even undefined, is an own property; options without one give none.
    expect(Object.hasOwn(new NotFound({ detail: 'x' }), 'cause')).toBe(false)
    expect(Object.hasOwn(new NotFound({ cause: undefined }), 'cause')).toBe(true)
  })

  it('never modifies the caller options or their headers', () => {
    const headers = { 'x-a': '1' }
    const options = Object.freeze({ allow: Object.freeze(['GET']), headers: Object.freeze(headers) })
    const problem = new MethodNotAllowed(options)
    expect(problem.headers).toEqual({ 'x-a': '1', allow: 'GET' })
    expect(headers).toEqual({ 'x-a': '1' })
  })

  it('builds the headers the standards require from typed fields', () => {
    expect(new MethodNotAllowed({ allow: ['GET', 'HEAD'] }).headers).toEqual({ allow: 'GET, HEAD' })
    expect(new MethodNotAllowed({ allow: [] }).headers).toEqual({ allow: '' })
    expect(new TooManyRequests({ retryAfter: 30 }).headers).toEqual({ 'retry-after': '30' })
    expect(new TooManyRequests({ retryAfter: 1.2 }).headers['retry-after']).toBe('2')
    expect(new TooManyRequests({ retryAfter: new Date(Date.UTC(2026, 10, 22, 8, 49, 37)) }).headers).toEqual({
      'retry-after': 'Sun, 22 Nov 2026 08:49:37 GMT',
    })
    expect(new ServiceUnavailable().headers).toEqual({})
    expect(new ServiceUnavailable({ retryAfter: 120 }).headers).toEqual({ 'retry-after': '120' })
    expect(new ContentTooLarge({ retryAfter: 5 }).headers).toEqual({ 'retry-after': '5' })
    expect(new RangeNotSatisfiable({ size: 1234 }).headers).toEqual({ 'content-range': 'bytes */1234' })
    expect(new UpgradeRequired({ upgrade: 'HTTP/3.0' }).headers).toEqual({ upgrade: 'HTTP/3.0', connection: 'Upgrade' })
    expect(new Unauthorized().headers).toEqual({})
    expect(new Unauthorized({ challenge: 'Basic realm="api"' }).headers).toEqual({ 'www-authenticate': 'Basic realm="api"' })
    expect(new Unauthorized({ challenge: ['Bearer', 'Basic'] }).headers).toEqual({ 'www-authenticate': 'Bearer, Basic' })
    expect(new ProxyAuthenticationRequired({ challenge: 'Basic' }).headers).toEqual({ 'proxy-authenticate': 'Basic' })
    expect(new UnavailableForLegalReasons({ blockedBy: 'https://authority.example' }).headers).toEqual({
      link: '<https://authority.example>; rel="blocked-by"',
    })
    expect(new UnsupportedMediaType({ accept: ['application/json', 'text/csv'] }).headers).toEqual({
      accept: 'application/json, text/csv',
    })
  })

  it('typed fields win over the same header in `headers`', () => {
    expect(new TooManyRequests({ retryAfter: 5, headers: { 'Retry-After': '999' } }).headers).toEqual({ 'retry-after': '5' })
  })

  it.each([
    ['MethodNotAllowed without allow', () => new (MethodNotAllowed as any)()],
    ['MethodNotAllowed with a string', () => new (MethodNotAllowed as any)('GET')],
    ['allow not an array', () => new MethodNotAllowed({ allow: 'GET' as any })],
    ['allow with an empty method', () => new MethodNotAllowed({ allow: [''] })],
    ['negative retryAfter', () => new TooManyRequests({ retryAfter: -1 })],
    ['NaN retryAfter', () => new TooManyRequests({ retryAfter: Number.NaN })],
    ['invalid Date', () => new TooManyRequests({ retryAfter: new Date('nope') })],
    ['retryAfter missing', () => new (TooManyRequests as any)({})],
    ['fractional size', () => new RangeNotSatisfiable({ size: 1.5 })],
    ['empty upgrade', () => new UpgradeRequired({ upgrade: '' })],
    ['empty challenge list', () => new Unauthorized({ challenge: [] })],
    ['empty blockedBy', () => new UnavailableForLegalReasons({ blockedBy: '' })],
    ['numeric options', () => new (NotFound as any)(404)],
    ['array options', () => new (NotFound as any)(['x'])],
    ['numeric detail', () => new NotFound({ detail: 42 as any })],
    ['string expose', () => new NotFound({ expose: 'yes' as any })],
    ['array extensions', () => new NotFound({ extensions: [] as any })],
    ['null headers', () => new NotFound({ headers: null as any })],
  ])('rejects misuse with a coded TypeError: %s', (_name, make) => {
    expect(make).toThrow(UsageError)
    expect(make).toThrow(TypeError)
    try {
      make()
    } catch (error) {
      expect((error as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
      expect((error as Error).message).toMatch(/^http-problems: option "/)
    }
  })

  it.each([200, 399, 600, 404.5, Number.NaN])('rejects status %s', (status) => {
    expect(() => new HttpProblem(status)).toThrow(expect.objectContaining({ code: 'ERR_HTTP_PROBLEMS_INVALID_STATUS' }))
  })

  it('toJSON gives the public members and hides a 5xx detail', () => {
    expect(new NotFound({ detail: 'no', extensions: { id: 7, status: 1 } as any }).toJSON()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'no',
      code: 'NOT_FOUND',
      id: 7,
    })
    expect(new InternalServerError('db password wrong').toJSON()).not.toHaveProperty('detail')
    // No detail, no member: not even one holding undefined, which a spread or Object.keys would show.
    expect(Object.keys(new NotFound().toJSON())).toEqual(['type', 'title', 'status', 'code'])
    expect(new InternalServerError({ detail: 'shown', expose: true }).toJSON()).toHaveProperty('detail', 'shown')
    expect(JSON.stringify(new InternalServerError('secret'))).not.toContain('secret')
  })

  it('refuses options that are neither a string nor a plain object, null included', () => {
    const message = (value: string): string => `http-problems: option "options" must be a string (the detail) or an options object, received ${value}`
    expect(() => new HttpProblem(404, null as never)).toThrow(message('null'))
    expect(() => new NotFound([] as never)).toThrow(message('an array'))
    expect(() => new NotFound(42 as never)).toThrow(message('number 42'))
  })

  it('keeps header values that are strings or finite numbers, in lower case, and drops the rest', () => {
    const headers = { 'X-Text': 'a', 'X-Count': 3, 'X-Flag': true, 'X-Nan': Number.NaN, 'X-Inf': Infinity, 'X-Obj': {}, 'X-Null': null, 'X-Big': 1n }
    expect(new NotFound({ headers: headers as never }).headers).toEqual({ 'x-text': 'a', 'x-count': '3' })
  })

  it('refuses extensions and headers that are not plain objects, a string included', () => {
    expect(() => new NotFound({ extensions: 'abc' as never })).toThrow('http-problems: option "extensions" must be a plain object, received the string "abc"')
    expect(() => new NotFound({ headers: 'x-a: 1' as never })).toThrow('http-problems: option "headers" must be a plain object, received the string "x-a: 1"')
    expect(() => new NotFound({ headers: [] as never })).toThrow('http-problems: option "headers" must be a plain object, received an array')
  })

  it('createProblem returns the class for the status, or a base problem', () => {
    const notFound = createProblem(404, 'gone')
    expect(notFound).toBeInstanceOf(NotFound)
    expect(notFound.detail).toBe('gone')
    expect(createProblem(429, { retryAfter: 3 }).headers['retry-after']).toBe('3')
    const unknown = createProblem(499)
    expect(unknown.constructor).toBe(HttpProblem)
    expect(unknown.title).toBe('Client Error')
    expect(createProblem(599).title).toBe('Server Error')
    expect(createProblem(509).title).toBe('Bandwidth Limit Exceeded')
    expect(() => createProblem('404' as any)).toThrow(expect.objectContaining({ code: 'ERR_HTTP_PROBLEMS_INVALID_STATUS' }))
    expect(() => createProblem(302)).toThrow(UsageError)
  })

  it('instanceof is by status for the generated classes, not by accident', () => {
    expect(new NotFound()).not.toBeInstanceOf(Forbidden)
    expect(createProblem(404)).toBeInstanceOf(NotFound)
    expect(new HttpProblem(404)).toBeInstanceOf(NotFound)
    expect(new HttpProblem(403)).not.toBeInstanceOf(NotFound)
    expect({ status: 404 }).not.toBeInstanceOf(NotFound)
    expect(null).not.toBeInstanceOf(HttpProblem)
    class UserNotFound extends NotFound {}
    expect(new UserNotFound()).toBeInstanceOf(UserNotFound)
    expect(new UserNotFound()).toBeInstanceOf(NotFound)
    expect(new NotFound()).not.toBeInstanceOf(UserNotFound)
    expect(new UserNotFound().name).toBe('NotFound')
  })

  describe('a second loaded copy of the package', () => {
    // The second copy is loaded in a hook, not in the test: code a module runs when it loads stays
    // outside every test, so Stryker counts its mutants as static (CONTRIBUTING.md "Mutation testing")
    // instead of activating them after the suite's own copy was loaded, where they could never act.
    let copy: typeof import('../src/index.js')
    beforeAll(async () => {
      vi.resetModules()
      copy = (await import('../src/index.js')) as typeof import('../src/index.js')
    })

    it('isHttpProblem and instanceof work across two loaded copies of the package', () => {
      expect(copy.NotFound).not.toBe(NotFound)
      const foreign = new copy.NotFound('from the other copy')
      expect(foreign instanceof NotFound).toBe(true)
      expect(foreign instanceof HttpProblem).toBe(true)
      expect(foreign instanceof Forbidden).toBe(false)
      expect(isHttpProblem(foreign)).toBe(true)
      expect(copy.isHttpProblem(new NotFound())).toBe(true)
      expect(new NotFound() instanceof copy.NotFound).toBe(true)
    })
  })

  it('isHttpProblem is false for look-alikes and never throws', () => {
    expect(isHttpProblem({ status: 404, title: 'Not Found' })).toBe(false)
    expect(isHttpProblem(new Error('x'))).toBe(false)
    expect(isHttpProblem('x')).toBe(false)
    for (const value of [null, undefined, 404, true, Symbol('x'), 10n, () => undefined]) expect(isHttpProblem(value)).toBe(false)
    const hostile = new Proxy({}, { get() { throw new Error('trap') } })
    expect(isHttpProblem(hostile)).toBe(false)
  })
})
