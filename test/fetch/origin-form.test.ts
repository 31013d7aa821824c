/**
 * The fetch adapter reads `instance` from the origin form of the request's absolute URL: the same
 * `instance` as the core makes from the absolute URL itself, by a shorter way.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { originForm } from '../../src/fetch/origin-form.js'
import { instanceOf } from '../../src/instance.js'

describe('originForm', () => {
  it.each([
    ['http://127.0.0.1:3000/users/42', '/users/42'],
    ['http://127.0.0.1:3000/users/42?token=secret#top', '/users/42?token=secret#top'],
    ['https://user:pw@example.com:8443/a/b/', '/a/b/'],
    ['http://example.com/', '/'],
    ['http://example.com', '/'],
    ['foo://example.com?q=/a', '/'],
    ['foo://example.com#/a', '/'],
    ['http://example.com//evil.example/x', '//evil.example/x'],
    ['file:///tmp/x', '/tmp/x'],
    ['about:blank', 'about:blank'],
    ['about:blank?next=http://example.com/a', 'about:blank?next=http://example.com/a'],
    ['/users/42', '/users/42'],
    ['', ''],
  ])('%j → %j', (url, expected) => {
    expect(originForm(url)).toBe(expected)
  })

  it('gives the instance the absolute URL gives, for any URL a Request can hold', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const normalized = new Request(url).url
        expect(instanceOf(originForm(normalized), 2048)).toBe(instanceOf(normalized, 2048))
      }),
      { numRuns: 500 },
    )
  })

  it('keeps a leading "//" of the path for the core to collapse: never a network-path reference', () => {
    const url = new Request('http://example.com//evil.example/phish').url
    expect(instanceOf(originForm(url), 2048)).toBe('/evil.example/phish')
  })
})
