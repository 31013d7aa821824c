// isValidCorrelationId became a table lookup per character instead of a regular expression; this
// proves it accepts exactly what the regular expression accepted.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidCorrelationId } from '../../src/correlation.js'

/** The previous definition, kept as the reference. */
const SAFE_ID = /^[A-Za-z0-9._~:/+=@-]{1,128}$/

const idCharacter = fc.constantFrom(...'Az09._~:/+=@-', ' ', '"', '\n', '\u0000', '\u007f', 'é', '😀', '\ud800', '%', '<', '*')

describe('isValidCorrelationId (performance rewrite)', () => {
  it('accepts exactly what /^[A-Za-z0-9._~:/+=@-]{1,128}$/ accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 140 }), fc.array(idCharacter, { maxLength: 140 }).map((parts) => parts.join(''))),
        (value) => {
          expect(isValidCorrelationId(value)).toBe(SAFE_ID.test(value))
        },
      ),
      { numRuns: 20_000 },
    )
  })

  it.each([
    ['', false],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['0f8fad5b-d9cb-469f-a165-70867728950e', true],
    ['req-7f3a:b/c+d=e@f~g.h_i', true],
    ['a b', false],
    ['a\u0100', false],
  ])('%j → %s', (value, expected) => {
    expect(isValidCorrelationId(value)).toBe(expected)
  })

  it('refuses anything that is not a string', () => {
    for (const value of [undefined, null, 42, ['abc'], { toString: () => 'abc' }]) expect(isValidCorrelationId(value)).toBe(false)
  })
})
