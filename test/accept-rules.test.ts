// Content negotiation of a problem (src/accept.ts, RFC 9110 12.5.1) rule by rule: the most specific
// matching range decides each type's q-value, the first of equally specific ranges wins, and only
// a q-value in [0, 1] counts. test/accept.test.ts has the common Accept values.
import { describe, expect, it } from 'vitest'
import { JSON_CONTENT_TYPE as JSON_TYPE, PROBLEM_CONTENT_TYPE as PROBLEM, problemContentType } from '../src/accept.js'

const JSON_TYPE_ONLY = 'application/json'

describe('problemContentType rules', () => {
  it.each([
    ['a range after another, with the space after the comma', 'text/html, application/json', JSON_TYPE],
    ['a parameter name with spaces and upper case', 'application/json, application/problem+json; Q=0', JSON_TYPE],
    ['q without a value counts as 1', 'application/json;q, application/problem+json;q=0.5', JSON_TYPE],
    ['a negative q counts as 1', 'application/json;q=-1, application/problem+json;q=0.5', JSON_TYPE],
    ['a q above 1 counts as 1, not more', 'application/json;q=2, application/problem+json', PROBLEM],
    ['q=1 is the most a type gets', 'application/problem+json;q=1, application/json;q=1', PROBLEM],
    ['other parameters before q are skipped', 'application/json;charset=utf-8;q=0.2, application/problem+json;q=0.1', JSON_TYPE],
    ['the first of equally specific problem ranges wins', 'application/problem+json;q=0.5, application/problem+json;q=1, application/json;q=0.8', JSON_TYPE],
    ['the first of equally specific json ranges wins', 'application/json;q=1, application/json;q=0.1, application/problem+json;q=0.5', JSON_TYPE],
    ['a more specific range wins over a broader one before it', 'application/*;q=0.1, application/json, application/problem+json;q=0.5', JSON_TYPE],
    ['application/* over */*', '*/*;q=0.1, application/*;q=0.9, application/json;q=0.5', PROBLEM],
    ['another type with the json subtype matches nothing', 'application/problem+json;q=0.5, audio/json', PROBLEM],
    ['another type with a wildcard subtype matches nothing', 'application/problem+json;q=0.5, audio/*', PROBLEM],
    ['a wildcard type with the json subtype matches nothing', 'application/problem+json;q=0.5, */json', PROBLEM],
    ['*/* matches both', 'application/problem+json;q=0.5, */*', JSON_TYPE],
    ['an upper-case type', 'APPLICATION/JSON, application/problem+json;q=0.9', JSON_TYPE],
  ])('%s: %j → %s', (_label, accept, expected) => {
    expect(problemContentType(accept)).toBe(expected)
  })

  it('parses values up to 4096 characters and answers the problem type for longer ones', () => {
    const padded = (length: number): string => `${JSON_TYPE_ONLY}, text/x${'a'.repeat(length - JSON_TYPE_ONLY.length - 8)}`
    expect(padded(4096)).toHaveLength(4096)
    expect(problemContentType(padded(4096))).toBe(JSON_TYPE)
    expect(problemContentType(padded(4097))).toBe(PROBLEM)
  })

  it('joins repeated Accept lines into one list', () => {
    expect(problemContentType(['text/html', 'application/json'])).toBe(JSON_TYPE)
    expect(problemContentType(['application/problem+json;q=0.1', 'application/json'])).toBe(JSON_TYPE)
  })

  it('answers the problem type for anything but a string or a list, without throwing', () => {
    for (const accept of [42, null, { split: () => [] }]) expect(problemContentType(accept as never)).toBe(PROBLEM)
  })
})
