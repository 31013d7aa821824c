// The error a log line carries (issue #20): within LOG_BUDGET whatever was thrown, and, when
// nothing had to be left out, logged by pino exactly as the original would have been.
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { LOG_BUDGET } from '../src/index.js'
import { describeThrown, loggableAsIs, loggedError, MAX_TYPE_LENGTH } from '../src/logged-error.js'
import { throwingGetters, throwingTraps } from './hardening/hostile-values.js'

/** What pino's `err` serializer makes of a value, as JSON (the form that reaches the log). */
function serialized(error: Error): Record<string, any> {
  return JSON.parse(JSON.stringify(pino.stdSerializers.err(error)))
}

class DatabaseError extends Error {
  code = 'ECONNREFUSED'
  errno = -111
  retryable = true
  host = null
}

describe('within the budget, the log shows what it showed before', () => {
  it('a chain of causes: the same type, message, stack and fields as the original', () => {
    const root = new DatabaseError('connection to db-7 refused')
    const middle = new TypeError('query failed', { cause: root })
    const thrown = new Error('loading user 42', { cause: middle })
    expect(serialized(loggedError(thrown))).toEqual(serialized(thrown))
    expect(serialized(loggedError(root))).toMatchObject({ type: 'DatabaseError', code: 'ECONNREFUSED', errno: -111, retryable: true, host: null })
  })

  it('an error with a `name` of its own: pino names it by its class, as before', () => {
    const thrown = new (class PaymentError extends Error {
      override name = 'Payments'
    })('card declined')
    expect(serialized(loggedError(thrown)).type).toBe('PaymentError')
    expect(serialized(loggedError(thrown))).toEqual(serialized(thrown))
  })

  it('a copy is an Error with the same name, so any error serializer still applies', () => {
    expect(loggedError(new Error('x'))).toBeInstanceOf(Error)
    expect(describeThrown(loggedError(new TypeError('x')))).toBe('TypeError: x')
  })

  it('laid out as a native Error: message, stack and cause are no enumerable fields', () => {
    const copy = loggedError(Object.assign(new Error('x', { cause: new Error('y') }), { code: 'E_X' }))
    expect(Object.keys(copy)).toEqual(['code'])
    expect(copy.cause).toBeInstanceOf(Error)
  })

  it('an anonymous error class: logged by its name', () => {
    const thrown = new (class extends Error {})('x')
    expect(serialized(loggedError(thrown)).type).toBe('Error')
  })

  it('the type: the class name; for a class without a usable name, or a constructor that is no function, the error\'s `name`', () => {
    const named = (constructorName: unknown): Error => {
      const Class = class extends Error {}
      Object.defineProperty(Class, 'name', { value: constructorName })
      Object.defineProperty(Class.prototype, 'name', { value: 'Named' })
      return new Class('x')
    }
    const impostor = Object.defineProperties(new Error('x'), { constructor: { value: { name: 'Impostor' } }, name: { value: 'Named' } })
    for (const thrown of [named(''), named(42), impostor]) expect(serialized(loggedError(thrown)).type).toBe('Named')
    // pino itself reads `name` only in the last case; for the first two it logs the unusable class name.
    expect(serialized(impostor).type).toBe('Named')
  })

  it('the name a reader of `name` sees is the error\'s own (an inherited one too), else its type', () => {
    class PaymentError extends Error {}
    Object.defineProperty(PaymentError.prototype, 'name', { value: 'Payments' })
    const copy = loggedError(new PaymentError('card declined'))
    expect(copy.name).toBe('Payments')
    expect(describeThrown(copy)).toBe('Payments: card declined')
    expect(Object.keys(copy)).toEqual([])
    const unnamed = Object.defineProperty(new PaymentError('x'), 'name', { value: 42 })
    expect(loggedError(unnamed).name).toBe('PaymentError')
  })

  it('a copy behaves like a native Error: its members can be reassigned', () => {
    const copy = loggedError(Object.assign(new Error('x'), { code: 'E_X' })) as Error & { code: string }
    copy.message = 'redacted'
    copy.code = 'E_Y'
    expect(copy.message).toBe('redacted')
    expect(copy.code).toBe('E_Y')
  })

  it('a circular chain: every error in it once, then the chain ends', () => {
    const first = new Error('first')
    const second = new Error('second', { cause: first })
    ;(first as { cause?: unknown }).cause = second
    expect(serialized(loggedError(second)).message).toBe('second: first')
    expect(loggedError(second)).not.toHaveProperty('causesOmitted')
  })

  it('a cause that is no error (a string, a plain object) ends the chain, as in pino', () => {
    const thrown = new Error('outer', { cause: 'just text' })
    expect(serialized(loggedError(thrown)).message).toBe('outer')
    expect(serialized(loggedError(new Error('outer', { cause: { code: 42 } }))).message).toBe('outer')
    // Error-like: an object with a string message counts as a cause, as pino counts it.
    expect(serialized(loggedError(new Error('outer', { cause: { message: 'inner' } }))).message).toBe('outer: inner')
  })
})

