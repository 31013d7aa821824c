import { describe, expect, it } from 'vitest'
import { JSON_CONTENT_TYPE, PROBLEM_CONTENT_TYPE } from '../src/index.js'
import { problemContentType } from '../src/accept.js'

describe('problemContentType', () => {
  it.each([
    [undefined, PROBLEM_CONTENT_TYPE],
    ['', PROBLEM_CONTENT_TYPE],
    ['*/*', PROBLEM_CONTENT_TYPE],
    ['application/problem+json', PROBLEM_CONTENT_TYPE],
    ['application/*', PROBLEM_CONTENT_TYPE],
    ['application/json', JSON_CONTENT_TYPE],
    ['Application/JSON', JSON_CONTENT_TYPE],
    ['application/json, */*;q=0.1', JSON_CONTENT_TYPE],
    ['application/json;q=0.5, application/problem+json', PROBLEM_CONTENT_TYPE],
    ['application/json, application/problem+json;q=0', JSON_CONTENT_TYPE],
    ['application/problem+json;q=0.4, application/json;q=0.9', JSON_CONTENT_TYPE],
    ['application/json;q=0.5, application/problem+json;q=0.5', PROBLEM_CONTENT_TYPE],
    ['text/html', PROBLEM_CONTENT_TYPE],
    ['application/json;q=abc', JSON_CONTENT_TYPE],
    ['application/json;q=2', JSON_CONTENT_TYPE],
    [['application/json', 'text/html'], JSON_CONTENT_TYPE],
    [`application/json, ${'x'.repeat(5000)}`, PROBLEM_CONTENT_TYPE],
  ])('Accept %j → %s', (accept, expected) => {
    expect(problemContentType(accept as string)).toBe(expected)
  })
})
