// Property-based: arbitrary thrown values (fast-check's `anything`, foreign errors with arbitrary
// statuses and headers, http-errors, boom, our problems with arbitrary option combinations, and
// the hostile values) under arbitrary Accept and correlation headers. For every response:
// status 400..599, a JSON body whose status is the wire status, a problem (or JSON) content type,
// the headers 401/405/429 require, one log line, and nothing from a hidden message or a stack.
import Boom from '@hapi/boom'
import fc from 'fast-check'
import createError from 'http-errors'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createProblem,
  isValidCorrelationId,
  normalize,
  renderProblem,
  STATUS_CODES,
  type HttpProblem,
  type ProblemOptions,
} from '../../src/index.js'
import { buildApp, expectProblem, type CapturedLogs } from './helpers.js'
import { HOSTILE_CASES } from './hostile-values.js'

/** Unique per generated case; it goes wherever the library must hide what it carries. */
let sequence = 0
const nextSecret = (): string => `hidden-${process.pid}-${++sequence}-x`

/**
 * What the route throws for one case, made fresh inside the route. `hidden` goes where nothing may
 * ever leak (causes, details that are not exposed); `message` goes into foreign error messages,
 * which a 4xx shows (http-errors' `expose` convention) and a 5xx must not.
 */
interface Case {
  label: string
  make: (hidden: string, message: string) => unknown
}

const statusLike = fc.oneof(
  fc.integer({ min: 400, max: 599 }),
  fc.integer({ min: -1000, max: 2000 }),
  fc.constantFrom<unknown>('404', '500', '422', '200', '999', 'abc', '', Number.NaN, Number.POSITIVE_INFINITY, 404.5, null, true),
)

const headerMap = fc.dictionary(
  fc.oneof(fc.string(), fc.constantFrom('WWW-Authenticate', 'Retry-After', 'Allow', 'content-type', 'x-correlation-id', '__proto__')),
  fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.integer(), fc.constant('')),
  { maxKeys: 5 },
)

const circular = (): object => {
  const value: Record<string, unknown> = {}
  value.self = value
  return value
}
const extensionValue = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.constantFrom<unknown>(1n, () => 1, Symbol('s'), undefined),
  fc.constant(null).map(() => circular()),
  fc.string({ unit: 'binary', maxLength: 300 }),
)

const foreignError: fc.Arbitrary<Case> = fc
  .record(
    {
      status: statusLike,
      statusCode: statusLike,
      expose: fc.boolean(),
      headers: headerMap,
      code: fc.string(),
      message: fc.string({ unit: 'binary' }),
    },
    { requiredKeys: ['message'] },
  )
  .map((fields) => ({
    label: `foreign ${JSON.stringify(fields, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value))}`,
    make: (hidden: string, shown: string) => {
      // An explicit expose: true shows the message at any status; then it carries no secret.
      const message = fields.expose === true ? fields.message : `${shown} ${fields.message}`
      return Object.assign(new Error(message, { cause: new Error(hidden) }), fields, { message })
    },
  }))

const httpError: fc.Arbitrary<Case> = fc
  .record({ status: fc.integer({ min: 400, max: 599 }), message: fc.string(), headers: headerMap })
  .map(({ status, message, headers }) => ({
    label: `http-errors ${status}`,
    make: (hidden: string, shown: string) => createError(status, `${shown} ${message}`, { headers, cause: new Error(hidden) }),
  }))

const boomError: fc.Arbitrary<Case> = fc
  .record({ status: fc.integer({ min: 400, max: 599 }), message: fc.string(), headers: headerMap })
  .map(({ status, message, headers }) => ({
    label: `boom ${status}`,
    make: (_hidden: string, shown: string) => {
      const error = new Boom.Boom(`${shown} ${message}`, { statusCode: status })
      Object.assign(error.output.headers, headers)
      return error
    },
  }))

const problem: fc.Arbitrary<Case> = fc
  .record(
    {
      status: fc.constantFrom(...STATUS_CODES),
      detail: fc.string({ unit: 'binary' }),
      expose: fc.boolean(),
      title: fc.string(),
      type: fc.string(),
      code: fc.string(),
      extensions: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('type', 'status', '__proto__', 'constructor', 'prototype')), extensionValue, { maxKeys: 6 }),
      headers: headerMap,
      allow: fc.array(fc.constantFrom('GET', 'POST', '', 'GET\r\nX: y')),
      size: fc.oneof(fc.nat(), fc.integer()),
      upgrade: fc.string(),
      retryAfter: fc.oneof(fc.nat({ max: 100_000 }), fc.double(), fc.date()),
      challenge: fc.oneof(fc.string(), fc.array(fc.string())),
    },
    { requiredKeys: ['status'] },
  )
  .map(({ status, ...options }) => ({
    label: `problem ${status} ${Object.keys(options).join(',')}`,
    make: (secret: string) => {
      // The detail may only be seen when it is exposed; when hidden, it carries the secret.
      const hidden = options.expose === false || (options.expose === undefined && status >= 500)
      const detail = options.detail === undefined ? undefined : hidden ? `${secret} ${options.detail}` : options.detail
      // Constructing can throw (a bad allow list, say): that throw is then the thrown value.
      return createProblem(status, { ...options, detail, cause: new Error(secret) } as ProblemOptions)
    },
  }))

