// Type tests of the reader contract: `matches` narrows what `read` receives, findings are typed,
// and the option takes only readers; with @ts-expect-error, what must NOT compile.
import Fastify from 'fastify'
import { describe, expectTypeOf, it } from 'vitest'
import problems, { defineValidationReader, readValidationIssues, type ValidationIssue, type ValidationReader } from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'

interface JoiError {
  details: { path: (string | number)[]; message: string }[]
}
const isJoiError = (entry: unknown): entry is JoiError => typeof entry === 'object' && entry !== null && 'details' in entry

describe('defineValidationReader', () => {
  it('narrows the entry read receives to the type matches guards', () => {
    const reader = defineValidationReader({
      name: 'joi',
      matches: isJoiError,
      read: (error) => {
        expectTypeOf(error).toEqualTypeOf<JoiError>()
        return error.details.map((detail) => ({ path: detail.path, detail: detail.message }))
      },
    })
    expectTypeOf(reader).toEqualTypeOf<ValidationReader>()
  })

  it('accepts one finding, a list, or none', () => {
    defineValidationReader({ name: 'one', matches: isJoiError, read: () => ({ path: ['a'], in: 'query' }) })
    defineValidationReader({ name: 'none', matches: isJoiError, read: () => undefined })
  })

  it('refuses findings of the wrong shape', () => {
    // @ts-expect-error a path is a list of segments, not a pointer string
    defineValidationReader({ name: 'x', matches: isJoiError, read: () => ({ path: '/a' }) })
    // @ts-expect-error a segment is a string or a number
    defineValidationReader({ name: 'x', matches: isJoiError, read: () => ({ path: [true] }) })
    // @ts-expect-error detail is a string
    defineValidationReader({ name: 'x', matches: isJoiError, read: () => ({ path: [], detail: 42 }) })
    // @ts-expect-error read is required
    defineValidationReader({ name: 'x', matches: isJoiError })
    // @ts-expect-error the entry is a JoiError, which has no `issues`
    defineValidationReader({ name: 'x', matches: isJoiError, read: (error) => error.issues })
  })
})

describe('the validationReaders option and readValidationIssues', () => {
  const reader = defineValidationReader({ name: 'joi', matches: isJoiError, read: () => undefined })

  it('takes readers in both adapters', async () => {
    await Fastify().register(problems, { validationReaders: [reader] })
    expressProblems({ validationReaders: [reader] })
    expectTypeOf(readValidationIssues([], { in: 'body', readers: [reader] })).toEqualTypeOf<ValidationIssue[]>()
  })

  it('refuses what is not a list of readers', async () => {
    // @ts-expect-error a reader, not a function
    await Fastify().register(problems, { validationReaders: [isJoiError] })
    // @ts-expect-error a list, not one reader
    expressProblems({ validationReaders: reader })
    // @ts-expect-error entries are a list
    readValidationIssues({ errors: [] })
  })
})
