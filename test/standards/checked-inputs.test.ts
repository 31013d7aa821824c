/**
 * Issue #11, items 3, 5 and 8: values that cannot become a valid answer are refused where they
 * are given, with a `UsageError` naming the option: `retryAfter` (classes, createProblem, the
 * option of both adapters), `upgrade` (the class and the option), `type` (classes, createProblem,
 * HttpProblem, defineProblem, `typeBaseUrl`), `allow` (method tokens) and `blockedBy`.
 */
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import problems, {
  ContentTooLarge,
  HttpProblem,
  MethodNotAllowed,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  UnavailableForLegalReasons,
  UpgradeRequired,
  UsageError,
  createProblem,
  defineProblem,
} from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'

function refused(make: () => unknown, option: string): void {
  expect(make).toThrow(UsageError)
  expect(make).toThrow(`option "${option}"`)
}

/** Registers the Fastify plugin, then creates the Express middleware, with `options`. */
async function refusedByBothAdapters(options: Record<string, unknown>, option: string): Promise<void> {
  const app = Fastify()
  await expect(app.register(problems, options)).rejects.toThrow(`option "${option}"`)
  await app.close()
  refused(() => expressProblems(options), option)
}

const DAY = 86_400_000
/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the first and last seconds an IMF-fixdate can write. */
const FIRST_SECOND = Date.UTC(2000, 0, 1) - 730_119 * DAY
const LAST_SECOND = Date.UTC(9999, 11, 31, 23, 59, 59)

describe('retryAfter', () => {
  const makers = [
    ['TooManyRequests', (retryAfter: unknown) => new TooManyRequests({ retryAfter } as never)],
    ['ContentTooLarge', (retryAfter: unknown) => new ContentTooLarge({ retryAfter } as never)],
    ['ServiceUnavailable', (retryAfter: unknown) => new ServiceUnavailable({ retryAfter } as never)],
    ['createProblem(429)', (retryAfter: unknown) => createProblem(429, { retryAfter } as never)],
  ] as const

  it.each(makers)('%s refuses negative, NaN and infinite seconds, and Dates it cannot write', (_name, make) => {
    for (const bad of [-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '60', null]) {
      refused(() => make(bad), 'retryAfter')
    }
    for (const date of [new Date(Number.NaN), new Date(LAST_SECOND + 1000), new Date(FIRST_SECOND - 1000), new Date(LAST_SECOND + 1)]) {
      refused(() => make(date), 'retryAfter')
    }
  })

  it.each(makers)('%s sends integers only, rounded up and capped at 2147483648', (_name, make) => {
    const cases: [number | Date, string][] = [
      [0, '0'],
      [1.2, '2'],
      [0.001, '1'],
      [2147483648, '2147483648'],
      [2147483649, '2147483648'],
      [1e21, '2147483648'],
      [Number.MAX_VALUE, '2147483648'],
      [new Date(Date.UTC(2030, 0, 2, 3, 4, 5)), 'Wed, 02 Jan 2030 03:04:05 GMT'],
      [new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 1)), 'Wed, 02 Jan 2030 03:04:06 GMT'],
      [new Date(LAST_SECOND), 'Fri, 31 Dec 9999 23:59:59 GMT'],
      [new Date(FIRST_SECOND), 'Mon, 01 Jan 0001 00:00:00 GMT'],
    ]
    for (const [given, sent] of cases) expect([given, make(given).headers['retry-after']]).toEqual([given, sent])
  })

  it('the option refuses negative, NaN and infinite seconds in both adapters', async () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '60']) await refusedByBothAdapters({ retryAfter: bad }, 'retryAfter')
  })
})

describe('upgrade', () => {
  it('UpgradeRequired refuses a value that is not a list of protocols', () => {
    for (const bad of ['', ' ', 'not a protocol', 'h2c,', 'TLS/', 'a\r\nb', 42]) {
      refused(() => new UpgradeRequired({ upgrade: bad } as never), 'upgrade')
    }
    expect(new UpgradeRequired({ upgrade: 'TLS/1.3, HTTP/1.1' }).headers.upgrade).toBe('TLS/1.3, HTTP/1.1')
  })

  it('the option refuses the same values in both adapters', async () => {
    for (const bad of ['', 'not a protocol', 42]) await refusedByBothAdapters({ upgrade: bad }, 'upgrade')
  })
})

describe('type is a URI reference (RFC 3986)', () => {
  const valid = ['https://example.com/problems/out-of-stock', '/problems/x', 'urn:problem:x', 'about:blank', 'tag:example.com,2026:x', 'https://e.example/caf%C3%A9', '#x']
  const invalid = ['not a uri', 'https://e.example/a b', 'https://e.example/é', '1x:y', 'https://e.example/%zz', 'a<b>', 'https://e.example/{x}', 'x#a#b']

  it.each(invalid)('%j is refused by the classes, createProblem, HttpProblem and defineProblem', (type) => {
    refused(() => new NotFound({ type }), 'type')
    refused(() => createProblem(404, { type }), 'type')
    refused(() => createProblem(499, { type }), 'type')
    refused(() => new HttpProblem(400, { type }), 'type')
    refused(() => defineProblem({ name: 'Broken', status: 400, type, title: 'Broken' }), 'type')
  })

  it('a type that is not a string is refused', () => {
    refused(() => new NotFound({ type: 42 } as never), 'type')
    refused(() => defineProblem({ name: 'Broken', status: 400, type: 42 as never, title: 'Broken' }), 'type')
  })

  it.each(valid)('%j is accepted', (type) => {
    expect(new NotFound({ type }).type).toBe(type)
  })

  it('typeBaseUrl must be an RFC 3986 URI, even where WHATWG URL is lenient, in both adapters', async () => {
    await refusedByBothAdapters({ typeBaseUrl: 'https://errors.example/a b' }, 'typeBaseUrl')
    await refusedByBothAdapters({ typeBaseUrl: 'https://errors.example/é' }, 'typeBaseUrl')
  })
})

describe('allow lists method tokens (RFC 9110 9.1)', () => {
  it.each([['bad method'], ['GET, POST'], [''], ['GET\r\nX-Evil: 1'], ['GÉT']])('%j is refused', (method) => {
    refused(() => new MethodNotAllowed({ allow: ['GET', method] }), 'allow')
    refused(() => createProblem(405, { allow: [method] }), 'allow')
  })

  it('accepts registered and extension methods, and an empty list', () => {
    expect(new MethodNotAllowed({ allow: ['GET', 'HEAD', 'PROPFIND', 'M-SEARCH'] }).headers.allow).toBe('GET, HEAD, PROPFIND, M-SEARCH')
    expect(new MethodNotAllowed({ allow: [] }).headers.allow).toBe('')
  })
})

describe('blockedBy', () => {
  it('refuses an empty or non-string URI', () => {
    refused(() => new UnavailableForLegalReasons({ blockedBy: '' }), 'blockedBy')
    refused(() => new UnavailableForLegalReasons({ blockedBy: 42 } as never), 'blockedBy')
  })
})
