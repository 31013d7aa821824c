// The header-value builders and checks on their own (src/header-values.ts), at each boundary and
// with each rejected character class: RFC 9110 5.6.2 tokens (names, methods) and 5.5 field values.
// What the adapters send is tested over sockets in test/standards; here each rule is pinned down.
import { describe, expect, it } from 'vitest'
import {
  challengeValue,
  isValidHeaderName,
  isValidHeaderValue,
  listValue,
  methodListValue,
  unsatisfiedRangeValue,
} from '../src/header-values.js'
import { UsageError } from '../src/usage-error.js'

/** Every character RFC 9110 5.6.2 allows in a token: tchar. */
const TCHARS = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
/** The delimiters RFC 9110 5.6.2 names, plus space, tab, controls, DEL and non-ASCII: never in a token. */
const NOT_TCHARS = ['"', '(', ')', ',', '/', ':', ';', '<', '=', '>', '?', '@', '[', '\\', ']', '{', '}', ' ', '\t', '\0', '\r', '\n', '\x1f', '\x7f', '\x80', 'é', '\u0100']

/** The message and code of the `UsageError` `make` throws. */
function misuse(make: () => unknown): { code: string; message: string } {
  try {
    make()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    const { code, message } = error as UsageError
    return { code, message }
  }
  throw new Error('expected a UsageError')
}

const PREFIX = 'http-problems: option'

describe('isValidHeaderName (RFC 9110 5.6.2 token)', () => {
  it('accepts every tchar, alone and together', () => {
    for (const character of TCHARS) expect([character, isValidHeaderName(character)]).toEqual([character, true])
    expect(isValidHeaderName(TCHARS)).toBe(true)
    expect(isValidHeaderName('x-rate-limit-remaining')).toBe(true)
  })

  it('refuses the empty name', () => {
    expect(isValidHeaderName('')).toBe(false)
  })

  it('refuses every delimiter, whitespace, control and non-ASCII character, wherever it stands', () => {
    for (const character of NOT_TCHARS) {
      for (const name of [character, `${character}x`, `x${character}`, `x${character}y`]) {
        expect([name, isValidHeaderName(name)]).toEqual([name, false])
      }
    }
  })

  it('refuses anything but a string without calling its toString', () => {
    let called = false
    const liar = {
      toString(): string {
        called = true
        return 'x-name'
      },
    }
    for (const value of [liar, 42, null, undefined, ['x-name'], Symbol('x')]) expect(isValidHeaderName(value)).toBe(false)
    expect(called).toBe(false)
  })
})

describe('isValidHeaderValue (RFC 9110 5.5 field value)', () => {
  it('accepts the empty value, visible ASCII, space, tab and obs-text (0x80-0xFF)', () => {
    expect(isValidHeaderValue('')).toBe(true)
    let visible = ''
    for (let code = 0x20; code <= 0x7e; code++) visible += String.fromCharCode(code)
    expect(isValidHeaderValue(visible)).toBe(true)
    expect(isValidHeaderValue('a\tb c')).toBe(true)
    expect(isValidHeaderValue('\x80\xa0\xe9\xff')).toBe(true)
  })

  it('refuses every control but tab, DEL and anything above U+00FF, wherever it stands', () => {
    const refused: string[] = ['\x7f', '\u0100', '\u2028', '\ud83d\ude00']
    for (let code = 0; code < 0x20; code++) if (code !== 0x09) refused.push(String.fromCharCode(code))
    for (const character of refused) {
      for (const value of [character, `${character}ok`, `ok${character}`, `o${character}k`]) {
        expect([value, isValidHeaderValue(value)]).toEqual([value, false])
      }
    }
  })

  it('refuses CR LF header injection', () => {
    expect(isValidHeaderValue('1\r\nSet-Cookie: a=b')).toBe(false)
  })

  it('refuses anything but a string', () => {
    const liar = { toString: () => 'fine' }
    for (const value of [liar, 120, null, undefined, ['fine'], true]) expect(isValidHeaderValue(value)).toBe(false)
  })
})

