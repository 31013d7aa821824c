// The content-type choice was made faster (one pass, common values looked up); this proves it
// answers exactly what the straightforward two-pass version answered, for generated Accept values.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JSON_CONTENT_TYPE, PROBLEM_CONTENT_TYPE, problemContentType } from '../../src/accept.js'

/** The previous implementation, kept verbatim as the reference. */
function reference(accept: string | readonly string[] | undefined): string {
  const value = Array.isArray(accept) ? accept.join(',') : accept
  if (typeof value !== 'string' || value === '' || value.length > 4096) return PROBLEM_CONTENT_TYPE
  return quality(value, 'json') > quality(value, 'problem+json') ? JSON_CONTENT_TYPE : PROBLEM_CONTENT_TYPE
}

function quality(accept: string, subtype: string): number {
  let bestSpecificity = 0
  let bestQuality = 0
  for (const range of accept.split(',')) {
    const [mediaRange = '', ...parameters] = range.split(';')
    const [type, sub] = mediaRange.trim().toLowerCase().split('/')
    let specificity = 0
    if (type === 'application' && sub === subtype) specificity = 3
    else if (type === 'application' && sub === '*') specificity = 2
    else if (type === '*' && sub === '*') specificity = 1
    if (specificity <= bestSpecificity) continue
    bestSpecificity = specificity
    bestQuality = qValue(parameters)
  }
  return bestQuality
}

function qValue(parameters: string[]): number {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=')
    if (name?.trim().toLowerCase() !== 'q') continue
    const q = Number(value?.trim())
    return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 1
  }
  return 1
}

// Every kind of whitespace `trim` removes, since the fast path must skip exactly the same.
const space = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00a0', '\ufeff', '\u2028', '\u3000')
const mediaRange = fc.constantFrom(
  'application/json',
  'Application/JSON',
  'application/problem+json',
  'application/PROBLEM+json',
  'application/*',
  '*/*',
  '*/json',
  'application',
  'application/json/extra',
  'text/html',
  'text/*',
  'image/webp',
  'audio/*',
  'a',
  'A/*',
  '*',
  '*/',
  '',
)
const qText = fc.oneof(
  fc.constantFrom('0', '1', '0.5', '0.9', '1.0', '', 'abc', '2', '-1', '0x1', '1e0', '.5', ' 0.3 ', 'NaN'),
  fc.double({ min: 0, max: 1, noNaN: true }).map(String),
)
const parameter = fc.oneof(
  fc.tuple(fc.constantFrom('q', 'Q', ' q', 'q '), qText).map(([name, value]) => `${name}=${value}`),
  fc.constantFrom('charset=utf-8', 'level=1', 'q', 'x=y=z', ''),
)
const range = fc
  .tuple(space, mediaRange, fc.array(fc.tuple(space, parameter), { maxLength: 3 }), space)
  .map(([before, media, parameters, after]) => before + media + parameters.map(([s, p]) => `;${s}${p}`).join('') + after)
const acceptValue = fc.array(range, { maxLength: 6 }).map((ranges) => ranges.join(','))

describe('problemContentType (performance rewrite)', () => {
  it('answers like the two-pass reference for generated Accept values', () => {
    fc.assert(
      fc.property(acceptValue, (accept) => {
        expect(problemContentType(accept)).toBe(reference(accept))
      }),
      { numRuns: 5000 },
    )
  })

  it('answers like the reference for repeated headers (arrays) and arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(acceptValue, { maxLength: 3 }), fc.string({ maxLength: 60 })), (accept) => {
        expect(problemContentType(accept)).toBe(reference(accept))
      }),
      { numRuns: 2000 },
    )
  })

  it.each(['*/*', 'application/json', 'application/problem+json', 'application/json, text/plain, */*'])(
    'the shortcut for %j gives what the full parse gives',
    (accept) => {
      // A leading space misses the shortcut table, and the parse trims it.
      expect(problemContentType(accept)).toBe(problemContentType(` ${accept}`))
      expect(problemContentType(accept)).toBe(reference(accept))
    },
  )
})
