// The validation error shapes read out of the box and the contract for more (defineValidationReader),
// entry by entry, without a framework: what becomes `errors[]`, with which JSON pointer.
import { describe, expect, it } from 'vitest'
import {
  MAX_ISSUE_TEXT_LENGTH,
  MAX_VALIDATION_ISSUES,
  UsageError,
  defineValidationReader,
  normalize,
  readValidationIssues,
} from '../../src/index.js'

const ZOD_MARK = Symbol.for('ZodFastifySchemaValidationError')

function errorsOf(thrown: unknown, options: Parameters<typeof normalize>[1] = {}) {
  return normalize(thrown, options).extensions.errors
}

describe('JSON pointers', () => {
  it.each([
    [['a/b'], '#/a~1b'],
    [['a~b'], '#/a~0b'],
    [['~1'], '#/~01'],
    [['a b', 'c#d'], '#/a%20b/c%23d'],
    [['tags', 0, 'name'], '#/tags/0/name'],
    [[], '#'],
    [[''], '#/'],
    [['é'], '#/%C3%A9'],
  ])('%j → %s', (path, pointer) => {
    const reader = defineValidationReader({ name: 'paths', matches: (_entry): _entry is { path: (string | number)[] } => true, read: (entry) => ({ path: entry.path }) })
    expect(readValidationIssues([{ path }], { readers: [reader] })[0]!.pointer).toBe(pointer)
  })

  it('a path of a million segments is cut, at bounded cost', () => {
    const reader = defineValidationReader({ name: 'deep', matches: (_entry): _entry is unknown => true, read: () => ({ path: Array.from({ length: 1_000_000 }, () => 'x') }) })
    expect(readValidationIssues([1], { readers: [reader] })[0]!.pointer.length).toBeLessThanOrEqual(MAX_ISSUE_TEXT_LENGTH)
  })
})

describe('Ajv and TypeBox entries', () => {
  it('Ajv: the instancePath is an escaped pointer, params name the missing or extra member', () => {
    expect(readValidationIssues([
      { instancePath: '/a~1b/0', keyword: 'required', params: { missingProperty: 'c~d' }, message: "must have required property 'c~d'" },
      { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'x/y' }, message: 'must NOT have additional properties' },
    ])).toEqual([
      { in: 'body', pointer: '#/a~1b/0/c~0d', detail: "must have required property 'c~d'" },
      { in: 'body', pointer: '#/x~1y', detail: 'must NOT have additional properties' },
    ])
  })

  it('TypeBox: every member of requiredProperties and additionalProperties is its own issue', () => {
    expect(readValidationIssues([
      { keyword: 'required', schemaPath: '#', instancePath: '/user', params: { requiredProperties: ['name', 'a/b'] }, message: 'must have required properties name, a/b' },
      { keyword: 'additionalProperties', schemaPath: '#', instancePath: '', params: { additionalProperties: ['extra'] }, message: 'must not have additional properties' },
    ])).toEqual([
      { in: 'body', pointer: '#/user/name', detail: "must have required property 'name'" },
      { in: 'body', pointer: '#/user/a~1b', detail: "must have required property 'a/b'" },
      { in: 'body', pointer: '#/extra', detail: 'must NOT have additional properties' },
    ])
  })
})

describe('zod entries', () => {
  it('fastify-type-provider-zod: the joined path is escaped segment by segment; `/` alone is the whole part', () => {
    const entry = (instancePath: string, keyword: string, params: object, message: string) => ({ [ZOD_MARK]: true, instancePath, keyword, params, message })
    expect(readValidationIssues([
      entry('/tags/0/a~b', 'invalid_type', { expected: 'string' }, 'Invalid input: expected string, received number'),
      entry('/', 'invalid_type', { expected: 'object' }, 'Invalid input: expected object, received string'),
      entry('/user', 'unrecognized_keys', { keys: ['x', 'y/z'] }, 'Unrecognized keys: "x", "y/z"'),
    ], { in: 'querystring' })).toEqual([
      { in: 'querystring', pointer: '#/tags/0/a~0b', detail: 'Invalid input: expected string, received number' },
      { in: 'querystring', pointer: '#', detail: 'Invalid input: expected object, received string' },
      { in: 'querystring', pointer: '#/user/x', detail: 'must NOT have additional properties' },
      { in: 'querystring', pointer: '#/user/y~1z', detail: 'must NOT have additional properties' },
    ])
  })

  it("zod's own error (as a hand-written validatorCompiler returns it): exact pointers from the path arrays", () => {
    const zodError = Object.assign(new Error('[...]'), {
      name: 'ZodError',
      issues: [
        { code: 'invalid_type', path: ['a/b', 0], message: 'Invalid input: expected string, received number' },
        { code: 'unrecognized_keys', path: [], keys: ['extra'], message: 'Unrecognized key: "extra"' },
      ],
    })
    // What Fastify makes of a validatorCompiler's `{ error }` when it is an Error.
    const thrown = Object.assign(zodError, { statusCode: 400, code: 'FST_ERR_VALIDATION', validationContext: 'body' })
    const { status, code, detail, extensions } = normalize(thrown, { validationStatus: 422 })
    expect({ status, code, detail, errors: extensions.errors }).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
      detail: 'The request body is invalid.',
      errors: [
        { in: 'body', pointer: '#/a~1b/0', detail: 'Invalid input: expected string, received number' },
        { in: 'body', pointer: '#/extra', detail: 'must NOT have additional properties' },
      ],
    })
  })
})

