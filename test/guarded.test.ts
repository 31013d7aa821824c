// Defensive reads (src/guarded.ts): what they answer for values that are not objects.
import { describe, expect, it } from 'vitest'
import { readProperty } from '../src/guarded.js'

describe('readProperty', () => {
  it('reads an own or inherited property of an object', () => {
    expect(readProperty({ status: 404 }, 'status')).toBe(404)
    expect(readProperty(Object.create({ status: 410 }), 'status')).toBe(410)
  })

  it.each([
    ['a string', 'abc', 'length'],
    ['a number', 5, 'toFixed'],
    ['a boolean', true, 'valueOf'],
    ['a function', Object.assign(() => undefined, { status: 404 }), 'status'],
    ['null', null, 'status'],
    ['undefined', undefined, 'status'],
  ])('answers undefined for %s, never what its wrapper or prototype holds', (_, target, key) => {
    expect(readProperty(target, key)).toBeUndefined()
  })

  it('answers undefined when the read throws', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(readProperty(hostile, 'status')).toBeUndefined()
  })
})
