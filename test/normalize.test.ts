import Boom from '@hapi/boom'
import createFastifyError from '@fastify/error'
import createError from 'http-errors'
import { describe, expect, it } from 'vitest'
import { InternalServerError, NotFound, normalize } from '../src/index.js'

describe('normalize', () => {
  it('passes our own problems through unchanged', () => {
    const problem = new NotFound('x')
    expect(normalize(problem)).toBe(problem)
  })

  it('keeps an http-errors status, message and headers', () => {
    const thrown = createError(429, 'Slow down', { headers: { 'Retry-After': '12' } })
    const problem = normalize(thrown)
    expect(problem.status).toBe(429)
    expect(problem.detail).toBe('Slow down')
    expect(problem.headers).toEqual({ 'retry-after': '12' })
    expect(problem.cause).toBe(thrown)
  })

  it('omits a detail that only repeats the title', () => {
    expect(normalize(createError(404)).detail).toBeUndefined()
  })

  it('hides the message of a 5xx http-error and of an unexposed 4xx', () => {
    expect(normalize(createError(503, 'replica lag 30s')).detail).toBeUndefined()
    expect(normalize(createError(503, 'replica lag 30s')).expose).toBe(false)
    expect(normalize(createError(400, 'internal', { expose: false })).detail).toBeUndefined()
    expect(normalize(createError(502, 'upstream said hi', { expose: true })).detail).toBe('upstream said hi')
  })

  it('keeps a @fastify/error status, message and public code', () => {
    const UserMissing = createFastifyError('USER_MISSING', 'User %s is missing', 404)
    const problem = normalize(new UserMissing('42'))
    expect(problem).toMatchObject({ status: 404, detail: 'User 42 is missing', code: 'USER_MISSING' })
  })

  it('never copies Fastify-internal or odd codes', () => {
    expect(normalize(Object.assign(new Error('x'), { statusCode: 400, code: 'FST_ERR_SOMETHING' })).code).toBe('BAD_REQUEST')
    expect(normalize(Object.assign(new Error('x'), { statusCode: 400, code: 'lower-case' })).code).toBe('BAD_REQUEST')
    expect(normalize(Object.assign(new Error('x'), { statusCode: 500, code: 'ECONNREFUSED' })).code).toBe(
      'INTERNAL_SERVER_ERROR',
    )
  })

  it('reads boom errors from output', () => {
    const problem = normalize(Boom.unauthorized('Token expired', 'Bearer', { realm: 'api' }))
    expect(problem.status).toBe(401)
    expect(problem.detail).toBe('Token expired')
    expect(problem.headers['www-authenticate']).toContain('Bearer')
    const server = normalize(Boom.badImplementation('stack secrets'))
    expect(server.status).toBe(500)
    expect(server.expose).toBe(false)
    expect(normalize(Boom.notFound()).status).toBe(404)
  })

  it('turns Fastify validation errors into an errors list with JSON pointers', () => {
    const thrown = Object.assign(new Error('body must have required property'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        { instancePath: '', keyword: 'required', params: { missingProperty: 'name' }, message: "must have required property 'name'" },
        { instancePath: '/age', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' },
        { instancePath: '/a~b/c', keyword: 'additionalProperties', params: { additionalProperty: 'x/y' }, message: 'no' },
        { instancePath: '/tags/0', keyword: 'type', params: {} },
        'not an object',
      ],
    })
    const problem = normalize(thrown)
    expect(problem.status).toBe(400)
    expect(problem.code).toBe('VALIDATION_FAILED')
    expect(problem.detail).toBe('The request body is invalid.')
    expect(problem.extensions.errors).toEqual([
      { in: 'body', pointer: '#/name', detail: "must have required property 'name'" },
      { in: 'body', pointer: '#/age', detail: 'must be integer' },
      { in: 'body', pointer: '#/a~0b/c/x~1y', detail: 'no' },
      { in: 'body', pointer: '#/tags/0', detail: 'is invalid' },
    ])
    expect(normalize(thrown, { validationStatus: 422 }).status).toBe(422)
    const query = normalize({ validation: [], validationContext: 'querystring' })
    expect(query.detail).toBe('The request query string is invalid.')
  })

  it('caps the number of validation issues', () => {
    const validation = Array.from({ length: 500 }, (_, index) => ({ instancePath: `/${index}`, message: 'bad' }))
    expect((normalize({ validation, validationContext: 'body' }).extensions.errors as unknown[]).length).toBe(50)
  })

  it.each([
    ['a plain Error', new Error('secret')],
    ['a TypeError', new TypeError('x is undefined')],
    ['a string', 'oops'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a symbol', Symbol('s')],
    ['an object without prototype', Object.create(null)],
    ['an object with status 200', { statusCode: 200 }],
    ['an error with status 302', Object.assign(new Error('x'), { status: 302 })],
    ['status 999', { status: 999 }],
    ['status NaN', { status: Number.NaN }],
    ['status 404.5', { status: 404.5 }],
    ['boom without output', { isBoom: true }],
  ])('turns %s into a 500', (_name, thrown) => {
    const problem = normalize(thrown)
    expect(problem).toBeInstanceOf(InternalServerError)
    expect(problem.status).toBe(500)
    expect(problem.cause).toBe(thrown)
    expect(problem.expose).toBe(false)
  })

  it('accepts three-digit string statuses and prefers `status` over `statusCode`', () => {
    expect(normalize({ status: '404' }).status).toBe(404)
    expect(normalize({ status: 409, statusCode: 400 }).status).toBe(409)
    expect(normalize({ status: 'abc', statusCode: 410 }).status).toBe(410)
  })

  it('survives throwing getters and Proxies', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
      },
    )
    expect(normalize(hostile).status).toBe(500)
    const getters = {
      status: 404,
      get message(): string {
        throw new Error('no message')
      },
      get headers(): Record<string, string> {
        throw new Error('no headers')
      },
    }
    const problem = normalize(getters)
    expect(problem.status).toBe(404)
    expect(problem.detail).toBeUndefined()
    const throwingKeys = { status: 400, headers: new Proxy({}, { ownKeys() { throw new Error('keys') } }) }
    expect(normalize(throwingKeys).headers).toEqual({})
  })

  it('copies only string and number foreign header values', () => {
    const problem = normalize({ status: 503, headers: { 'Retry-After': 30, 'X-Obj': { a: 1 }, 'X-Str': 's', 'X-Inf': Infinity } })
    expect(problem.headers).toEqual({ 'retry-after': '30', 'x-str': 's' })
  })
})