describe('express-validator entries', () => {
  it('field errors: location becomes `in`, the path becomes a pointer, the value never goes out', () => {
    const issues = readValidationIssues([
      { type: 'field', value: 'secret-1', msg: 'Invalid value', path: 'id', location: 'params' },
      { type: 'field', value: 'a', msg: 'too short', path: 'q', location: 'query' },
      { type: 'field', value: 'x', msg: 'Invalid value', path: 'x-api-key', location: 'headers' },
      { type: 'field', value: 'x', msg: 'Invalid value', path: 'session', location: 'cookies' },
      { type: 'field', value: 1, msg: 'Invalid value', path: 'tags[0].a/b~c', location: 'body' },
      { type: 'field', value: 1, msg: 'Invalid value', path: 'tags[0]["x.y"].z', location: 'body' },
      { type: 'field', value: 1, msg: 'Invalid value', path: '["a.b"]', location: 'body' },
      { type: 'field', value: 1, msg: { i18n: 'key' }, path: '', location: 'body' },
    ])
    expect(issues).toEqual([
      { in: 'params', pointer: '#/id', detail: 'Invalid value' },
      { in: 'querystring', pointer: '#/q', detail: 'too short' },
      { in: 'headers', pointer: '#/x-api-key', detail: 'Invalid value' },
      { in: 'cookies', pointer: '#/session', detail: 'Invalid value' },
      { in: 'body', pointer: '#/tags/0/a~1b~0c', detail: 'Invalid value' },
      { in: 'body', pointer: '#/tags/0/x.y/z', detail: 'Invalid value' },
      { in: 'body', pointer: '#/a.b', detail: 'Invalid value' },
      { in: 'body', pointer: '#', detail: 'is invalid' },
    ])
    expect(JSON.stringify(issues)).not.toContain('secret-1')
  })

  it('oneOf (flat and grouped) and checkExact entries give one issue per field', () => {
    expect(readValidationIssues([
      { type: 'alternative', msg: 'Invalid value(s)', nestedErrors: [{ type: 'field', msg: 'not an email', path: 'contact', location: 'body', value: 'x' }] },
      { type: 'alternative_grouped', msg: 'Invalid value(s)', nestedErrors: [[{ type: 'field', msg: 'required', path: 'a', location: 'body' }], [{ type: 'field', msg: 'required', path: 'b', location: 'query' }]] },
      { type: 'unknown_fields', msg: 'Unknown field(s)', fields: [{ path: 'extra', value: 1, location: 'query' }, { path: 'deep.x', value: 2, location: 'body' }] },
    ])).toEqual([
      { in: 'body', pointer: '#/contact', detail: 'not an email' },
      { in: 'body', pointer: '#/a', detail: 'required' },
      { in: 'querystring', pointer: '#/b', detail: 'required' },
      { in: 'querystring', pointer: '#/extra', detail: 'Unknown field(s)' },
      { in: 'body', pointer: '#/deep/x', detail: 'Unknown field(s)' },
    ])
  })

  it('the error `validationResult(req).throw()` raises, which carries no status: a validation problem, not a 500', () => {
    const entries = [{ type: 'field', value: 'x', msg: 'Invalid value', path: 'age', location: 'body' }]
    const thrown = Object.assign(new Error(), { errors: entries, formatter: (error: unknown) => error, array: () => entries, mapped: () => ({}), isEmpty: () => false })
    const problem = normalize(thrown)
    expect(problem.status).toBe(400)
    expect(problem.detail).toBe('The request body is invalid.')
    expect(problem.extensions.errors).toEqual([{ in: 'body', pointer: '#/age', detail: 'Invalid value' }])
    expect(normalize(thrown, { validationStatus: 422 }).status).toBe(422)
  })

  it('issues in several parts: the detail names none in particular', () => {
    const problem = normalize({ validation: [
      { type: 'field', msg: 'Invalid value', path: 'a', location: 'body' },
      { type: 'field', msg: 'Invalid value', path: 'b', location: 'query' },
    ] })
    expect(problem.detail).toBe('The request data is invalid.')
  })

  it('an AggregateError (errors, but none of the Result methods) stays a 500', () => {
    expect(normalize(new AggregateError([new Error('a')])).status).toBe(500)
  })
})

