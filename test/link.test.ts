// The `Link` of a 451 (src/link.ts, RFC 7725 4, RFC 8288 3) on its own.
import { describe, expect, it } from 'vitest'
import { blockedByLinkValue } from '../src/link.js'
import { UsageError } from '../src/usage-error.js'

describe('blockedByLinkValue', () => {
  it('names the blocker with rel="blocked-by", its URI encoded into one reference', () => {
    expect(blockedByLinkValue('https://a.example/x')).toBe('<https://a.example/x>; rel="blocked-by"')
    expect(blockedByLinkValue('https://a.example/x>; rel="preload')).toBe('<https://a.example/x%3E;%20rel=%22preload>; rel="blocked-by"')
  })

  it.each([
    ['', 'the string ""'],
    [undefined, 'undefined'],
    [42, 'number 42'],
  ])('refuses %j with a UsageError naming the option', (uri, received) => {
    expect(() => blockedByLinkValue(uri as never)).toThrow(UsageError)
    expect(() => blockedByLinkValue(uri as never)).toThrow(`http-problems: option "blockedBy" must be a non-empty URI, received ${received}`)
    expect(() => blockedByLinkValue(uri as never, 'legal.blockedBy')).toThrow('option "legal.blockedBy"')
  })
})