const anything: fc.Arbitrary<Case> = fc
  .anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withSparseArray: true, withTypedArray: true })
  .map((value) => ({ label: 'anything', make: () => value }))

const hostile: fc.Arbitrary<Case> = fc.constantFrom(...HOSTILE_CASES).map(([label, make]) => ({ label, make }))

const thrownCase = fc.oneof(anything, foreignError, httpError, boomError, problem, hostile)

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  accept: fc.option(
    fc.oneof(
      fc.constantFrom('application/json', 'application/problem+json', 'text/html', '*/*', 'application/json;q=0.1, application/problem+json', 'application/*'),
      fc.string(),
    ),
    { nil: undefined },
  ),
  correlationId: fc.option(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9._~:/+=@-]{1,128}$/)), { nil: undefined }),
  traceparent: fc.option(fc.oneof(fc.string(), fc.constant('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')), { nil: undefined }),
})

let app: FastifyInstance
let logs: CapturedLogs
let current: Case = { label: 'none', make: () => undefined }
let currentSecret = ''
let currentMessage = ''

beforeAll(async () => {
  ;({ app, logs } = await buildApp())
  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'],
    url: '/prop',
    handler: async () => {
      throw current.make(currentSecret, currentMessage)
    },
  })
})

afterAll(async () => {
  await app.close()
})

const REQUIRED_HEADERS: Readonly<Record<number, string>> = { 401: 'www-authenticate', 405: 'allow', 429: 'retry-after' }

describe('every response to anything thrown is a well-formed problem', () => {
  it('over arbitrary thrown values, problem options and request headers', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(thrownCase, requestArb, async (thrown, request) => {
        current = thrown
        currentSecret = nextSecret()
        currentMessage = nextSecret()
        const headers: Record<string, string> = {}
        if (request.accept !== undefined) headers.accept = request.accept
        if (request.correlationId !== undefined) headers['x-correlation-id'] = request.correlationId
        if (request.traceparent !== undefined) headers.traceparent = request.traceparent
        const logged = logs.lines.length
        const response = await app.inject({ method: request.method as 'GET', url: '/prop', headers })

        const body = expectProblem(response)
        const required = REQUIRED_HEADERS[response.statusCode]
        if (required !== undefined) {
          expect(response.headers[required]).toBeDefined()
          if (required !== 'allow') expect(String(response.headers[required]).trim()).not.toBe('')
        }
        // Nothing hidden, no stack frame of this file, whatever the status; no message on a 5xx.
        expect(response.body).not.toContain(currentSecret)
        if (response.statusCode >= 500) expect(response.body).not.toContain(currentMessage)
        expect(response.body).not.toContain('property.test')
        // A correlation id is echoed only when it is safe to.
        if (body.correlationId === request.correlationId) expect(isValidCorrelationId(request.correlationId)).toBe(true)
        expect(isValidCorrelationId(body.correlationId)).toBe(true)
        // Ids repeat across runs (a valid incoming one is reused), so only this request's lines count.
        const lines = logs.lines.slice(logged).filter((line) => line.correlationId === body.correlationId)
        expect(lines).toHaveLength(1)
      }),
      { numRuns: 400 },
    )
  })

  it('HEAD: headers without a body', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(thrownCase, async (thrown) => {
        current = thrown
        const response = await app.inject({ method: 'HEAD', url: '/prop' })
        expect(response.statusCode).toBeGreaterThanOrEqual(400)
        expect(response.statusCode).toBeLessThanOrEqual(599)
        expect(response.body).toBe('')
        expect(isValidCorrelationId(response.headers['x-correlation-id'])).toBe(true)
      }),
      { numRuns: 100 },
    )
  })
})

describe('normalize and renderProblem are total', () => {
  it('for any value as the thrown value, and any value posing as a problem', { timeout: 60_000 }, () => {
    const settings = { exposeStack: true, wwwAuthenticate: 'Bearer', proxyAuthenticate: 'Basic', retryAfter: '60', correlationIdHeader: 'x-correlation-id' }
    fc.assert(
      fc.property(thrownCase, fc.anything({ withBigInt: true, withNullPrototype: true }), fc.string(), (thrown, posing, url) => {
        let value: unknown
        try {
          value = thrown.make(nextSecret(), nextSecret())
        } catch (constructionError) {
          value = constructionError
        }
        for (const candidate of [normalize(value), posing as HttpProblem]) {
          const rendered = renderProblem(candidate, { method: 'GET', url, correlationId: 'c-1' }, settings)
          expect(rendered.status).toBeGreaterThanOrEqual(400)
          expect(rendered.status).toBeLessThanOrEqual(599)
          expect(JSON.parse(rendered.body!).status).toBe(rendered.status)
        }
      }),
      { numRuns: 500 },
    )
  })
})
