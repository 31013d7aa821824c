// The renderer's string quoting must be byte for byte JSON.stringify, for every string.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonString } from '../../src/json-string.js'

describe('jsonString', () => {
  it('equals JSON.stringify for any string of UTF-16 code units (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(jsonString(text)).toBe(JSON.stringify(text))
      }),
      { numRuns: 20_000 },
    )
  })

  it('equals JSON.stringify for strings made of the characters that matter', () => {
    const tricky = fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '\ud83d', '\ude00', '😀', 'é', 'a', '/', ' ')
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(jsonString(text)).toBe(JSON.stringify(text))
      }),
      { numRuns: 20_000 },
    )
  })

  it.each(['', 'about:blank', 'Not Found', '/users/42', '0f8fad5b-d9cb-469f-a165-70867728950e', 'x'.repeat(5000)])(
    'quotes plain string #%# directly',
    (text) => {
      expect(jsonString(text)).toBe(JSON.stringify(text))
    },
  )
})
