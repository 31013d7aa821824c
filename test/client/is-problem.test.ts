import { describe, expect, it } from 'vitest'
import { isProblem } from '../../src/client/index.js'
import { NotFound } from '../../src/index.js'

describe('isProblem', () => {
  it.each([
    ['a full body', { type: 'about:blank', title: 'Not Found', status: 404, detail: 'd', instance: '/x', code: 'C', correlationId: 'id' }],
    ['status only', { status: 503 }],
    ['the first error status', { status: 400 }],
    ['the last error status', { status: 599 }],
    ['title only', { title: 'Out of credit' }],
    ['type only, with extensions', { type: 'https://example.com/p', balance: 30 }],
    ['an HttpProblem instance (its hidden detail is undefined, not a wrong type)', new NotFound()],
  ])('accepts %s', (_name, value) => {
    expect(isProblem(value)).toBe(true)
  })

  it.each([
    ['null', null],
    ['a string', 'Not Found'],
    ['an array', [{ status: 404 }]],
    ['an array that carries problem members', Object.assign([], { title: 'Not Found', status: 404 })],
    ['a function that carries problem members', Object.assign(() => undefined, { title: 'Not Found', status: 404 })],
    ['an object with no identifying member', { detail: 'x', code: 'C' }],
    ['a numeric title', { title: 42 }],
    ['a non-string type', { type: null, status: 404 }],
    ['a non-string correlationId', { status: 404, correlationId: 7 }],
    ['a string status', { status: '404' }],
    ['a fractional status', { status: 404.5 }],
    ['a success status', { status: 200, title: 'OK' }],
    ['a status above 599', { status: 600 }],
    ['Fastify default error JSON', { statusCode: 404, error: 'Not Found', message: 'Route not found' }],
  ])('rejects %s', (_name, value) => {
    expect(isProblem(value)).toBe(false)
  })

  it('rejects a Proxy whose traps throw instead of throwing itself', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(isProblem(hostile)).toBe(false)
  })

  it('narrows to ProblemDocument', () => {
    const value: unknown = { title: 'Gone', status: 410 }
    if (!isProblem(value)) throw new Error('expected a problem')
    const title: string | undefined = value.title
    expect(title).toBe('Gone')
  })
})
