// The built-in readers' rules on entries that are a little off: what each reads, what it leaves out,
// and which reader an entry goes to. Each case is the `errors[]` a client would get.
import { describe, expect, it } from 'vitest'
import { readValidationIssues } from '../src/index.js'

const ZOD_MARK = Symbol.for('ZodFastifySchemaValidationError')

describe('which reader an entry goes to', () => {
  it('an Ajv entry that happens to carry a `msg` is still read as Ajv (express-validator entries have a type)', () => {
    expect(readValidationIssues([{ instancePath: '/age', keyword: 'type', params: {}, message: 'must be integer', msg: 'note' }])).toEqual([
      { in: 'body', pointer: '#/age', detail: 'must be integer' },
    ])
  })

  it('null, a string or a number is no entry: skipped', () => {
    expect(readValidationIssues([null, 'age is invalid', 7, { instancePath: '/age', message: 'must be integer' }])).toEqual([
      { in: 'body', pointer: '#/age', detail: 'must be integer' },
    ])
  })
})

describe('express-validator paths', () => {
  it.each([
    ['tags[10]', '#/tags/10'],
    ['["say "hi""].x', '#/say%20%22hi%22/x'],
    // What the grammar cannot read stays one member, rather than being lost.
    ['tags[x].name', '#/tags/%5Bx%5D.name'],
    ['a..b', '#/a/..b'],
  ])('%s → %s', (path, pointer) => {
    expect(readValidationIssues([{ type: 'field', msg: 'Invalid value', path, location: 'body' }])[0]!.pointer).toBe(pointer)
  })

  it('a path that is no string names the whole part', () => {
    expect(readValidationIssues([
      { type: 'field', msg: 'Invalid value', location: 'body' },
      { type: 'field', msg: 'Invalid value', path: ['secret'], location: 'body' },
    ])).toEqual([
      { in: 'body', pointer: '#', detail: 'Invalid value' },
      { in: 'body', pointer: '#', detail: 'Invalid value' },
    ])
  })
})

describe('express-validator locations', () => {
  it('a location that is no string (even one that throws when named) leaves the part to the default', () => {
    const hostile = { toString: () => { throw new Error('hostile location') } }
    expect(readValidationIssues([
      { type: 'field', msg: 'Invalid value', path: 'a', location: hostile },
      { type: 'field', msg: 'Invalid value', path: 'b', location: 7 },
    ], { in: 'querystring' })).toEqual([
      { in: 'querystring', pointer: '#/a', detail: 'Invalid value' },
      { in: 'querystring', pointer: '#/b', detail: 'Invalid value' },
    ])
  })
})

describe('zod entries that are a little off', () => {
  it('fastify-type-provider-zod without an instancePath: the whole part', () => {
    expect(readValidationIssues([{ [ZOD_MARK]: true, keyword: 'invalid_type', params: {}, message: 'Invalid input' }])).toEqual([
      { in: 'body', pointer: '#', detail: 'Invalid input' },
    ])
  })

  it('a path that is no array names the whole part; segments with no JSON name are left out', () => {
    expect(readValidationIssues([{ issues: [
      { code: 'custom', message: 'no path' },
      { code: 'custom', path: ['items', Symbol('meta'), 1.5, 'name'], message: 'odd segments' },
    ] }])).toEqual([
      { in: 'body', pointer: '#', detail: 'no path' },
      { in: 'body', pointer: '#/items/name', detail: 'odd segments' },
    ])
  })

  it('only unrecognized_keys names members in `keys`, and only those that are names', () => {
    expect(readValidationIssues([{ issues: [
      { code: 'custom', path: ['user'], keys: ['x'], message: 'custom check' },
      { code: 'unrecognized_keys', path: ['user'], keys: ['x', null, { y: 1 }], message: 'Unrecognized key: "x"' },
    ] }])).toEqual([
      { in: 'body', pointer: '#/user', detail: 'custom check' },
      { in: 'body', pointer: '#/user/x', detail: 'must NOT have additional properties' },
    ])
  })
})

describe('Ajv and TypeBox params that are a little off', () => {
  it('a member named by something that is no string is not named: the pointer stays on the object', () => {
    expect(readValidationIssues([
      { instancePath: '/user', keyword: 'additionalProperties', params: { additionalProperty: 7 }, message: 'must NOT have additional properties' },
    ])).toEqual([{ in: 'body', pointer: '#/user', detail: 'must NOT have additional properties' }])
  })

  it('TypeBox lists: only the names in them, and a list that is no array is no list', () => {
    expect(readValidationIssues([
      { instancePath: '/a', keyword: 'required', params: { requiredProperties: ['name', 7] }, message: 'must have required properties name' },
      { instancePath: '/b', keyword: 'additionalProperties', params: { additionalProperties: [null, 'extra'] }, message: 'must not have additional properties' },
      { instancePath: '/c', keyword: 'required', params: { requiredProperties: 'name' }, message: 'must have required properties name' },
    ])).toEqual([
      { in: 'body', pointer: '#/a/name', detail: "must have required property 'name'" },
      { in: 'body', pointer: '#/b/extra', detail: 'must NOT have additional properties' },
      { in: 'body', pointer: '#/c', detail: 'must have required properties name' },
    ])
  })

  it('a list that cannot be read (a Proxy whose reads throw) costs that list only', () => {
    const hostile = new Proxy(['name'], { get: () => { throw new Error('hostile list') } })
    expect(readValidationIssues([
      { instancePath: '/a', keyword: 'required', params: { requiredProperties: hostile }, message: 'must have required properties name' },
    ])).toEqual([{ in: 'body', pointer: '#/a', detail: 'must have required properties name' }])
  })
})
