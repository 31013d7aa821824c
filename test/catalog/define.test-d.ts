// The members' TypeScript type comes from the schema: what must compile, and what must NOT.
import { describe, expectTypeOf, it } from 'vitest'
import { defineProblem, type HttpProblem, type MembersOf } from '../../src/index.js'
import { OutOfCredit } from '../fixtures/catalog.js'

describe('defineProblem with a schema', () => {
  it('types the extension members from the schema', () => {
    const problem = new OutOfCredit({ extensions: { balance: 30 } })
    expectTypeOf(problem.status).toEqualTypeOf<403>()
    expectTypeOf(problem.extensions.balance).toEqualTypeOf<number>()
    expectTypeOf(problem.extensions.accounts).toEqualTypeOf<string[] | undefined>()
  })

  it('narrows an HttpProblem (what problemFromResponse returns) with instanceof, members typed', () => {
    const problem = new OutOfCredit({ extensions: { balance: 1 } }) as HttpProblem
    expectTypeOf(problem.extensions.balance).toEqualTypeOf<unknown>()
    if (problem instanceof OutOfCredit) {
      expectTypeOf(problem.status).toEqualTypeOf<403>()
      expectTypeOf(problem.extensions.balance).toEqualTypeOf<number>()
    }
  })

  it('maps every supported keyword', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { enum: ['a', 'b'] },
        fixed: { const: 7 },
        maybe: { type: ['string', 'null'] },
        flag: { type: 'boolean' },
        count: { type: 'integer' },
        nested: { type: 'object', properties: { x: { type: 'string' } }, required: ['x'] },
        free: { type: 'object' },
        list: { type: 'array' },
        anything: { description: 'no type' },
      },
      required: ['kind'],
    } as const
    expectTypeOf(schema).toExtend<object>()
    expectTypeOf<MembersOf<typeof schema>>().toEqualTypeOf<{
      kind: 'a' | 'b'
      fixed?: 7
      maybe?: string | null
      flag?: boolean
      count?: number
      nested?: { x: string }
      free?: Record<string, unknown>
      list?: unknown[]
      anything?: unknown
    }>()
  })

  it('refuses members that do not match the schema', () => {
    // @ts-expect-error balance is required by the schema
    new OutOfCredit({ extensions: {} })
    // @ts-expect-error balance is a number
    new OutOfCredit({ extensions: { balance: '30' } })
    // @ts-expect-error options are required: the schema has a required member
    new OutOfCredit()
  })

  it('refuses an example that does not match the schema', () => {
    // @ts-expect-error the example's balance is a number
    defineProblem({
      name: 'Bad',
      status: 403,
      type: 'https://errors.example.com/problems/bad',
      title: 'Bad',
      schema: { type: 'object', properties: { balance: { type: 'number' } }, required: ['balance'] },
      example: { extensions: { balance: 'no' } },
    })
  })

  it('refuses a hand-written members type beside a schema (they could drift)', () => {
    defineProblem<{ balance: string }, 403>({
      name: 'Twice',
      status: 403,
      type: 'https://errors.example.com/problems/twice',
      title: 'Twice',
      // @ts-expect-error a schema brings its own members type
      schema: { type: 'object', properties: { balance: { type: 'number' } } },
    })
  })
})
