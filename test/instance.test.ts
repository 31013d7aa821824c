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

describe('instanceOf', () => {
  it.each([
    // A plain path of exactly maxLength characters is kept; one character more is cut.
    ['/abcd', 5, '/abcd'],
    ['/abcde', 5, '/abcd'],
    // '/ab%7C' is 6 characters: a bound of 6 keeps it, 5 and 4 leave the `%7C` out whole.
    ['/ab|', 6, '/ab%7C'],
    ['/ab|', 5, '/ab'],
    ['/ab|', 4, '/ab'],
    ['/ab|c', 7, '/ab%7Cc'],
    ['/ab|cd', 7, '/ab%7Cc'],
    // The smallest bounds: one character, and a %XX that does not fit after the /.
    ['/ab', 1, '/'],
    ['/|', 3, '/'],
    ['/|', 4, '/%7C'],
    // The last `%` before the bound is far from the end: the cut is at the bound.
    ['/|abcdef ', 8, '/%7Cabcd'],
    // An absolute-form target keeps its path only; a scheme must start with a letter.
    ['https://a.example:8080/x/y?q', 100, '/x/y'],
    ['HTTP://a.example', 100, '/'],
    ['a+b.c-d://host/p', 100, '/p'],
    ['1a://host/p', 100, '/1a://host/p'],
    // Leading slashes collapse into one; inner ones stay.
    ['////x', 100, '/x'],
    ['//', 100, '/'],
    ['a//b', 100, '/a//b'],
  ])('%j within %i characters → %j', (url, maxLength, instance) => {
    expect(instanceOf(url, maxLength)).toBe(instance)
  })
})