describe('challengeValue', () => {
  it('sends one challenge as it is, and a list joined by ", "', () => {
    expect(challengeValue('Bearer realm="api"')).toBe('Bearer realm="api"')
    expect(challengeValue(['Bearer', 'Basic realm="x"'])).toBe('Bearer, Basic realm="x"')
    expect(challengeValue(['Bearer'])).toBe('Bearer')
  })

  it.each([
    ['an empty string', '', 'the string ""'],
    ['an empty list', [], 'an array'],
    ['a list with an empty challenge', ['Bearer', ''], 'an array'],
    ['a list with a non-string', ['Bearer', 42], 'an array'],
    ['a number', 42, 'number 42'],
    ['null', null, 'null'],
  ])('refuses %s, naming the option and what it accepts', (_label, challenge, received) => {
    expect(misuse(() => challengeValue(challenge as never))).toEqual({
      code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION',
      message: `${PREFIX} "challenge" must be a non-empty string or a non-empty array of non-empty strings, received ${received}`,
    })
    expect(misuse(() => challengeValue(challenge as never, 'wwwAuthenticate')).message).toContain('option "wwwAuthenticate"')
  })
})

describe('listValue', () => {
  it('joins the items with ", "; an empty list is an empty value', () => {
    expect(listValue(['application/json', 'text/csv'], 'accept')).toBe('application/json, text/csv')
    expect(listValue(['a'], 'accept')).toBe('a')
    expect(listValue([], 'accept')).toBe('')
  })

  it.each([
    ['an empty item', ['a', ''], 'an array'],
    ['a non-string item', ['a', 1], 'an array'],
    ['a string instead of a list', 'a', 'the string "a"'],
    ['undefined', undefined, 'undefined'],
  ])('refuses %s, naming the option', (_label, items, received) => {
    expect(misuse(() => listValue(items as never, 'accept'))).toEqual({
      code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION',
      message: `${PREFIX} "accept" must be an array of non-empty strings, received ${received}`,
    })
  })
})

describe('methodListValue (RFC 9110 9.1: a method is a token)', () => {
  it('joins the methods with ", "; an empty list is an empty value', () => {
    expect(methodListValue(['GET', 'HEAD', 'M-SEARCH'], 'allow')).toBe('GET, HEAD, M-SEARCH')
    expect(methodListValue([], 'allow')).toBe('')
  })

  it('refuses a method that is not a token: empty, with a space, a delimiter or a control, before or after', () => {
    for (const method of ['', 'GET POST', ' GET', 'GET ', 'GET,POST', 'GET\r\n', 'G(E)T', 'GÉT']) {
      expect(misuse(() => methodListValue(['HEAD', method], 'allow'))).toEqual({
        code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION',
        message: `${PREFIX} "allow" must be an array of method names (RFC 9110 tokens, such as GET), received an array`,
      })
    }
  })

  it('refuses a non-string method and a non-list', () => {
    expect(misuse(() => methodListValue(['GET', 7] as never, 'allow')).message).toContain('received an array')
    expect(misuse(() => methodListValue('GET' as never, 'allow')).message).toContain('received the string "GET"')
  })
})

describe('unsatisfiedRangeValue (RFC 9110 14.4)', () => {
  it('writes bytes */size for every non-negative safe integer, 0 and the largest included', () => {
    expect(unsatisfiedRangeValue(0)).toBe('bytes */0')
    expect(unsatisfiedRangeValue(1234)).toBe('bytes */1234')
    expect(unsatisfiedRangeValue(Number.MAX_SAFE_INTEGER)).toBe(`bytes */${Number.MAX_SAFE_INTEGER}`)
  })

  it.each([
    [-1, 'number -1'],
    [0.5, 'number 0.5'],
    [Number.MAX_SAFE_INTEGER + 1, `number ${Number.MAX_SAFE_INTEGER + 1}`],
    [Number.NaN, 'number NaN'],
    [Number.POSITIVE_INFINITY, 'number Infinity'],
    ['10', 'the string "10"'],
  ])('refuses %s', (size, received) => {
    expect(misuse(() => unsatisfiedRangeValue(size as never))).toEqual({
      code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION',
      message: `${PREFIX} "size" must be a non-negative integer, received ${received}`,
    })
  })
})
