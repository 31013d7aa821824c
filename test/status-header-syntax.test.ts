// The grammar of each status-table header found on the reply (src/status-header-syntax.ts), at its
// edges: a value is kept only when the whole of it is well-formed (nothing before or after), and
// Node's stored forms (number, string, list of lines) are read as one field value.
import { describe, expect, it } from 'vitest'
import { fieldText, sendableFieldText, wellFormedStatusHeader } from '../src/status-header-syntax.js'

describe('wellFormedStatusHeader, the whole value', () => {
  it.each([
    ['retry-after', 'xWed, 21 Oct 2026 07:28:00 GMT'],
    ['retry-after', 'Wed, 21 Oct 2026 07:28:00 GMTx'],
    ['retry-after', 'Wed, 21 Oct 2026 07:28:00 GMT, 5'],
    ['retry-after', '5 seconds'],
    ['retry-after', 'in 5'],
    ['content-range', 'x bytes */100'],
    ['content-range', 'bytes */100x'],
    ['content-range', 'bytes */100, bytes */5'],
    ['www-authenticate', 'Basic '],
    ['www-authenticate', ', Basic'],
    ['allow', 'GET,'],
    ['allow', ',GET'],
    ['upgrade', 'websocket/'],
    ['accept', 'text/html;q'],
    ['link', '<a> <b>'],
  ])('refuses %s %j', (name, value) => {
    expect(wellFormedStatusHeader(name, value)).toBeUndefined()
  })

  it('keeps delay-seconds up to 2^31 and sends a larger one as 2^31', () => {
    expect(wellFormedStatusHeader('retry-after', '2147483648')).toBe('2147483648')
    expect(wellFormedStatusHeader('retry-after', '2147483649')).toBe('2147483648')
  })

  it('keeps spaces the list grammar allows around elements', () => {
    expect(wellFormedStatusHeader('allow', ' GET ,  HEAD ')).toBe(' GET ,  HEAD ')
    expect(wellFormedStatusHeader('www-authenticate', ' Bearer realm="a"')).toBe(' Bearer realm="a"')
  })

  it('refuses a value Node could not write, even when the grammar would match', () => {
    expect(wellFormedStatusHeader('www-authenticate', 'Basic realm="\r\n"')).toBeUndefined()
    expect(wellFormedStatusHeader('www-authenticate', 'Basic realm="é€"')).toBeUndefined()
    // A control character the challenge grammar's `.` would let through is no field value (RFC 9110 5.5).
    expect(wellFormedStatusHeader('www-authenticate', 'Bearer realm="a\u0000b"')).toBeUndefined()
    expect(wellFormedStatusHeader('proxy-authenticate', 'Basic realm="a\u007Fb"')).toBeUndefined()
  })
})

describe('fieldText', () => {
  it('reads a string as it is and a finite number as its digits', () => {
    expect(fieldText('a')).toBe('a')
    expect(fieldText('')).toBe('')
    expect(fieldText(45)).toBe('45')
    expect(fieldText(0)).toBe('0')
  })

  it('joins a list of lines with ", "', () => {
    expect(fieldText(['a'])).toBe('a')
    expect(fieldText(['a', 'b'])).toBe('a, b')
  })

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an empty list', []],
    ['a list with a number', ['a', 1]],
    ['an object', { toString: () => 'a' }],
    ['undefined', undefined],
    ['a boolean', true],
  ])('reads %s as nothing', (_label, value) => {
    expect(fieldText(value)).toBeUndefined()
  })
})

describe('sendableFieldText', () => {
  it('is the field text when Node would write it', () => {
    expect(sendableFieldText('Origin')).toBe('Origin')
    expect(sendableFieldText(['Origin', 'Accept-Encoding'])).toBe('Origin, Accept-Encoding')
    expect(sendableFieldText(45)).toBe('45')
    expect(sendableFieldText('caf\u00e9')).toBe('caf\u00e9')
  })

  it.each([
    ['a CR LF', 'a\r\nX-Evil: 1'],
    ['a NUL', 'a\u0000b'],
    ['a character above U+00FF', '\u20ac'],
    ['a list with one bad line', ['a', 'b\n']],
    ['NaN', Number.NaN],
    ['an empty list', []],
  ])('is nothing for %s', (_label, value) => {
    expect(sendableFieldText(value)).toBeUndefined()
  })
})