describe('beyond the budget, what is left out is cut or counted', () => {
  it('a message and a stack longer than their budget are cut', () => {
    const thrown = new Error('m'.repeat(100_000))
    const copy = loggedError(thrown)
    expect(copy.message).toHaveLength(LOG_BUDGET.messageLength)
    expect(copy.message.endsWith('…')).toBe(true)
    expect(copy.stack).toHaveLength(LOG_BUDGET.stackLength)
    expect(copy.stack!.startsWith('Error: mmm')).toBe(true)
  })

  it('a message at exactly its budget is whole', () => {
    const message = 'm'.repeat(LOG_BUDGET.messageLength)
    expect(loggedError(new Error(message)).message).toBe(message)
  })

  it(`the chain: the first ${LOG_BUDGET.causes - 1} causes, a marker, the root; causesOmitted counts the rest`, () => {
    let thrown = new Error('root')
    for (let level = 0; level < 25; level++) thrown = new Error(`level ${level}`, { cause: thrown })
    const copy = loggedError(thrown) as Error & { causesOmitted?: number }
    expect(copy.causesOmitted).toBe(25 - LOG_BUDGET.causes)
    const chain: string[] = []
    for (let error: unknown = copy; error instanceof Error; error = error.cause) chain.push(`${error.name}: ${error.message}`)
    expect(chain).toEqual([
      'Error: level 24',
      ...Array.from({ length: LOG_BUDGET.causes - 1 }, (_, index) => `Error: level ${23 - index}`),
      'CausesOmitted: 15 causes left out of this log line',
      'Error: root',
    ])
    expect(serialized(copy).causesOmitted).toBe(15)
  })

  it('the marker is laid out as an error of its own type, with nothing else a serializer would copy', () => {
    let thrown = new Error('root')
    for (let level = 0; level < 25; level++) thrown = new Error(`level ${level}`, { cause: thrown })
    let marker: unknown = loggedError(thrown)
    for (let index = 0; index < LOG_BUDGET.causes; index++) marker = (marker as Error).cause
    expect(Object.keys(marker as Error)).toEqual([])
    // pino's serializer that logs causes as nested errors shows the marker as it shows any other.
    let entry = JSON.parse(JSON.stringify(pino.stdSerializers.errWithCause(loggedError(thrown))))
    for (let index = 0; index < LOG_BUDGET.causes; index++) entry = entry.cause
    expect(entry).toEqual({
      type: 'CausesOmitted',
      message: '15 causes left out of this log line',
      stack: 'CausesOmitted: 15 causes left out of this log line',
      cause: expect.objectContaining({ message: 'root' }),
    })
  })

  it(`a chain of exactly ${LOG_BUDGET.causes} causes is logged whole`, () => {
    let thrown = new Error('root')
    for (let level = 1; level < LOG_BUDGET.causes; level++) thrown = new Error(`level ${level}`, { cause: thrown })
    thrown = new Error('top', { cause: thrown })
    const copy = loggedError(thrown)
    expect(copy).not.toHaveProperty('causesOmitted')
    expect(serialized(copy)).toEqual(serialized(thrown))
  })

  it(`own properties: the first ${LOG_BUDGET.properties}, text cut, objects described; propertiesOmitted counts the rest`, () => {
    const thrown = Object.assign(new Error('many fields'), {
      long: 'v'.repeat(1000),
      ['k'.repeat(1000)]: 1,
      nested: { password: 'hunter2' },
      failure: new RangeError('inner'),
      id: 10n,
      tag: Symbol('t'),
      callback: () => 'x',
      missing: undefined,
      ninth: 9,
      tenth: 10,
    })
    const copy = serialized(loggedError(thrown))
    expect(copy.long).toHaveLength(LOG_BUDGET.propertyLength)
    expect(copy['k'.repeat(LOG_BUDGET.propertyLength - 1) + '…']).toBe(1)
    expect(copy.nested).toBe('[object Object]')
    expect(copy.failure).toBe('RangeError: inner')
    expect(copy.id).toBe('10')
    expect(copy.tag).toBe('Symbol(t)')
    expect(copy.callback).toBe('[function]')
    expect(copy).not.toHaveProperty('ninth')
    expect(copy.propertiesOmitted).toBe(2)
    expect(JSON.stringify(copy)).not.toContain('hunter2')
  })

  it('propertiesOmitted counts only properties the copy would have copied, not the fields it lays out itself', () => {
    const fields = Object.fromEntries(Array.from({ length: LOG_BUDGET.properties + 2 }, (_, index) => [`p${index}`, index]))
    const copy = serialized(loggedError(Object.assign(new Error('x'), fields, { type: 'custom', raw: 'body' })))
    expect(copy.propertiesOmitted).toBe(2)
  })

  it(`an AggregateError: its first ${LOG_BUDGET.aggregatedErrors} errors, each without causes; errorsOmitted counts the rest`, () => {
    const members = [new Error('one', { cause: new Error('deep') }), 'two', new TypeError('three'), new Error('four'), new Error('five')]
    const copy = serialized(loggedError(new AggregateError(members, 'all failed')))
    expect(copy.type).toBe('AggregateError')
    expect(copy.aggregateErrors.map((error: Record<string, unknown> | string) => (typeof error === 'string' ? error : error.message))).toEqual([
      'one',
      'two',
      'three',
    ])
    expect(copy.errorsOmitted).toBe(2)
    // As in a native AggregateError, `errors` is no enumerable field: pino logs it once, as aggregateErrors.
    expect(copy).not.toHaveProperty('errors')
  })

  it(`an AggregateError of exactly ${LOG_BUDGET.aggregatedErrors} errors: all of them, nothing said to be omitted`, () => {
    const members = Array.from({ length: LOG_BUDGET.aggregatedErrors }, (_, index) => new Error(`e${index}`))
    const copy = serialized(loggedError(new AggregateError(members, 'failed')))
    expect(copy.aggregateErrors).toHaveLength(LOG_BUDGET.aggregatedErrors)
    expect(copy).not.toHaveProperty('errorsOmitted')
  })

  it('a chain too long to walk to its end (over 100,000 causes): the count says "or more"', () => {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    let thrown = new Error('root')
    try {
      for (let level = 0; level < 100_005; level++) thrown = new Error(`level ${level}`, { cause: thrown })
    } finally {
      Error.stackTraceLimit = limit
    }
    const copy = serialized(loggedError(thrown))
    expect(copy.causesOmitted).toBe(100_000 - LOG_BUDGET.causes)
    expect(copy.message).toContain(`: ${100_000 - LOG_BUDGET.causes} or more causes left out of this log line: level 4`)
  })
})

