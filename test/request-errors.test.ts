// The problems for requests refused before any route runs, as a client reads them: the status Node
// itself would answer with, the code, and a detail that says what was wrong without echoing the
// request. Every adapter answers from these (test/works-with/before-routing.test.ts, on the wire).
import { describe, expect, it } from 'vitest'
import { HttpProblem } from '../src/index.js'
import { badUrlProblem, clientErrorProblem, frameworkErrorProblem } from '../src/request-errors.js'

/** What a client sees of a problem. */
function seen(problem: unknown): { status: number; code: string; detail: string | undefined } {
  expect(problem).toBeInstanceOf(HttpProblem)
  const { status, code, detail } = problem as HttpProblem
  return { status, code, detail }
}

const NOT_VALID_HTTP = { status: 400, code: 'BAD_REQUEST', detail: 'The request is not valid HTTP.' }

describe("clientErrorProblem: what Node's HTTP parser refused", () => {
  it.each([
    [
      'a header block over maxHeaderSize',
      { code: 'HPE_HEADER_OVERFLOW' },
      { status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', detail: 'The request header fields are larger than the server accepts.' },
    ],
    [
      'a request not received within requestTimeout or headersTimeout',
      { code: 'ERR_HTTP_REQUEST_TIMEOUT' },
      { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' },
    ],
    [
      'a chunk extension over the parser limit',
      { code: 'HPE_CHUNK_EXTENSIONS_OVERFLOW' },
      { status: 413, code: 'CONTENT_TOO_LARGE', detail: 'A chunk extension is larger than the server accepts.' },
    ],
    ['a malformed request line', Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' }), NOT_VALID_HTTP],
    ['a header without a colon', { code: 'HPE_INVALID_HEADER_TOKEN' }, NOT_VALID_HTTP],
  ])('%s', (_name, error, expected) => {
    expect(seen(clientErrorProblem(error))).toEqual(expected)
  })

  it.each([
    ['an error without a code', new Error('Parse Error')],
    ['a code of another kind', { code: 431 }],
    ['an empty code', { code: '' }],
    ['a code in the wrong case', { code: 'hpe_header_overflow' }],
    ['not an object', 'HPE_HEADER_OVERFLOW'],
    ['null', null],
  ])('%s: a 400, the request not valid HTTP', (_name, error) => {
    expect(seen(clientErrorProblem(error))).toEqual(NOT_VALID_HTTP)
  })
})

describe("frameworkErrorProblem: what Fastify refused before routing", () => {
  const BAD_URL = {
    status: 400,
    code: 'BAD_URL',
    detail: 'The request URL is malformed: a percent-encoded sequence does not decode.',
  }

  it('a URL whose percent-encoding does not decode: the bad-URL 400', () => {
    expect(seen(frameworkErrorProblem({ code: 'FST_ERR_BAD_URL' }))).toEqual(BAD_URL)
    expect(seen(badUrlProblem())).toEqual(BAD_URL)
  })

  it('a path parameter over maxParamLength: a 414', () => {
    expect(seen(frameworkErrorProblem({ code: 'FST_ERR_MAX_PARAM_LENGTH' }))).toEqual({
      status: 414,
      code: 'PARAM_TOO_LONG',
      detail: 'A path parameter is longer than the server accepts.',
    })
  })

  it('anything else is answered as if a route had thrown it', () => {
    const failed = Object.assign(new Error('tenant database down'), { code: 'FST_ERR_ASYNC_CONSTRAINT' })
    expect(frameworkErrorProblem(failed)).toBe(failed)
  })
})
