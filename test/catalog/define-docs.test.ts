// defineProblem's documentation: checked at definition, kept on the class, never the caller's objects.
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { schemaIssues } from '../../src/catalog/check-schema.js'
import type { JsonSchema } from '../../src/catalog/extension-schema.js'
import { UsageError, defineProblem } from '../../src/index.js'
import { OutOfCredit } from '../fixtures/catalog.js'

const BASE = { name: 'Example', status: 409, type: 'https://errors.example.com/problems/example', title: 'Example' } as const

function defineWith(extra: Record<string, unknown>): unknown {
  return defineProblem({ ...BASE, ...extra } as never)
}

describe('defineProblem documentation', () => {
  it('keeps description, resolution, schema and example on the class', () => {
    expect(OutOfCredit.description).toBe('The account balance does not cover the price of the request.')
    expect(OutOfCredit.resolution).toBe('Top up the account, or make a cheaper request.')
    expect(OutOfCredit.schema.required).toEqual(['balance'])
    expect(OutOfCredit.example).toEqual({ detail: 'Your balance is 30, but that costs 50.', extensions: { balance: 30, accounts: ['/account/12345'] } })
  })

  it('gives a type without a schema an empty object schema and no documentation', () => {
    const Plain = defineProblem(BASE)
    expect(Plain.schema).toEqual({ type: 'object', properties: {} })
    expect(Plain.description).toBeUndefined()
    expect(Plain.example).toBeUndefined()
  })

  it('copies and freezes what it keeps: changing the definition later changes nothing', () => {
    const schema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] }
    const example = { extensions: { n: 1 } }
    const Defined = defineWith({ schema, example }) as typeof OutOfCredit
    schema.required.push('m')
    example.extensions.n = 2
    expect(Defined.schema.required).toEqual(['n'])
    expect(Defined.example?.extensions).toEqual({ n: 1 })
    expect(Object.isFrozen(Defined.schema.properties)).toBe(true)
  })

  it('keeps a schema and an example that hold null (a nullable member), copied and frozen', () => {
    const schema = { type: 'object', properties: { reason: { type: ['string', 'null'], enum: ['late', null] } } }
    const example = { detail: 'No reason was given.', extensions: { reason: null } }
    const Defined = defineWith({ schema, example }) as typeof OutOfCredit
    expect(Defined.schema.properties).toEqual({ reason: { type: ['string', 'null'], enum: ['late', null] } })
    expect(Defined.example).toEqual(example)
    expect(Object.isFrozen(Defined.schema.properties.reason!.enum)).toBe(true)
    expect(Object.isFrozen(Defined.example?.extensions)).toBe(true)
  })

  it.each([
    ['description', { description: '' }],
    ['description', { description: 42 }],
    ['resolution', { resolution: ' ' }],
    ['schema', { schema: { type: 'array' } }],
    ['schema', { schema: { type: 'object' } }],
    ['schema.properties.status', { schema: { type: 'object', properties: { status: { type: 'number' } } } }],
    ['schema.properties.n.oneOf', { schema: { type: 'object', properties: { n: { oneOf: [] } } } }],
    ['schema.properties.n.type', { schema: { type: 'object', properties: { n: { type: 'float' } } } }],
    ['schema.properties.n.type', { schema: { type: 'object', properties: { n: { type: [] } } } }],
    ['schema.properties.n.items', { schema: { type: 'object', properties: { n: { type: 'array', items: 3 } } } }],
    ['schema.required', { schema: { type: 'object', properties: {}, required: [1] } }],
    ['schema.additionalProperties', { schema: { type: 'object', properties: {}, additionalProperties: {} } }],
    ['schema.properties.n.enum', { schema: { type: 'object', properties: { n: { enum: 'a' } } } }],
    ['schema.properties.n.minimum', { schema: { type: 'object', properties: { n: { minimum: '1' } } } }],
    ['schema.properties.n.description', { schema: { type: 'object', properties: { n: { description: 1 } } } }],
    ['example', { schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] } }],
    ['example', { example: 'text' }],
    ['example.extras', { example: { extras: 1 } }],
    ['example.detail', { example: { detail: 1 } }],
    ['example.extensions', { schema: { type: 'object', properties: { n: { type: 'number' } } }, example: { extensions: { n: 'one' } } }],
  ])('refuses a bad %s with a coded UsageError naming it', (option, extra) => {
    let thrown: unknown
    try {
      defineWith(extra)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(UsageError)
    expect((thrown as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
    expect((thrown as UsageError).message).toContain(`"${option}"`)
  })
})

describe('schemaIssues agrees with a real JSON Schema validator (ajv) on the supported subset', () => {
  const ajv = new Ajv({ strict: false })
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      balance: { type: 'number', minimum: 0, maximum: 100 },
      count: { type: 'integer' },
      name: { type: 'string', minLength: 2, maxLength: 4 },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 },
      kind: { enum: ['a', 'b'] },
      fixed: { const: 'x' },
      maybe: { type: ['string', 'null'] },
      flag: { type: 'boolean' },
      nested: { type: 'object', properties: { 'a/b~c': { type: 'number' } }, required: ['a/b~c'], additionalProperties: false },
    },
    required: ['balance'],
  }
  const validate = ajv.compile(schema)
  it.each([
    [{ balance: 1 }],
    [{}],
    [{ balance: -1 }],
    [{ balance: 101 }],
    [{ balance: 'x' }],
    [{ balance: 1, count: 1.5 }],
    [{ balance: 1, count: 2 }],
    [{ balance: 1, name: 'a' }],
    [{ balance: 1, name: 'abcde' }],
    [{ balance: 1, name: 'abc' }],
    [{ balance: 1, tags: [] }],
    [{ balance: 1, tags: ['a', 'b', 'c'] }],
    [{ balance: 1, tags: ['a', 2] }],
    [{ balance: 1, kind: 'c' }],
    [{ balance: 1, kind: 'b' }],
    [{ balance: 1, fixed: 'y' }],
    [{ balance: 1, maybe: null }],
    [{ balance: 1, maybe: 3 }],
    [{ balance: 1, flag: 'true' }],
    [{ balance: 1, nested: {} }],
    [{ balance: 1, nested: { 'a/b~c': 1, extra: 1 } }],
    [{ balance: 1, nested: { 'a/b~c': 1 } }],
    [{ balance: 1, nested: [] }],
    [[1]],
    [null],
  ])('%j', (value) => {
    expect(schemaIssues(schema, value).length === 0).toBe(validate(value))
  })

  it('names the member at fault with an escaped JSON pointer', () => {
    expect(schemaIssues(schema, { balance: 1, nested: {} })).toEqual(['/nested/a~1b~0c: is required'])
    expect(schemaIssues(schema, 'x')).toEqual(['/: must be object'])
  })
})
