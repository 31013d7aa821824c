// URI references (src/uri.ts, RFC 3986) on their own: which values are one, component by
// component, and how text is percent-encoded into a path or a reference without encoding twice.
import { describe, expect, it } from 'vitest'
import { encodePath, encodeUriReference, isPathAbsolute, isUriReference } from '../src/uri.js'

describe('isUriReference (RFC 3986 4.1)', () => {
  it.each([
    'https://example.com/x',
    'urn:problem:x',
    'about:blank',
    'a+b.c-d:x',
    '/problems/x',
    'problems/x',
    '',
    '?q',
    '#f',
    '%41',
    '//host/p',
    'http://[::1]:80/p',
    "http://u:p@h/p;a=b?q=/?&x=!$'()*+,;=:@#f/?",
    'x:/a?b#c',
    'x:/~a-b._c',
  ])('accepts %j', (value) => {
    expect(isUriReference(value)).toBe(true)
  })

  it.each([
    ['a space in the path', 'a b'],
    ['non-ASCII', 'é'],
    ['a scheme that starts with a digit', '1x:y'],
    ['a scheme with a character a scheme may not hold', 'a_b:x'],
    ['a stray %', '%'],
    ['a % with one hex digit', '%4'],
    ['a % with a non-hex digit', '/a%4g'],
    ['a space in the authority', 'http://h h/'],
    ['a bad %XX in the authority', 'http://h%zz/'],
    ['a < in the authority', 'http://h<x/'],
    ['a space in the query', 'x:/a?b c'],
    ['a [ in the query', 'x:/a?['],
    ['a space in the fragment', 'x:/a#b c'],
    ['a second # in the fragment', 'x:/a#b#c'],
    ['a ] in the fragment', 'x:/a#]'],
    ['brackets in the path', '/a[b]'],
    ['angle brackets', '<a>'],
    ['a quote', '/a"b'],
    ['a control character', '/a\nb'],
  ])('refuses %s: %j', (_label, value) => {
    expect(isUriReference(value)).toBe(false)
  })

  it('refuses anything but a string', () => {
    for (const value of [undefined, null, 1, { toString: () => '/a' }]) expect(isUriReference(value)).toBe(false)
  })
})

describe('encodePath', () => {
  it('encodes what a path may not hold, a ? and a # included, keeps a valid %XX and encodes a stray %', () => {
    expect(encodePath('a b/?#%%41%4g[é]')).toBe('a%20b/%3F%23%25%41%254g%5B%C3%A9%5D')
    expect(encodePath("/a-b._~!$&'()*+,;=:@/c")).toBe("/a-b._~!$&'()*+,;=:@/c")
  })

  it('sends a lone surrogate as U+FFFD', () => {
    expect(encodePath('/\ud800')).toBe('/%EF%BF%BD')
    expect(encodePath('/\udc00x')).toBe('/%EF%BF%BDx')
  })
})

describe('encodeUriReference', () => {
  it('encodes what no URI reference holds, and keeps ? # [ ] and a valid %XX', () => {
    expect(encodeUriReference('a b/?#%%41%4g[é]<>"{}|\\^`')).toBe('a%20b/?#%25%41%254g[%C3%A9]%3C%3E%22%7B%7D%7C%5C%5E%60')
    expect(encodeUriReference('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1#z')
  })

  it('sends a lone surrogate as U+FFFD', () => {
    expect(encodeUriReference('x\ud800')).toBe('x%EF%BF%BD')
  })
})

describe('isPathAbsolute (RFC 3986 4.2)', () => {
  it.each(['/', '/a', '/a/b//c', '/a%41', "/a:b@c!$&'()*+,;=-._~"])('accepts %j', (value) => {
    expect(isPathAbsolute(value)).toBe(true)
  })

  it.each(['', 'a', '//a', '/a%4', '/a%', '/a?b', '/a#b', '/é', '/a b', 'x/a'])('refuses %j', (value) => {
    expect(isPathAbsolute(value)).toBe(false)
  })

  it('refuses anything but a string', () => {
    expect(isPathAbsolute({ toString: () => '/a' })).toBe(false)
  })
})
