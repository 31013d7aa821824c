// `Location` of a 201/202 on its own (src/location.ts): user data made into a URI reference, and a
// value that could inject a header (any C0 control or DEL) never sent at all.
import { describe, expect, it } from 'vitest'
import { locationValue } from '../src/location.js'

describe('locationValue', () => {
  it('keeps a value that needs no encoding as it is', () => {
    expect(locationValue('/users/42')).toBe('/users/42')
    expect(locationValue("https://a.example/x?q=1&r=a~b!$'()*+,;=:@#f")).toBe("https://a.example/x?q=1&r=a~b!$'()*+,;=:@#f")
  })

  it('percent-encodes spaces and non-ASCII as UTF-8, and nothing else', () => {
    expect(locationValue('/files/my report.pdf')).toBe('/files/my%20report.pdf')
    expect(locationValue('/users/José')).toBe('/users/Jos%C3%A9')
    expect(locationValue('/a\u00a0b\u0080')).toBe('/a%C2%A0b%C2%80')
    expect(locationValue('/smile/\u{1F600}')).toBe('/smile/%F0%9F%98%80')
    expect(locationValue('/a b/c d')).toBe('/a%20b/c%20d')
  })

  it('refuses every C0 control and DEL, at the start, in the middle and at the end', () => {
    const controls = ['\x7f']
    for (let code = 0; code < 0x20; code++) controls.push(String.fromCharCode(code))
    for (const control of controls) {
      for (const value of [`${control}/a`, `/a${control}b`, `/a${control}`]) {
        expect([JSON.stringify(value), locationValue(value)]).toEqual([JSON.stringify(value), undefined])
      }
    }
    expect(locationValue('/a\r\nSet-Cookie: x=y')).toBeUndefined()
  })

  it('refuses the empty value and anything but a string', () => {
    // An object with string methods of its own is no string either: its replace is never called.
    const lookalike = { length: 2, replace: (): string => '/evil', toString: (): string => '/a' }
    for (const value of ['', undefined, null, 42, { toString: () => '/a' }, ['/a'], lookalike]) {
      expect(locationValue(value)).toBeUndefined()
    }
  })

  it('refuses a lone surrogate, which has no UTF-8 form', () => {
    expect(locationValue('/a\ud800')).toBeUndefined()
    expect(locationValue('/\udc00b')).toBeUndefined()
  })
})
