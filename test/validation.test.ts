// Which thrown values are validation failures, the request part their `detail` names, and the
// bounds on reading them: entries and findings are read once each, never past the cap, and a
// hostile array costs nothing but its own issues.
import { describe, expect, it } from 'vitest'
import { MAX_ISSUE_TEXT_LENGTH, MAX_VALIDATION_ISSUES, UsageError, defineValidationReader, normalize, readValidationIssues } from '../src/index.js'
import { MAX_VALIDATION_ENTRIES_READ } from '../src/validation.js'

const FIELD = { type: 'field', msg: 'Invalid value', path: 'age', location: 'body' }

describe('a validation failure, or not', () => {
  const returnsThis = function (this: unknown) {
    return this
  }

  it.each<[string, object]>([
    ['errors and mapped, but no isEmpty', { errors: [FIELD], mapped: returnsThis }],
    ['errors and isEmpty, but no mapped', { errors: [FIELD], isEmpty: returnsThis }],
    ['mapped and isEmpty, but errors no array', { errors: 'age is invalid', mapped: returnsThis, isEmpty: returnsThis }],
    ['a validationContext without Fastify’s code', { validationContext: 'body' }],
  ])('an error with %s is no validation problem: a 500', (_case, members) => {
    const problem = normalize(Object.assign(new Error('age: Invalid value'), members))
    expect(problem.status).toBe(500)
    expect(problem.extensions.errors).toBeUndefined()
  })

  it('FST_ERR_VALIDATION without the part Fastify names is an ordinary 400, not a validation problem', () => {
    const problem = normalize(Object.assign(new Error('body/age must be integer'), { code: 'FST_ERR_VALIDATION', statusCode: 400 }))
    expect(problem.status).toBe(400)
    expect(problem.code).not.toBe('VALIDATION_FAILED')
    expect(problem.extensions.errors).toBeUndefined()
  })
})

describe('the request part in the detail', () => {
  it('a part the framework names that is none of the known ones: the data', () => {
    expect(normalize({ validation: [], validationContext: 'trailers' }).detail).toBe('The request data is invalid.')
  })

  it('no part named and no issue read: the body', () => {
    expect(normalize({ validation: [] }).detail).toBe('The request body is invalid.')
    expect(normalize({ validation: ['unreadable'] }).detail).toBe('The request body is invalid.')
  })
})

/** A reader of `{ n }` entries that records each entry it is offered, and gives `n` findings. */
function countingReader() {
  const offered: unknown[] = []
  const reader = defineValidationReader({
    name: 'counting',
    matches: (entry): entry is { n: number } => {
      offered.push(entry)
      return typeof (entry as { n?: unknown } | undefined)?.n === 'number'
    },
    read: (entry) => Array.from({ length: entry.n }, (_, index) => ({ path: [index] })),
  })
  return { offered, reader }
}

describe('the bounds on reading', () => {
  it('each entry is offered to the readers once, and nothing past the last', () => {
    const { offered, reader } = countingReader()
    const entries = [{ n: 1 }, { n: 1 }, { n: 1 }]
    expect(readValidationIssues(entries, { readers: [reader] })).toHaveLength(3)
    expect(offered).toEqual(entries)
  })

  it('once the body is full, no further entry is read', () => {
    const { offered, reader } = countingReader()
    const entries = Array.from({ length: MAX_VALIDATION_ISSUES + 10 }, () => ({ n: 1 }))
    expect(readValidationIssues(entries, { readers: [reader] })).toHaveLength(MAX_VALIDATION_ISSUES)
    expect(offered).toHaveLength(MAX_VALIDATION_ISSUES)
  })

  it('entries that give no issue are read up to MAX_VALIDATION_ENTRIES_READ, however long the array says it is', () => {
    // An array (or a Proxy) of empty entries would otherwise be read to its end, a length of Infinity forever.
    const { offered, reader } = countingReader()
    const endless = new Proxy([] as unknown[], { get: (target, key) => (key === 'length' ? Infinity : key in target ? Reflect.get(target, key) : { n: 0 }) })
    expect(readValidationIssues(endless, { readers: [reader] })).toEqual([])
    expect(offered).toHaveLength(MAX_VALIDATION_ENTRIES_READ)
    expect(MAX_VALIDATION_ENTRIES_READ).toBe(1000)
  })

  it('findings of several entries together are cut at MAX_VALIDATION_ISSUES', () => {
    const { reader } = countingReader()
    const issues = readValidationIssues([{ n: 30 }, { n: 30 }], { readers: [reader] })
    expect(issues).toHaveLength(MAX_VALIDATION_ISSUES)
    expect(issues.at(-1)!.pointer).toBe(`#/${MAX_VALIDATION_ISSUES - 30 - 1}`)
  })

  it('an array whose length is no number reads as empty', () => {
    const entries = new Proxy([{ instancePath: '/age', message: 'must be integer' }], {
      get: (target, key, receiver) => (key === 'length' ? '1' : Reflect.get(target, key, receiver)),
    })
    expect(readValidationIssues(entries)).toEqual([])
  })

  it('findings in an array whose iterator throws are read all the same', () => {
    const findings = [{ path: ['age'], detail: 'must be integer' }]
    Object.defineProperty(findings, Symbol.iterator, { value: () => { throw new Error('hostile iterator') } })
    const hostile = defineValidationReader({ name: 'hostile', matches: (_entry): _entry is unknown => true, read: () => findings })
    expect(readValidationIssues([1], { readers: [hostile] })).toEqual([{ in: 'body', pointer: '#/age', detail: 'must be integer' }])
  })

  it('of a path of a million segments, no more are read than a pointer can show', () => {
    let reads = 0
    const path = new Proxy(Array.from({ length: 1_000_000 }, () => 'x'), {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver)
      },
    })
    const deep = defineValidationReader({ name: 'deep', matches: (_entry): _entry is unknown => true, read: () => ({ path }) })
    const { pointer } = readValidationIssues([1], { readers: [deep] })[0]!
    expect(pointer.startsWith('#/x/x/x')).toBe(true)
    expect(pointer.length).toBeLessThanOrEqual(MAX_ISSUE_TEXT_LENGTH)
    expect(reads).toBeLessThanOrEqual(MAX_ISSUE_TEXT_LENGTH)
  })
})

describe('readValidationIssues refuses bad arguments with the coded message', () => {
  it.each<[string, () => unknown, string]>([
    ['entries that are not an array', () => readValidationIssues('age' as never), 'http-problems: option "entries" must be an array of validation entries, received the string "age"'],
    ['a part that is not a string', () => readValidationIssues([], { in: 7 as never }), 'http-problems: option "in" must be a request part name, received number 7'],
  ])('%s', (_case, call, message) => {
    expect(call).toThrow(UsageError)
    expect(call).toThrow(message)
  })
})
