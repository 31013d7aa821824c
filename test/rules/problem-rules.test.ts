// The shared rules on their own, for the expectations only the check command sets (HEAD, media
// types, a rejected correlation id); expectProblem's tests cover the rest through its API.
import { describe, expect, it } from 'vitest'
import type { Answer, Expectation } from '../../src/rules/answer.js'
import { brokenRules } from '../../src/rules/broken-rules.js'
import { PROBLEM_RULES } from '../../src/rules/problem-rules.js'

const BODY = { type: 'about:blank', title: 'Not Found', status: 404, instance: '/x', code: 'NOT_FOUND', correlationId: 'c-1' }

function answer(overrides: { status?: number; headers?: Record<string, string>; text?: string } = {}): Answer {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'x-correlation-id': 'c-1', vary: 'Accept', ...overrides.headers }
  return { status: overrides.status ?? 404, header: (name) => headers[name.toLowerCase()], text: overrides.text ?? JSON.stringify(BODY) }
}
const expected = (more: Partial<Expectation> = {}): Expectation => ({ status: 404, correlationIdHeader: 'x-correlation-id', ...more })
const messages = (a: Answer, e: Expectation) => brokenRules(a, e).map((broken) => `${broken.rule}: ${broken.message}`)

describe('PROBLEM_RULES', () => {
  it('have unique ids', () => {
    expect(new Set(PROBLEM_RULES.map((rule) => rule.id)).size).toBe(PROBLEM_RULES.length)
  })

  it('pass a correct answer', () => {
    expect(messages(answer(), expected())).toEqual([])
  })
})

describe('HEAD answers', () => {
  it('pass with headers and no body', () => {
    expect(messages(answer({ text: '' }), expected({ head: true }))).toEqual([])
  })

  it('fail with a body, and still need the headers', () => {
    expect(messages(answer({ text: '{"a":1}', headers: { 'content-type': 'text/html' } }), expected({ head: true }))).toEqual([
      'content-type: content-type is "text/html", expected application/problem+json',
      'body: a HEAD answer has a body: "{\\"a\\":1}"',
    ])
  })
})

describe('media types', () => {
  it('accept any parameters but charset, and any case', () => {
    expect(messages(answer({ headers: { 'content-type': 'Application/JSON ; version=1' } }), expected({ mediaTypes: ['application/json'] }))).toEqual([])
  })

  it('refuse a charset parameter, which JSON does not define, once the media type is right', () => {
    expect(messages(answer({ headers: { 'content-type': 'application/json; Charset=utf-8' } }), expected({ mediaTypes: ['application/json'] }))).toEqual([
      'content-type: content-type "application/json; Charset=utf-8" has a charset parameter (RFC 8259 11 defines none for JSON)',
    ])
  })

  it('name every accepted type when none matches, or when there is no content type', () => {
    expect(messages(answer({ headers: { 'content-type': 'text/plain' } }), expected({ mediaTypes: ['application/json', 'application/problem+json'] }))).toEqual([
      'content-type: content-type is "text/plain", expected application/json or application/problem+json',
    ])
    const none: Answer = { ...answer(), header: (name) => (name === 'x-correlation-id' ? 'c-1' : undefined) }
    expect(messages(none, expected())[0]).toBe('content-type: content-type is undefined, expected application/problem+json')
  })
})

describe('a rejected correlation id', () => {
  const rejected = 'bad id <x>'

  it('is not looked for when none was sent, even in an answer without a correlation header', () => {
    const bare: Answer = { ...answer(), header: (name) => (name === 'content-type' ? 'application/problem+json' : undefined) }
    expect(brokenRules(bare, expected()).map((broken) => broken.rule)).not.toContain('correlation-id-not-reflected')
  })

  it('passes when it appears nowhere', () => {
    expect(messages(answer(), expected({ rejectedCorrelationId: rejected }))).toEqual([])
  })

  it('fails when the header reflects it', () => {
    expect(messages(answer({ headers: { 'x-correlation-id': rejected } }), expected({ rejectedCorrelationId: rejected }))).toContain(
      'correlation-id-not-reflected: the invalid correlation id "bad id <x>" is reflected in the header',
    )
  })

  it('is looked for in the header alone when the answer has no body (HEAD)', () => {
    const headOnly: Answer = { ...answer({ headers: { 'x-correlation-id': rejected } }), text: undefined }
    expect(messages(headOnly, expected({ head: true, rejectedCorrelationId: rejected }))).toContain(
      'correlation-id-not-reflected: the invalid correlation id "bad id <x>" is reflected in the header',
    )
  })

  it('fails when the body reflects it', () => {
    const text = JSON.stringify({ ...BODY, detail: `unknown ${rejected}` })
    expect(messages(answer({ text }), expected({ rejectedCorrelationId: rejected }))).toEqual([
      'correlation-id-not-reflected: the invalid correlation id "bad id <x>" is reflected in the body',
    ])
  })
})

describe('status', () => {
  it('compares the body status with the wire, and reads the expected status when the wire has none', () => {
    expect(messages(answer({ status: 410 }), expected())).toEqual(['status: status is 410, expected 404', 'body-status: body status is 404, expected 410'])
    expect(messages({ ...answer(), status: undefined }, expected())).toEqual(['status: status is undefined, expected 404'])
  })
})

