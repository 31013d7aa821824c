import { describe, expectTypeOf, it } from 'vitest'
import type { ProblemBody, problemSchema } from '../../src/index.js'

type Schema = typeof problemSchema
type SchemaMembers = keyof Schema['properties']
type RequiredMembers = Schema['required'][number]
/** `T` without its index signature (the extension members), modifiers kept. */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] }
type KnownKeys<T> = keyof Known<T>
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T]

describe('ProblemBody follows problemSchema', () => {
  it('has exactly the members the schema lists', () => {
    expectTypeOf<KnownKeys<ProblemBody>>().toEqualTypeOf<SchemaMembers>()
  })

  it('makes optional exactly the members the schema does not require', () => {
    expectTypeOf<Exclude<KnownKeys<ProblemBody>, OptionalKeys<Known<ProblemBody>>>>().toEqualTypeOf<RequiredMembers>()
  })

  it('types the members as the schema does', () => {
    expectTypeOf<ProblemBody['status']>().toEqualTypeOf<number>()
    expectTypeOf<ProblemBody['title']>().toEqualTypeOf<string>()
    expectTypeOf<ProblemBody['detail']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ProblemBody['someExtension']>().toEqualTypeOf<unknown>()
  })

  it('does not accept a body without the required members', () => {
    // @ts-expect-error correlationId, code and instance are required
    const body: ProblemBody = { type: 'about:blank', title: 'Not Found', status: 404 }
    void body
  })
})
