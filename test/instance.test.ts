// `instance` on its own (src/instance.ts): the request path without query or fragment, and the
// bound on its length that never cuts a `%XX` in half. test/standards/instance.test.ts covers the
// URI rules over real sockets.
import { describe, expect, it } from 'vitest'
import { instanceOf, pathOf } from '../src/instance.js'

describe('pathOf', () => {
  it.each([
    ['/a', '/a'],
    ['/a?q=1', '/a'],
    ['/a#f', '/a'],
    ['/a?q=1#f', '/a'],
    ['/a#f?q=1', '/a'],
    ['/a?q=#f?', '/a'],
    ['?q', ''],
    ['#f', ''],
    ['', ''],
  ])('%j → %j', (url, path) => {
    expect(pathOf(url)).toBe(path)
  })
})

describe('instanceOf bounds', () => {
  it('keeps a plain path of exactly maxLength characters, and cuts one character more', () => {
    expect(instanceOf('/abcd', 5)).toBe('/abcd')
    expect(instanceOf('/abcde', 5)).toBe('/abcd')
  })

  it('cuts an encoded path to maxLength, never inside a %XX', () => {
    // '/ab%7C' is 6 characters: a bound of 6 keeps it, 5 and 4 leave the `%7C` out whole.
    expect(instanceOf('/ab|', 6)).toBe('/ab%7C')
    expect(instanceOf('/ab|', 5)).toBe('/ab')
    expect(instanceOf('/ab|', 4)).toBe('/ab')
    expect(instanceOf('/ab|c', 7)).toBe('/ab%7Cc')
    expect(instanceOf('/ab|cd', 7)).toBe('/ab%7Cc')
  })

  it('holds to the smallest bounds too: one character, and a %XX that does not fit after the /', () => {
    expect(instanceOf('/ab', 1)).toBe('/')
    expect(instanceOf('/|', 3)).toBe('/')
    expect(instanceOf('/|', 4)).toBe('/%7C')
  })

  it('cuts an encoded path that holds an earlier %XX at the bound, not at that %', () => {
    // The last `%` before the bound is far from the end: the cut is at the bound.
    expect(instanceOf('/|abcdef ', 8)).toBe('/%7Cabcd')
  })

  it('leaves an absolute-form target its path only, and `*` none', () => {
    expect(instanceOf('https://a.example:8080/x/y?q', 100)).toBe('/x/y')
    expect(instanceOf('HTTP://a.example', 100)).toBe('/')
    expect(instanceOf('a+b.c-d://host/p', 100)).toBe('/p')
    expect(instanceOf('1a://host/p', 100)).toBe('/1a://host/p')
  })

  it('collapses every leading slash into one', () => {
    expect(instanceOf('////x', 100)).toBe('/x')
    expect(instanceOf('//', 100)).toBe('/')
    expect(instanceOf('a//b', 100)).toBe('/a//b')
  })
})