describe('the request part in the detail', () => {
  it.each([
    ['body', 'The request body is invalid.'],
    ['querystring', 'The request query string is invalid.'],
    ['params', 'The request path parameters are invalid.'],
    ['headers', 'The request headers are invalid.'],
    ['cookies', 'The request cookies are invalid.'],
  ])('%s: %s', (validationContext, detail) => {
    expect(normalize({ validation: [], validationContext }).detail).toBe(detail)
  })
})

describe('defineValidationReader', () => {
  interface JoiError { details: { path: (string | number)[]; message: string }[] }
  const joi = defineValidationReader({
    name: 'joi',
    matches: (entry): entry is JoiError => typeof entry === 'object' && entry !== null && Array.isArray((entry as { details?: unknown }).details),
    read: (error) => error.details.map((detail) => ({ path: detail.path, detail: detail.message })),
  })
  const joiError = { details: [{ path: ['items', 0, 'a/b'], message: '"a/b" is required' }, { path: ['n'], message: '"n" must be a number' }] }

  it('a taught shape becomes issues, before the built-in readers', () => {
    expect(errorsOf({ validation: [joiError], validationContext: 'body' }, { validationReaders: [joi] })).toEqual([
      { in: 'body', pointer: '#/items/0/a~1b', detail: '"a/b" is required' },
      { in: 'body', pointer: '#/n', detail: '"n" must be a number' },
    ])
    // Without the reader, the generic one sees no pointer in it.
    expect(errorsOf({ validation: [joiError], validationContext: 'body' })).toEqual([{ in: 'body', pointer: '#', detail: 'is invalid' }])
  })

  it('a reader may name the part, and return one finding or none', () => {
    const single = defineValidationReader({
      name: 'single',
      matches: (entry): entry is { field: string } => typeof (entry as { field?: unknown })?.field === 'string',
      read: (entry) => (entry.field === 'skip' ? undefined : { path: [entry.field], in: 'headers' }),
    })
    expect(readValidationIssues([{ field: 'x-a' }, { field: 'skip' }], { readers: [single] })).toEqual([{ in: 'headers', pointer: '#/x-a', detail: 'is invalid' }])
  })

  it('a reader that throws, or returns nonsense, costs its own entries only', () => {
    const throwing = defineValidationReader({ name: 'throwing', matches: (entry): entry is 'boom' => entry === 'boom', read: () => { throw new Error('reader bug') } })
    const throwingMatch = defineValidationReader({ name: 'throwingMatch', matches: (_entry): _entry is never => { throw new Error('matches bug') }, read: () => undefined })
    const nonsense = defineValidationReader({ name: 'nonsense', matches: (entry): entry is 'junk' => entry === 'junk', read: () => [null, { path: 'no array' }, { path: ['ok', { not: 'a segment' }, 'lost'] }] as never })
    expect(readValidationIssues(['boom', 'junk', { instancePath: '/fine', message: 'bad' }], { readers: [throwingMatch, throwing, nonsense] })).toEqual([
      { in: 'body', pointer: '#/ok', detail: 'is invalid' },
      { in: 'body', pointer: '#/fine', detail: 'bad' },
    ])
  })

  it('at most MAX_VALIDATION_ISSUES issues, however many a reader returns', () => {
    const many = defineValidationReader({ name: 'many', matches: (_entry): _entry is unknown => true, read: () => Array.from({ length: 10_000 }, (_, index) => ({ path: [index] })) })
    expect(readValidationIssues([1, 2], { readers: [many] })).toHaveLength(MAX_VALIDATION_ISSUES)
  })

  it.each<[string, unknown, RegExp]>([
    ['no object', null, /defineValidationReader/],
    ['no name', { name: '', matches: () => true, read: () => undefined }, /defineValidationReader\.name/],
    ['no matches', { name: 'x', read: () => undefined }, /x\.matches/],
    ['no read', { name: 'x', matches: () => true }, /x\.read/],
  ])('refuses a definition with %s', (_case, definition, message) => {
    expect(() => defineValidationReader(definition as never)).toThrow(UsageError)
    expect(() => defineValidationReader(definition as never)).toThrow(message)
  })
})

describe('readValidationIssues', () => {
  it.each([
    ['entries that are not an array', () => readValidationIssues('nope' as never), /"entries"/],
    ['a part that is not a string', () => readValidationIssues([], { in: 7 as never }), /"in"/],
    ['readers that are not an array', () => readValidationIssues([], { readers: {} as never }), /"readers"/],
    ['a reader not made by defineValidationReader', () => readValidationIssues([], { readers: [{ name: 'x', matches: () => true, read: () => undefined }] as never }), /"readers\[0\]"/],
  ])('refuses %s', (_case, call, message) => {
    expect(call).toThrow(UsageError)
    expect(call).toThrow(message)
  })
})
