// The `cause` member of a mapped problem's log line: a plain, bounded object, whatever was thrown.
import { describe, expect, it } from 'vitest'
import { describeCause } from '../../src/log-cause.js'

describe('describeCause', () => {
  it('an error: type, message, code and stack', () => {
    const error = Object.assign(new RangeError('pool exhausted'), { code: 'E_POOL' })
    expect(describeCause(error)).toEqual({ type: 'RangeError', message: 'pool exhausted', code: 'E_POOL', stack: error.stack })
  })

  it('a numeric code (MongoDB) is kept as a number; a code of another type is left out', () => {
    expect(describeCause(Object.assign(new Error('dup'), { code: 11000 })).code).toBe(11000)
    expect(describeCause(Object.assign(new Error('x'), { code: { nested: true } }))).not.toHaveProperty('code')
  })

  it('values that are not objects, and objects without a constructor name', () => {
    expect(describeCause('text')).toEqual({ type: 'string' })
    expect(describeCause(null)).toEqual({ type: 'null' })
    expect(describeCause(undefined)).toEqual({ type: 'undefined' })
    expect(describeCause(Object.create(null))).toEqual({ type: 'Object' })
    expect(describeCause({ name: 'PrismaClientKnownRequestError', message: 'm' })).toEqual({ type: 'Object', message: 'm' })
    expect(describeCause(Object.assign(Object.create(null), { name: 'Named' }))).toEqual({ type: 'Named' })
    // A constructor whose name is empty (an anonymous class) gives way to the value's own name; an
    // empty name there too, to 'Object'.
    const Anonymous = Object.defineProperty(
      class {
        readonly kind = 'anonymous'
      },
      'name',
      { value: '' },
    )
    expect(describeCause(Object.assign(new Anonymous(), { name: 'OwnName' }))).toEqual({ type: 'OwnName' })
    expect(describeCause(Object.assign(new Anonymous(), { name: '' }))).toEqual({ type: 'Object' })
  })

  it('a hostile value (throwing getters, a Proxy) gives what can be read, never a throw', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') }, getPrototypeOf: () => { throw new Error('trap') } })
    expect(describeCause(hostile)).toEqual({ type: 'Object' })
  })

  it('bounds long texts', () => {
    const cause = describeCause(new Error('x'.repeat(100_000)))
    expect(cause.message!.length).toBeLessThanOrEqual(4096)
    expect(cause.stack!.length).toBeLessThanOrEqual(4096)
  })
})
