// The extension schema of defineProblem, word for word (issue 20: a message nobody asserts can be
// emptied unnoticed): what checkExtensionSchema refuses and says, what it accepts at each boundary,
// and the issues schemaIssues names for a value, each bound at its edge.
import { describe, expect, it } from 'vitest'
import { schemaIssues } from '../../src/catalog/check-schema.js'
import type { JsonSchema } from '../../src/catalog/extension-schema.js'
import { UsageError, defineProblem } from '../../src/index.js'

const BASE = { name: 'OutOfStock', status: 409, type: 'https://example.com/problems/out-of-stock', title: 'Out of stock' }

function withSchema(schema: unknown): unknown {
  return defineProblem({ ...BASE, schema } as never)
}

function withProperty(property: unknown): unknown {
  return withSchema({ type: 'object', properties: { n: property } })
}

function messageOf(define: () => unknown): string {
  try {
    define()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
    return (error as Error).message
  }
  throw new Error('defineProblem accepted the schema')
}

const KEYWORDS =
  'type, properties, required, additionalProperties, items, enum, const, minimum, maximum, minLength, maxLength, minItems, maxItems, title, description, format, pattern'

describe('defineProblem refuses a bad extension schema, naming the keyword, what it must be, and what it got', () => {
  it.each([
    ['a schema that is no object schema', () => withSchema({ type: 'array' }), `option "schema" must be an object schema ({ type: 'object', properties: {...} }), received an object`],
    [
      'a reserved member',
      () => withSchema({ type: 'object', properties: { status: { type: 'number' } } }),
      'option "schema.properties.status" must be absent: it is a reserved problem member, received the string "status"',
    ],
    ['an array schema with properties', () => withSchema({ type: 'array', properties: {} }), `option "schema" must be an object schema ({ type: 'object', properties: {...} }), received an object`],
    [
      'a type list with one unknown name',
      () => withProperty({ type: ['string', 'float'] }),
      'option "schema.properties.n.type" must be a JSON type name or a list of them (string, number, integer, boolean, null, array, object), received an array',
    ],
    ['required names of which one is no string', () => withSchema({ type: 'object', properties: {}, required: ['a', 1] }), 'option "schema.required" must be a list of member names, received an array'],
    ['a member schema that is no object', () => withProperty(3), 'option "schema.properties.n" must be a JSON Schema object, received number 3'],
    ['an unsupported keyword', () => withProperty({ oneOf: [] }), `option "schema.properties.n.oneOf" must be one of the supported keywords (${KEYWORDS}), received an array`],
    [
      'an unknown type name',
      () => withProperty({ type: 'float' }),
      'option "schema.properties.n.type" must be a JSON type name or a list of them (string, number, integer, boolean, null, array, object), received the string "float"',
    ],
    [
      'nested properties that are no object',
      () => withProperty({ type: 'object', properties: 3 }),
      'option "schema.properties.n.properties" must be an object of schemas, received number 3',
    ],
    ['required names that are no strings', () => withSchema({ type: 'object', properties: {}, required: [1] }), 'option "schema.required" must be a list of member names, received an array'],
    ['additionalProperties that is no boolean', () => withSchema({ type: 'object', properties: {}, additionalProperties: {} }), 'option "schema.additionalProperties" must be a boolean, received an object'],
    ['an enum that is no list', () => withProperty({ enum: 'a' }), 'option "schema.properties.n.enum" must be a list of values, received the string "a"'],
    ['a bound that is a numeric string', () => withProperty({ minimum: '1' }), 'option "schema.properties.n.minimum" must be a number, received the string "1"'],
    ['an infinite bound', () => withProperty({ maximum: Infinity }), 'option "schema.properties.n.maximum" must be a number, received number Infinity'],
    ['a bound that is not a number', () => withProperty({ maxItems: Number.NaN }), 'option "schema.properties.n.maxItems" must be a number, received number NaN'],
    ['an annotation that is no string', () => withProperty({ description: 1 }), 'option "schema.properties.n.description" must be a string, received number 1'],
  ])('%s', (_label, define, message) => {
    expect(messageOf(define)).toBe(`http-problems: ${message}`)
  })

  it('accepts additionalProperties as either boolean, and finite bounds (zero and negative too)', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        n: { type: 'number', minimum: -1, maximum: 0 },
        s: { type: 'string', minLength: 0, maxLength: 2 },
        list: { type: 'array', items: { type: 'object', properties: {}, additionalProperties: true }, minItems: 0, maxItems: 1 },
        kind: { enum: ['a', 'b'], title: 'Kind', description: 'What it is.', format: 'word', pattern: '^[ab]$' },
        either: { type: ['string', 'null'] },
      },
    }
    const Defined = withSchema(schema) as { schema: unknown }
    expect(Defined.schema).toEqual(schema)
  })
})

describe('schemaIssues names each issue with its JSON pointer', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      n: { type: 'number', minimum: 0, maximum: 100 },
      level: { type: 'number', minimum: 10 },
      name: { type: 'string', minLength: 2, maxLength: 4 },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 },
      kind: { enum: ['a', 'b'] },
      fixed: { const: 'x' },
      maybe: { type: ['string', 'null'] },
    },
    additionalProperties: false,
  }

  it.each([
    [{ n: -1 }, ['/n: must be >= 0']],
    [{ n: 101 }, ['/n: must be <= 100']],
    [{ level: 9.5 }, ['/level: must be >= 10']],
    [{ name: 'a' }, ['/name: must have at least 2 items or characters']],
    [{ name: 'abcde' }, ['/name: must have at most 4 items or characters']],
    [{ tags: [] }, ['/tags: must have at least 1 items or characters']],
    [{ tags: ['a', 'b', 'c'] }, ['/tags: must have at most 2 items or characters']],
    [{ kind: 'c' }, ['/kind: must be one of ["a","b"]']],
    [{ fixed: 'y' }, ['/fixed: must be "x"']],
    [{ maybe: 3 }, ['/maybe: must be string or null']],
    [{ other: 1 }, ['/other: is not allowed']],
    [{ tags: ['a', 2] }, ['/tags/1: must be string']],
    [{ n: Infinity }, ['/n: must be number']],
  ])('%j', (value, issues) => {
    expect(schemaIssues(schema, value)).toEqual(issues)
  })

  it.each([
    [{ n: 0 }],
    [{ n: 100 }],
    [{ level: 10 }],
    [{ name: 'ab' }],
    [{ name: 'abcd' }],
    [{ name: '𝄞𝄞' }],
    [{ tags: ['a'] }],
    [{ tags: ['a', 'b'] }],
  ])('%j is within its bounds', (value) => {
    expect(schemaIssues(schema, value)).toEqual([])
  })

  it('applies each bound to its own kind of value only', () => {
    expect(schemaIssues({ minimum: 0, maxLength: 1 }, '-1')).toEqual(['/: must have at most 1 items or characters'])
    expect(schemaIssues({ minLength: 5, minItems: 5 }, 3)).toEqual([])
  })

  it('checks items only for an array, and an array without an items schema item by item not at all', () => {
    expect(schemaIssues({ items: { type: 'string' } }, 'abc')).toEqual([])
    expect(schemaIssues({ items: { type: 'string' } }, { 0: 1 })).toEqual([])
    expect(schemaIssues({ type: 'array' }, [1, 'a'])).toEqual([])
  })
})
