// The rules normalize applies to foreign errors, each at its boundaries: which status is an HTTP
// answer, which code may reach a client, what boom's output means. Both forms (the problem and the
// members-only answer) follow the same rules.
import Boom from '@hapi/boom'
import { describe, expect, it } from 'vitest'
import { normalize } from '../src/index.js'
import { normalizeToMembers } from '../src/normalize.js'

const FORMS = [
  ['normalize', normalize],
  ['normalizeToMembers', normalizeToMembers],
] as const

describe.each(FORMS)('%s', (_name, normalizeAny) => {
  describe('the status of a foreign error: an integer or a three-digit string from 400 to 599', () => {
    it.each([
      [400, 400],
      [599, 599],
      [399, 500],
      [600, 500],
      [404.5, 500],
      [Number.NaN, 500],
      ['404', 404],
      ['599', 599],
      ['399', 500],
      ['4040', 500],
      ['40', 500],
      [' 404', 500],
      ['404 ', 500],
      ['4e2', 500],
      ['0x190', 500],
      [null, 500],
    ])('status %o → %i', (status, expected) => {
      expect(normalizeAny(Object.assign(new Error('x'), { status })).status).toBe(expected)
    })

    it('statusCode when status is no answer; status first when both are', () => {
      expect(normalizeAny({ status: 200, statusCode: 409 }).status).toBe(409)
      expect(normalizeAny({ status: 'abc', statusCode: '410' }).status).toBe(410)
      expect(normalizeAny({ status: 404, statusCode: 409 }).status).toBe(404)
    })
  })

  describe('the public-code rule: CONSTANT_CASE up to 64 characters, never Fastify\'s FST_ codes', () => {
    const exposed = (code: string): string | undefined => normalizeAny({ status: 409, message: 'Taken', code }).code

    it.each(['A', 'USER_NOT_FOUND', 'E2', `A${'B'.repeat(63)}`, 'XFST_ERR', 'A_FST_', 'FST'])('%s reaches the client', (code) => {
      expect(exposed(code)).toBe(code)
    })

    it.each([
      ['an FST_ code', 'FST_ERR_CTP_INVALID_MEDIA_TYPE'],
      ['FST_ alone', 'FST_'],
      ['65 characters', `A${'B'.repeat(64)}`],
      ['lower case', 'user_not_found'],
      ['mixed case', 'User_NOT_FOUND'],
      ['a leading digit', '1ABC'],
      ['a leading underscore', '_ABC'],
      ['a dash', 'ABC-DEF'],
      ['a leading space', ' ABC'],
      ['a trailing space', 'ABC '],
      ['a trailing line break', 'ABC\n'],
      ['an inner line break', 'ABC\nDEF'],
      ['empty', ''],
    ])('%s stays out: the class code instead', (_label, code) => {
      expect(exposed(code)).toBe('CONFLICT')
    })

    it('a code that is no string stays out, even one whose text would pass the rule', () => {
      for (const code of [['USER_TAKEN'], { toString: () => 'USER_TAKEN' }, 409]) {
        expect(normalizeAny({ status: 409, message: 'Taken', code }).code).toBe('CONFLICT')
      }
    })

    it('a code that is not exposed stays out, whatever its form', () => {
      expect(normalizeAny({ status: 503, message: 'db down', code: 'DB_DOWN' }).code).toBe('SERVICE_UNAVAILABLE')
      expect(normalizeAny({ status: 409, expose: false, code: 'TAKEN' }).code).toBe('CONFLICT')
      expect(normalizeAny({ status: 503, expose: true, code: 'DB_DOWN' }).code).toBe('DB_DOWN')
    })
  })

  describe('expose: a boolean flag wins, else status < 500', () => {
    it.each([
      [{ status: 499, message: 'm' }, 'm'],
      [{ status: 500, message: 'm' }, undefined],
      [{ status: 409, expose: false, message: 'm' }, undefined],
      [{ status: 502, expose: true, message: 'm' }, 'm'],
      [{ status: 502, expose: 'yes', message: 'm' }, undefined],
      [{ status: 409, expose: 0, message: 'm' }, 'm'],
    ])('%o: detail %s', (thrown, detail) => {
      expect(normalizeAny(thrown).detail).toBe(detail)
    })

    it('a message that is empty, no string, or the title itself is no detail', () => {
      expect(normalizeAny({ status: 409, message: '' }).detail).toBeUndefined()
      expect(normalizeAny({ status: 409, message: 42 }).detail).toBeUndefined()
      expect(normalizeAny({ status: 409, message: 'Conflict' }).detail).toBeUndefined()
    })
  })

  describe("boom: output.statusCode and output.headers, when isBoom is true and output an object", () => {
    it('a boom error answers with its output', () => {
      const problem = normalizeAny(Boom.tooManyRequests('slow down'))
      expect(problem.status).toBe(429)
      const unauthorized = normalizeAny(Boom.unauthorized('who?', 'Bearer'))
      expect(unauthorized.status).toBe(401)
      expect(unauthorized.headers['www-authenticate'] ?? unauthorized.headers['WWW-Authenticate']).toMatch(/^Bearer/)
    })

    it('output wins over the top-level status and headers', () => {
      const thrown = { isBoom: true, status: 404, headers: { 'x-top': '1' }, output: { statusCode: 409, headers: { 'x-output': '2' } } }
      const problem = normalizeAny(thrown)
      expect(problem.status).toBe(409)
      expect(problem.headers).toEqual({ 'x-output': '2' })
    })

    it('an output that is not an object, or isBoom not exactly true: read like any other error', () => {
      expect(normalizeAny({ isBoom: true, output: null, statusCode: 404 }).status).toBe(404)
      expect(normalizeAny({ isBoom: true, output: 'x', status: 409 }).status).toBe(409)
      expect(normalizeAny({ isBoom: 'true', output: { statusCode: 409 }, status: 404 }).status).toBe(404)
      expect(normalizeAny({ isBoom: true, output: { statusCode: 200 }, status: 404 }).status).toBe(500)
    })
  })

  describe('foreign headers: strings and finite numbers only', () => {
    it('keeps strings and finite numbers, drops the rest', () => {
      const headers = { 'x-s': 'v', 'x-n': 3, 'x-nan': Number.NaN, 'x-inf': Infinity, 'x-o': {}, 'x-b': true }
      expect(normalizeAny({ status: 409, headers }).headers).toEqual({ 'x-s': 'v', 'x-n': '3' })
    })

    it('headers that are no object are none', () => {
      expect(normalizeAny({ status: 409, headers: 'x-a: 1' }).headers).toEqual({})
      expect(normalizeAny({ status: 409, headers: null }).headers).toEqual({})
    })
  })

  describe('validation errors', () => {
    it('the context names the part of the request, body by default', () => {
      const issue = { instancePath: '/name', message: 'must be string' }
      expect(normalizeAny({ validation: [issue], validationContext: 'querystring' }).detail).toBe('The request query string is invalid.')
      expect(normalizeAny({ validation: [issue], validationContext: 7 }).detail).toBe('The request body is invalid.')
    })
  })
})
