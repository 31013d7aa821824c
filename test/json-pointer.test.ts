// JSON Pointers (src/json-pointer.ts, RFC 6901) on their own: escaping each segment, the URI
// fragment form of section 6, the bound on its length, and reading a pointer string back.
import { describe, expect, it } from 'vitest'
import { pointerFragment, pointerSegments } from '../src/json-pointer.js'

describe('pointerFragment', () => {
  it('is # for the whole document', () => {
    expect(pointerFragment([], 100)).toBe('#')
  })

  it('escapes ~ and / in each segment (~ first), then percent-encodes for a fragment', () => {
    expect(pointerFragment(['a/b', 'm~n', 0, 'c d', '#x', 'é'], 100)).toBe('#/a~1b/m~0n/0/c%20d/%23x/%C3%A9')
    expect(pointerFragment(['~/'], 100)).toBe('#/~0~1')
    expect(pointerFragment(['a~1'], 100)).toBe('#/a~01')
    expect(pointerFragment(['a//b'], 100)).toBe('#/a~1~1b')
    expect(pointerFragment(['~~'], 100)).toBe('#/~0~0')
  })

  it('sends lone surrogates as U+FFFD and keeps pairs', () => {
    expect(pointerFragment(['\ud800x', 'y\udc00', '\ud83d\ude00'], 100)).toBe('#/%EF%BF%BDx/y%EF%BF%BD/%F0%9F%98%80')
  })

  it('is at most max characters, however long the segments', () => {
    expect(pointerFragment(['abcdef', 'ghij'], 6)).toBe('#/abc…')
    expect(pointerFragment(['x'.repeat(10_000), 'y'], 8)).toBe('#/xxxxx…')
    expect(pointerFragment(['ab', 'cd'], 6)).toBe('#/ab/…')
    expect(pointerFragment(['ab', 'c'], 6)).toBe('#/ab/c')
  })
})

describe('pointerSegments', () => {
  it('reads the whole document as no segments, and "/" as the empty member', () => {
    expect(pointerSegments('')).toEqual([])
    expect(pointerSegments('/')).toEqual([''])
  })

  it('unescapes ~1 before ~0, so ~01 is ~1', () => {
    expect(pointerSegments('/a~1b/0/~0~1/~01')).toEqual(['a/b', '0', '~/', '~1'])
  })

  it('reads a pointer without its leading / as if it had one, and keeps a ~ that starts no escape', () => {
    expect(pointerSegments('a/b')).toEqual(['a', 'b'])
    expect(pointerSegments('/a~2')).toEqual(['a~2'])
    expect(pointerSegments('a~1b')).toEqual(['a/b'])
  })
})
