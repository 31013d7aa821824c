// Text from outside is cut to a bound before it is written into a body or a log line, and the cut
// never splits a surrogate pair, so the result is still well-formed UTF-16 (and valid UTF-8 on the wire).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clip } from '../src/clip.js'

const MAX = 10

/** No lone surrogate (String.prototype.isWellFormed is ES2024; the project's lib is ES2023). */
function isWellFormed(text: string): boolean {
  return !/\p{Surrogate}/u.test(text)
}
const EMOJI = '\u{1F600}'

describe('clip', () => {
  it('text up to the bound is returned as is', () => {
    expect(clip('', MAX)).toBe('')
    expect(clip('a'.repeat(MAX), MAX)).toBe('a'.repeat(MAX))
  })

  it('longer text: exactly `max` characters, the last an ellipsis', () => {
    expect(clip('a'.repeat(MAX + 1), MAX)).toBe(`${'a'.repeat(MAX - 1)}…`)
    expect(clip('abcdefghijklmnop', 2)).toBe('a…')
  })

  it('a surrogate pair across the cut is left out whole, one character short of the bound', () => {
    const text = `${'a'.repeat(MAX - 2)}${EMOJI}bbbb`
    expect(clip(text, MAX)).toBe(`${'a'.repeat(MAX - 2)}…`)
  })

  it('a surrogate pair just before the cut is kept whole', () => {
    const text = `${'a'.repeat(MAX - 3)}${EMOJI}bbbb`
    expect(clip(text, MAX)).toBe(`${'a'.repeat(MAX - 3)}${EMOJI}…`)
  })

  it('a pair that starts at the cut is left out whole', () => {
    expect(clip(`${'a'.repeat(MAX - 1)}${EMOJI}`, MAX)).toBe(`${'a'.repeat(MAX - 1)}…`)
  })

  it.each([
    ['\ud800', 'the first high surrogate', true],
    ['\udbff', 'the last high surrogate', true],
    ['\ud7ff', 'the code unit below the high surrogates', false],
    ['\udc00', 'a low surrogate', false],
  ])('%j (%s) before the cut: left out %s', (unit, _label, leftOut) => {
    const kept = `${'a'.repeat(MAX - 2)}${unit}`
    expect(clip(`${kept}zzzz`, MAX)).toBe(leftOut ? `${'a'.repeat(MAX - 2)}…` : `${kept}…`)
  })

  it('any text with astral characters, cut anywhere: well-formed, at most `max` long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 2, max: 50 }), (text, max) => {
        const clipped = clip(text, max)
        expect(clipped.length).toBeLessThanOrEqual(max)
        expect(isWellFormed(clipped)).toBe(isWellFormed(text))
        expect(text.startsWith(clipped.length < text.length ? clipped.slice(0, -1) : clipped)).toBe(true)
      }),
    )
  })
})
