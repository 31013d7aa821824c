/**
 * Issue #11, items 3, 4, 5 and 9: every header value a problem carries follows its standard, in
 * both adapters, over real sockets: Retry-After (RFC 9110 10.2.3, RFC 9111 1.2.2), the Link of a
 * 451 (RFC 8288 3, RFC 7725 4), Upgrade on every 426 (RFC 9110 15.5.22, 7.8), and content types
 * without a charset parameter (RFC 8259 11).
 */
import Boom from '@hapi/boom'
import createError from 'http-errors'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  HttpProblem,
  ServiceUnavailable,
  TooManyRequests,
  UnavailableForLegalReasons,
  UpgradeRequired,
} from '../../src/index.js'
import { expectProblem } from '../../src/testing/index.js'
import { serveBoth, type Adapters } from './adapters.js'

interface Case {
  name: string
  status: number
  thrown: () => unknown
  /** Headers the answer must carry exactly; `undefined` means "absent". */
  headers: Record<string, string | undefined>
}

/** What a 426 answers a client that sent `Connection: close`, as supertest does. */
const CONNECTION_OF_426 = 'Upgrade, close'

const CASES: Case[] = [
  {
    name: 'seconds over 2^31 are sent as 2147483648',
    status: 429,
    thrown: () => new TooManyRequests({ retryAfter: 1e21 }),
    headers: { 'retry-after': '2147483648' },
  },
  {
    name: 'Number.MAX_VALUE seconds are sent as 2147483648, never 1.797…e+308',
    status: 503,
    thrown: () => new ServiceUnavailable({ retryAfter: Number.MAX_VALUE }),
    headers: { 'retry-after': '2147483648' },
  },
  {
    name: 'a Date is rounded up to the second, like seconds',
    status: 503,
    thrown: () => new ServiceUnavailable({ retryAfter: new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 1)) }),
    headers: { 'retry-after': 'Wed, 02 Jan 2030 03:04:06 GMT' },
  },
  {
    name: 'a foreign 429 with Retry-After: soon gets the default instead',
    status: 429,
    thrown: () => createError(429, { headers: { 'Retry-After': 'soon' } }),
    headers: { 'retry-after': '60' },
  },
  {
    name: 'a foreign 429 with a numeric 1e21 (sent as "1e+21") gets the default instead',
    status: 429,
    thrown: () => createError(429, { headers: { 'Retry-After': 1e21 as unknown as string } }),
    headers: { 'retry-after': '60' },
  },
  {
    name: 'a foreign 503 with an invalid Retry-After sends none',
    status: 503,
    thrown: () => createError(503, { headers: { 'Retry-After': 'Sat, 01 Jan 10000 00:00:00 GMT' } }),
    headers: { 'retry-after': undefined },
  },
  {
    name: 'a foreign huge delay-seconds is capped',
    status: 503,
    thrown: () => createError(503, { headers: { 'Retry-After': '99999999999999999999' } }),
    headers: { 'retry-after': '2147483648' },
  },
  {
    name: "a problem's own headers with a wrong-weekday date: dropped",
    status: 503,
    thrown: () => new HttpProblem(503, { headers: { 'retry-after': 'Mon, 02 Jan 2030 03:04:06 GMT' } }),
    headers: { 'retry-after': undefined },
  },
  {
    name: 'blockedBy with `>; rel="preload"` stays one blocked-by link',
    status: 451,
    thrown: () => new UnavailableForLegalReasons({ blockedBy: 'https://a.example/x>; rel="preload' }),
    headers: { link: '<https://a.example/x%3E;%20rel=%22preload>; rel="blocked-by"' },
  },
  {
    name: 'blockedBy keeps its valid %XX and encodes the rest once',
    status: 451,
    thrown: () => new UnavailableForLegalReasons({ blockedBy: 'https://a.example/caf%C3%A9 é, <b>' }),
    headers: { link: '<https://a.example/caf%C3%A9%20%C3%A9,%20%3Cb%3E>; rel="blocked-by"' },
  },
  // supertest sends `Connection: close`, which a 426 honours (RFC 9112 9.6, test/wire).
  {
    name: 'createError(426) gets the default Upgrade and Connection: Upgrade',
    status: 426,
    thrown: () => createError(426),
    headers: { upgrade: 'websocket', connection: CONNECTION_OF_426 },
  },
  {
    name: 'new HttpProblem(426) gets the default Upgrade',
    status: 426,
    thrown: () => new HttpProblem(426),
    headers: { upgrade: 'websocket', connection: CONNECTION_OF_426 },
  },
  {
    name: 'a boom 426 gets the default Upgrade',
    status: 426,
    thrown: () => new Boom.Boom('Upgrade', { statusCode: 426 }),
    headers: { upgrade: 'websocket', connection: CONNECTION_OF_426 },
  },
  {
    name: 'a foreign 426 with an invalid Upgrade gets the default',
    status: 426,
    thrown: () => createError(426, { headers: { Upgrade: 'not a protocol' } }),
    headers: { upgrade: 'websocket', connection: CONNECTION_OF_426 },
  },
  {
    name: 'a foreign 426 with its own Upgrade keeps it and gains Connection: Upgrade',
    status: 426,
    thrown: () => createError(426, { headers: { Upgrade: 'TLS/1.3' } }),
    headers: { upgrade: 'TLS/1.3', connection: CONNECTION_OF_426 },
  },
  {
    name: 'UpgradeRequired sends its own protocols',
    status: 426,
    thrown: () => new UpgradeRequired({ upgrade: 'TLS/1.3, HTTP/1.1' }),
    headers: { upgrade: 'TLS/1.3, HTTP/1.1', connection: CONNECTION_OF_426 },
  },
]

describe.each(['default options', 'upgrade and retryAfter options'] as const)('header values (%s)', (variant) => {
  const options = variant === 'default options' ? {} : { upgrade: 'h2c', retryAfter: 1e21 }
  let adapters: Adapters

  beforeAll(async () => {
    adapters = await serveBoth(Object.fromEntries(CASES.map((testCase, index) => [`/cases/${index}`, testCase.thrown])), options)
  })

  afterAll(() => adapters.close())

  it.each(CASES.map((testCase, index) => [testCase.name, testCase, index] as const))('%s', async (_name, testCase, index) => {
    for (const { name, server } of adapters.servers) {
      const response = await request(server).get(`/cases/${index}`)
      expectProblem(response, { status: testCase.status })
      for (const [header, value] of Object.entries(testCase.headers)) {
        const expected = variant === 'default options' ? value : withOptions(header, value)
        expect([name, header, response.headers[header]]).toEqual([name, header, expected])
      }
    }
  })
})

/** What the options change: the defaults a problem gets when it carries no valid value. */
function withOptions(header: string, value: string | undefined): string | undefined {
  if (header === 'retry-after' && value === '60') return '2147483648'
  if (header === 'upgrade' && value === 'websocket') return 'h2c'
  return value
}

describe('content types carry no charset parameter (RFC 8259 11)', () => {
  let adapters: Adapters

  beforeAll(async () => {
    adapters = await serveBoth({ '/boom': () => new Error('boom') })
  })

  afterAll(() => adapters.close())

  it.each([
    ['*/*', 'application/problem+json'],
    ['application/json', 'application/json'],
  ])('Accept: %s → %s, thrown and not found, in both adapters', async (accept, contentType) => {
    for (const { name, server } of adapters.servers) {
      for (const path of ['/boom', '/nowhere']) {
        const response = await request(server).get(path).set('accept', accept)
        expect([name, path, response.headers['content-type']]).toEqual([name, path, contentType])
      }
    }
  })
})