describe('never throws, whatever the error is made of', () => {
  it.each([
    // `stack` first: V8 formats a pending stack when it is redefined, and that reads `message`.
    ['getters that throw', () => throwingGetters('s', ['stack', 'message', 'cause', 'errors', 'code', 'name', 'constructor'], new Error('s'))],
    ['a Proxy whose traps throw', () => new Proxy(new Error('s'), throwingTraps('s'))],
  ])('%s: a copy with what could be read', (_label, make) => {
    const copy = loggedError(make() as Error)
    expect(copy).toBeInstanceOf(Error)
    expect(typeof copy.message).toBe('string')
    expect(typeof copy.stack).toBe('string')
  })

  it('a Proxy whose own keys cannot be listed: a copy without properties, none made up', () => {
    expect(Object.keys(loggedError(new Proxy(new Error('s'), throwingTraps('s')) as Error))).toEqual([])
  })

  it('a stack that is no string, an empty name: empty text and the type Error', () => {
    const thrown = Object.defineProperties(new Error('s'), { stack: { value: 42 }, constructor: { value: 'no function' }, name: { value: '' } })
    const copy = serialized(loggedError(thrown))
    expect(copy.stack).toBe('')
    expect(copy.type).toBe('Error')
  })
})

describe('describeThrown', () => {
  it.each([
    ['an error', () => new TypeError('boom'), 'TypeError: boom'],
    ['a string', () => 'text', 'text'],
    ['a number', () => 42, '42'],
    ['null', () => null, 'null'],
    ['undefined', () => undefined, 'undefined'],
    ['a function', () => () => 1, '[function]'],
    ['an object', () => ({ a: 1 }), '[object Object]'],
    ['a Proxy whose traps throw', () => new Proxy({}, throwingTraps('s')), 'object'],
    ['an error in a Proxy whose traps throw', () => new Proxy(new Error('s'), throwingTraps('s')), 'object'],
  ])('%s', (_label, make, description) => {
    expect(describeThrown(make())).toBe(description)
  })

  it('cuts at the length asked for, 2048 by default', () => {
    expect(describeThrown('x'.repeat(5000))).toHaveLength(2048)
    expect(describeThrown('x'.repeat(5000), 10)).toHaveLength(10)
    expect(describeThrown(new Error('x'.repeat(5000)), 10)).toBe('Error: xx…')
  })
})

