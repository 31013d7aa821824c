// defineProblem's misuse messages, word for word (issue 20: a message nobody asserts can be emptied
// unnoticed), each option at its boundary, and the members of the class it makes that no other
// test reads: the static `code`, a `name` that can be reassigned, and which problems of its type
// from elsewhere count as instances.
import { describe, expect, it } from 'vitest'
import { HttpProblem, UsageError, defineProblem } from '../src/index.js'

const BASE = { name: 'OutOfStock', status: 409, type: 'https://example.com/problems/out-of-stock', title: 'Out of stock' }
const SKU_SCHEMA = { type: 'object', properties: { sku: { type: 'string' }, left: { type: 'integer' } } }

function messageOf(definition: unknown): string {
  try {
    defineProblem(definition as never)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('defineProblem accepted the definition')
}

describe('defineProblem refuses a bad definition, naming the option, what it must be, and what it got', () => {
  it.each([
    ['no definition', null, 'option "definition" must be an object, received null'],
    ['a name that is no class name', { ...BASE, name: 'out of stock' }, 'option "name" must be a class name, received the string "out of stock"'],
    ['a name that only reads as one', { ...BASE, name: { toString: (): string => 'OutOfStock' } }, 'option "name" must be a class name, received an object'],
    ['a status above 599', { ...BASE, status: 600 }, 'option "status" must be an integer from 400 to 599, received number 600'],
    ['an empty type', { ...BASE, type: '' }, 'option "type" must be a problem type URI other than about:blank, received the string ""'],
    ['a type that is no string', { ...BASE, type: 42 }, 'option "type" must be a problem type URI other than about:blank, received number 42'],
    [
      'a type that is no URI reference',
      { ...BASE, type: 'not a uri with spaces' },
      'option "type" must be a URI reference (RFC 3986) of at most 2048 characters, such as https://example.com/problems/out-of-stock, received the string "not a uri with spaces"',
    ],
    ['a title that is no string', { ...BASE, title: 42 }, 'option "title" must be a non-empty string, received number 42'],
    ['an empty title', { ...BASE, title: '' }, 'option "title" must be a non-empty string, received the string ""'],
    ['a code that is no string', { ...BASE, code: 42 }, 'option "code" must be a string, received number 42'],
    ['a blank description', { ...BASE, description: ' ' }, 'option "description" must be a non-empty string, received the string " "'],
    ['a description that is no string', { ...BASE, description: 42 }, 'option "description" must be a non-empty string, received number 42'],
    ['a resolution that is no string', { ...BASE, resolution: ['retry'] }, 'option "resolution" must be a non-empty string, received an array'],
    [
      'a schema that is no object schema',
      { ...BASE, schema: { type: 'array' } },
      'option "schema" must be an object schema ({ type: \'object\', properties: {...} }), received an object',
    ],
    [
      'no example for a schema with required members',
      { ...BASE, schema: { ...SKU_SCHEMA, required: ['sku'] } },
      'option "example" must be an example (the schema has required members), received undefined',
    ],
    ['an example that is null', { ...BASE, example: null }, 'option "example" must be an object { detail?, extensions? }, received null'],
    ['an example that is an array', { ...BASE, example: [] }, 'option "example" must be an object { detail?, extensions? }, received an array'],
    ['an example that is a string', { ...BASE, example: 'sold out' }, 'option "example" must be an object { detail?, extensions? }, received the string "sold out"'],
    ['an example with another member', { ...BASE, example: { stack: 'x' } }, 'option "example.stack" must be absent (an example has detail and extensions), received the string "x"'],
    ['an example detail that is no string', { ...BASE, example: { detail: 5 } }, 'option "example.detail" must be a string, received number 5'],
    [
      'example members that break the schema, each issue named',
      { ...BASE, schema: SKU_SCHEMA, example: { extensions: { sku: 1, left: 'x' } } },
      'option "example.extensions" must be members that match the schema (/sku: must be string; /left: must be integer), received an object',
    ],
  ])('%s', (_label, definition, message) => {
    expect(messageOf(definition)).toBe(`http-problems: ${message}`)
  })

  it('status 599 is the last one accepted, and 400 the first', () => {
    expect(defineProblem({ ...BASE, status: 599 }).status).toBe(599)
    expect(defineProblem({ ...BASE, status: 400 }).status).toBe(400)
  })
})

describe('the class it makes', () => {
  // Each test defines its class itself, not once when the file is collected: Stryker activates a
  // mutant only while the tests run (CONTRIBUTING.md "Mutation testing"), so a class made before
  // them would never carry one, and a wrong line in defineProblem would go unnoticed here.
  const outOfStock = () => defineProblem({ ...BASE })

  it('carries its title and type as static members', () => {
    const OutOfStock = outOfStock()
    expect(OutOfStock.title).toBe('Out of stock')
    expect(OutOfStock.type).toBe('https://example.com/problems/out-of-stock')
  })

  it('carries its code, made from the title when none is given', () => {
    const OutOfStock = outOfStock()
    expect(OutOfStock.code).toBe('OUT_OF_STOCK')
    expect(defineProblem({ ...BASE, code: 'SOLD_OUT' }).code).toBe('SOLD_OUT')
  })

  it('a problem\'s name can be reassigned, as an Error\'s can', () => {
    const OutOfStock = outOfStock()
    const problem = new OutOfStock()
    problem.name = 'Renamed'
    expect(problem.name).toBe('Renamed')
    expect(new OutOfStock().name).toBe('OutOfStock')
  })

  it('the class\'s prototype name is described as a built-in error\'s is', () => {
    const OutOfStock = outOfStock()
    // Writable, not enumerable, configurable: the same as TypeError.prototype.name, so code that
    // redefines or inspects an error's name treats a defined problem as any other error.
    expect(Object.getOwnPropertyDescriptor(OutOfStock.prototype, 'name')).toEqual({
      ...Object.getOwnPropertyDescriptor(TypeError.prototype, 'name'),
      value: 'OutOfStock',
    })
  })

  it('carries its documentation as static members: frozen copies of what the definition gave', () => {
    const example = { detail: 'Only 2 of SKU-1 are left.', extensions: { sku: 'SKU-1', left: 2 } }
    const OutOfStock = defineProblem({
      ...BASE,
      description: 'The item ran out.',
      resolution: 'Order fewer, or later.',
      schema: { type: 'object', properties: { sku: { type: 'string' }, left: { type: 'integer' } } },
      example,
    })
    expect(OutOfStock.description).toBe('The item ran out.')
    expect(OutOfStock.resolution).toBe('Order fewer, or later.')
    expect(OutOfStock.schema).toEqual(SKU_SCHEMA)
    expect(OutOfStock.example).toEqual(example)
    expect(OutOfStock.example).not.toBe(example)
    expect(Object.isFrozen(OutOfStock.example?.extensions)).toBe(true)
  })

  it('a problem of its type made elsewhere is an instance only when its members keep the schema', () => {
    const OutOfStock = defineProblem({ ...BASE, schema: { type: 'object', properties: { sku: { type: 'string' } } } })
    const elsewhere = (extensions: Record<string, unknown>): HttpProblem => new HttpProblem(409, { type: BASE.type, title: BASE.title, extensions })
    expect(elsewhere({ sku: 'SKU-1' })).toBeInstanceOf(OutOfStock)
    expect(elsewhere({ sku: 1 })).not.toBeInstanceOf(OutOfStock)
  })

  it('a problem of its type made elsewhere is an instance only with its status too', () => {
    const OutOfStock = outOfStock()
    expect(new HttpProblem(409, { type: BASE.type, title: BASE.title })).toBeInstanceOf(OutOfStock)
    expect(new HttpProblem(410, { type: BASE.type, title: BASE.title })).not.toBeInstanceOf(OutOfStock)
  })
})