describe('the member rules read only a body valid against the schema', () => {
  it('a HEAD answer with a problem body is reported for its body alone, not for its members', () => {
    const text = JSON.stringify({ ...BODY, status: 410, code: 'OTHER' })
    expect(messages(answer({ text }), expected({ head: true, code: 'NOT_FOUND' }))).toEqual([`body: a HEAD answer has a body: ${JSON.stringify(text.slice(0, 80))}`])
  })

  it('a body that breaks the schema is reported by the schema rule, not by the member rules', () => {
    const text = JSON.stringify({ ...BODY, status: '404', code: 'OTHER', correlationId: 'other' })
    const broken = messages(answer({ text }), expected({ code: 'NOT_FOUND' }))
    expect(broken.length).toBeGreaterThan(0)
    expect(broken.every((message) => message.startsWith('body: body does not match problemSchema: '))).toBe(true)
  })

  it('an instance that is an absolute URI is named without the query note', () => {
    const text = JSON.stringify({ ...BODY, instance: 'https://api.example.com/x' })
    expect(messages(answer({ text }), expected())).toEqual([
      'instance-path: body instance "https://api.example.com/x" is not a path-absolute URI reference without query (RFC 9457 3.1.5, RFC 3986 4.2)',
    ])
  })
})

describe('no internals in a 5xx: the line shown', () => {
  const serverError = (detail: string): Answer => {
    const text = JSON.stringify({ ...BODY, status: 500, title: 'Internal Server Error', detail })
    return answer({ status: 500, text })
  }
  const shown = (detail: string) => messages(serverError(detail), expected({ status: 500 })).filter((message) => message.startsWith('no-internals-in-5xx'))

  it('is the stack frame line itself, after a blank line, without the lines that follow', () => {
    expect(shown('Failed.\n\n    at handler (/app/src/routes/users.js:12:7)\nnext line')).toEqual([
      'no-internals-in-5xx: a 5xx body shows the server\'s internals: "at handler (/app/src/routes/users.js:12:7)"',
    ])
  })

  it('is the first line when the frame opens the text', () => {
    expect(shown('    at handler (/app/src/routes/users.js:12:7)\nnext line')).toEqual([
      'no-internals-in-5xx: a 5xx body shows the server\'s internals: "at handler (/app/src/routes/users.js:12:7)"',
    ])
  })

  it('is the line of a runtime error message within other text', () => {
    expect(shown('Failed.\nQuery failed: TypeError: x is undefined\nnext line')).toEqual([
      'no-internals-in-5xx: a 5xx body shows the server\'s internals: "Query failed: TypeError: x is undefined"',
    ])
  })

  it('is the last line, whole', () => {
    expect(shown('Failed.\nTypeError: boom')).toEqual(['no-internals-in-5xx: a 5xx body shows the server\'s internals: "TypeError: boom"'])
  })

  it('is cut to 80 characters', () => {
    const frame = `at handler (/app/${'deep/'.repeat(30)}users.js:12:7)`
    expect(shown(`Failed.\n    ${frame}`)).toEqual([`no-internals-in-5xx: a 5xx body shows the server's internals: ${JSON.stringify(frame.slice(0, 80))}`])
  })
})

describe('bodies quoted in a failure are cut to 80 characters', () => {
  const long = `<html>${'x'.repeat(100)}</html>`

  it('a body that is not JSON', () => {
    expect(messages(answer({ text: long }), expected())).toContain(`body: the body is not JSON: ${JSON.stringify(long.slice(0, 80))}`)
  })

  it('a body on a HEAD answer', () => {
    expect(messages(answer({ text: long }), expected({ head: true }))).toEqual([`body: a HEAD answer has a body: ${JSON.stringify(long.slice(0, 80))}`])
  })
})

describe('no internals in a 5xx: the bodies read', () => {
  const serverError = (text: string): Answer => answer({ status: 500, text })
  const internals = (text: string) => messages(serverError(text), expected({ status: 500 })).filter((message) => message.startsWith('no-internals-in-5xx'))

  it('a body that is not JSON is read as text', () => {
    expect(internals('<pre>TypeError: x is undefined\n    at handler (/app/a.js:1:2)</pre>')).toEqual([
      'no-internals-in-5xx: a 5xx body shows the server\'s internals: "<pre>TypeError: x is undefined"',
    ])
  })

  it('a JSON null, and null members, are read without failing', () => {
    expect(internals('null')).toEqual([])
    expect(internals(JSON.stringify({ ...BODY, status: 500, title: 'Internal Server Error', data: null, count: 3 }))).toEqual([])
  })
})

describe('a rejected correlation id reflected twice', () => {
  it('names both places', () => {
    const rejected = 'bad id <x>'
    const text = JSON.stringify({ ...BODY, detail: `unknown ${rejected}` })
    expect(messages(answer({ text, headers: { 'x-correlation-id': rejected } }), expected({ rejectedCorrelationId: rejected }))).toContain(
      'correlation-id-not-reflected: the invalid correlation id "bad id <x>" is reflected in the header and body',
    )
  })
})