describe('the stack is read when the logger reads it', () => {
  it('not when the copy is made: a disabled logger never makes V8 format it', () => {
    let reads = 0
    const error = new Error('boom')
    const stack = error.stack!
    Object.defineProperty(error, 'stack', {
      get: () => {
        reads += 1
        return stack
      },
    })
    const copy = loggedError(error)
    expect(reads).toBe(0)
    expect(copy.stack).toBe(stack)
    expect(copy.stack).toBe(stack)
    expect(reads).toBe(1)
    expect(Object.keys(copy)).not.toContain('stack')
  })

  it('clipped to the budget when read, and replaced when written', () => {
    const error = new Error('boom')
    error.stack = 'x'.repeat(LOG_BUDGET.stackLength * 2)
    const copy = loggedError(error)
    expect(copy.stack!.length).toBeLessThanOrEqual(LOG_BUDGET.stackLength)
    const fresh = loggedError(new Error('again'))
    fresh.stack = 'rewritten'
    expect(fresh.stack).toBe('rewritten')
    expect(Object.keys(fresh)).not.toContain('stack')
  })
})

describe('loggableAsIs: an error already within the budget is logged as it is, without a copy', () => {
  const at = (length: number) => 'x'.repeat(length)
  function withStack(length: number): Error {
    const error = new Error('x')
    error.stack = at(length)
    return error
  }
  function withClassName(name: unknown): Error {
    const Class = class extends Error {}
    Object.defineProperty(Class, 'name', { value: name })
    return new Class('x')
  }
  function withProperties(count: number): Error {
    return Object.assign(new Error('x'), Object.fromEntries(Array.from({ length: count }, (_, index) => [`p${index}`, index])))
  }

  it('a plain error, and one with a few short primitive fields, are within it', () => {
    expect(loggableAsIs(new Error('connection lost'))).toBe(true)
    expect(loggableAsIs(new DatabaseError('refused'))).toBe(true)
    expect(loggableAsIs(Object.assign(new Error('x'), { text: at(LOG_BUDGET.propertyLength), flag: false, nothing: undefined }))).toBe(true)
  })

  it('each length at its budget is within it; one character more is not', () => {
    expect(loggableAsIs(new Error(at(LOG_BUDGET.messageLength)))).toBe(true)
    expect(loggableAsIs(new Error(at(LOG_BUDGET.messageLength + 1)))).toBe(false)
    expect(loggableAsIs(withStack(LOG_BUDGET.stackLength))).toBe(true)
    expect(loggableAsIs(withStack(LOG_BUDGET.stackLength + 1))).toBe(false)
    expect(loggableAsIs(Object.assign(new Error('x'), { [at(LOG_BUDGET.propertyLength)]: 1 }))).toBe(true)
    expect(loggableAsIs(Object.assign(new Error('x'), { [at(LOG_BUDGET.propertyLength + 1)]: 1 }))).toBe(false)
    expect(loggableAsIs(Object.assign(new Error('x'), { text: at(LOG_BUDGET.propertyLength + 1) }))).toBe(false)
    expect(loggableAsIs(withProperties(LOG_BUDGET.properties))).toBe(true)
    expect(loggableAsIs(withProperties(LOG_BUDGET.properties + 1))).toBe(false)
    expect(loggableAsIs(withClassName(at(MAX_TYPE_LENGTH)))).toBe(true)
    expect(loggableAsIs(withClassName(at(MAX_TYPE_LENGTH + 1)))).toBe(false)
  })

  it.each([
    ['a cause', () => new Error('x', { cause: new Error('y') })],
    ['a cause that is no error', () => new Error('x', { cause: 'text' })],
    ['aggregated errors', () => new AggregateError([new Error('a')], 'x')],
    ['a property that is an object', () => Object.assign(new Error('x'), { response: { body: 'x' } })],
    ['an enumerable field the copy lays out itself', () => Object.assign(new Error('x'), { type: 'custom' })],
    ['an inherited enumerable property', () => Object.setPrototypeOf(new Error('x'), Object.assign(Object.create(Error.prototype), { inherited: 1 })) as Error],
    ['an anonymous class', () => new (class extends Error {})('x')],
    ['a class whose name is too long', () => new ({ [at(200)]: class extends Error {} } as Record<string, typeof Error>)[at(200)]!('x')],
    ['a class whose name is no string', () => withClassName(42)],
    ['a constructor that is no function', () => Object.defineProperty(new Error('x'), 'constructor', { value: { name: 'Impostor' } })],
    ['a stack that is a number', () => Object.defineProperty(new Error('x'), 'stack', { value: 42 })],
    ['a message that is no string', () => Object.defineProperty(new Error('x'), 'message', { value: 42 })],
    ['a stack that is no string', () => Object.defineProperty(new Error('x'), 'stack', { value: undefined })],
    ['a getter that throws', () => throwingGetters('s', ['stack'], new Error('s')) as Error],
    ['a Proxy whose traps throw', () => new Proxy(new Error('s'), throwingTraps('s'))],
  ])('%s: copied instead', (_label, make) => {
    expect(loggableAsIs(make() as Error)).toBe(false)
  })

  it('what pino logs for an error within the budget is what it logs for its copy', () => {
    const thrown = Object.assign(new DatabaseError('refused'), { attempt: 3 })
    expect(loggableAsIs(thrown)).toBe(true)
    expect(serialized(thrown)).toEqual(serialized(loggedError(thrown)))
  })
})
