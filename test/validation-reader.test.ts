// The reader contract's misuse: defineValidationReader and the readers options refuse what is not a
// reader with the coded UsageError, and the message says which member is wrong and what it must be.
import { describe, expect, it } from 'vitest'
import { UsageError, defineValidationReader, readValidationIssues } from '../src/index.js'

const PREFIX = 'http-problems: option'
const read = () => undefined
const matches = (_entry: unknown): _entry is unknown => true

function misuse(call: () => unknown): unknown {
  try {
    call()
  } catch (error) {
    return error
  }
  return undefined
}

describe('defineValidationReader refuses a bad definition, naming the member', () => {
  it.each<[string, unknown, string]>([
    ['null', null, `${PREFIX} "defineValidationReader" must be an object { name, matches, read }, received null`],
    ['a string', 'joi', `${PREFIX} "defineValidationReader" must be an object { name, matches, read }, received the string "joi"`],
    ['a function', () => undefined, `${PREFIX} "defineValidationReader" must be an object { name, matches, read }, received function`],
    ['an empty name', { name: '', matches, read }, `${PREFIX} "defineValidationReader.name" must be a non-empty string, received the string ""`],
    ['a name that is a number', { name: 7, matches, read }, `${PREFIX} "defineValidationReader.name" must be a non-empty string, received number 7`],
    ['no matches', { name: 'joi', read }, `${PREFIX} "joi.matches" must be a function (entry) => boolean, received undefined`],
    ['no read', { name: 'joi', matches }, `${PREFIX} "joi.read" must be a function (entry) => findings, received undefined`],
  ])('%s', (_case, definition, message) => {
    const error = misuse(() => defineValidationReader(definition as never))
    expect(error).toBeInstanceOf(UsageError)
    expect(error).toMatchObject({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION', message })
  })
})

describe('the readers of readValidationIssues', () => {
  it.each<[string, unknown, string]>([
    ['not an array', { name: 'joi', matches, read }, `${PREFIX} "readers" must be an array of readers made by defineValidationReader, received an object`],
    ['null', null, `${PREFIX} "readers" must be an array of readers made by defineValidationReader, received null`],
    ['a reader written by hand', [{ name: 'joi', matches, read }], `${PREFIX} "readers[0]" must be a reader made by defineValidationReader`],
    ['undefined in the list', [defineValidationReader({ name: 'joi', matches, read }), undefined], `${PREFIX} "readers[1]" must be a reader made by defineValidationReader`],
  ])('refuses %s with a coded message', (_case, readers, message) => {
    const error = misuse(() => readValidationIssues([], { readers: readers as never }))
    expect(error).toBeInstanceOf(UsageError)
    expect(error).toMatchObject({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION', message })
  })

  it('absent: the built-in readers only', () => {
    expect(readValidationIssues([{ instancePath: '/age', message: 'must be integer' }], { readers: undefined })).toEqual([
      { in: 'body', pointer: '#/age', detail: 'must be integer' },
    ])
  })
})
