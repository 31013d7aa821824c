// 4xx problems skip stack capture by default (the largest cost of an error answer); 5xx always
// keep it; `HttpProblem.captureClientErrorStacks` turns capture back on; and the global
// `Error.stackTraceLimit` is always left as it was found.
import createError from 'http-errors'
import { afterEach, describe, expect, it } from 'vitest'
import {
  BadRequest,
  HttpProblem,
  InternalServerError,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  createProblem,
  defineProblem,
  normalize,
} from '../../src/index.js'

const FRAME = /\n\s+at /

afterEach(() => {
  HttpProblem.captureClientErrorStacks = false
})

describe('stack capture', () => {
  it('is skipped for 4xx problems by default: the stack is only the header line', () => {
    const problem = new NotFound('No user 42')
    expect(problem.stack).toBe('NotFound: No user 42')
    expect(new TooManyRequests({ retryAfter: 5 }).stack).not.toMatch(FRAME)
    expect(createProblem(400, 'bad').stack).toBe('BadRequest: bad')
    expect(new HttpProblem(499).stack).not.toMatch(FRAME)
  })

  it('is skipped for problems of defineProblem classes with a 4xx status', () => {
    const OutOfCredit = defineProblem({ name: 'OutOfCredit', status: 403, type: 'https://example.com/credit', title: 'No credit' })
    expect(new OutOfCredit().stack).toBe('OutOfCredit: No credit')
  })

  it('always happens for 5xx problems', () => {
    expect(new InternalServerError().stack).toMatch(FRAME)
    expect(new ServiceUnavailable({ retryAfter: 30 }).stack).toMatch(FRAME)
    expect(new HttpProblem(599).stack).toMatch(FRAME)
  })

  it('happens for 4xx problems too once captureClientErrorStacks is set', () => {
    HttpProblem.captureClientErrorStacks = true
    const problem = new NotFound('No user 42')
    expect(problem.stack).toMatch(FRAME)
    expect(problem.stack).toContain('stack-capture.test')
  })

  it('keeps the stack of a foreign cause: normalize wraps a 4xx without capturing its own', () => {
    const thrown = createError(404, 'gone')
    const problem = normalize(thrown)
    expect(problem.stack).not.toMatch(FRAME)
    expect(problem.cause).toBe(thrown)
    expect(thrown.stack).toMatch(FRAME)
  })

  it('is skipped for the 5xx normalize wraps around a thrown Error: the Error keeps the stack that matters', () => {
    const before = Error.stackTraceLimit
    const thrown = new Error('connection lost')
    const problem = normalize(thrown)
    expect(problem.status).toBe(500)
    expect(problem.stack).not.toMatch(FRAME)
    expect(problem.cause).toBe(thrown)
    expect(thrown.stack).toMatch(FRAME)
    const foreign503 = normalize(createError(503, 'maintenance'))
    expect(foreign503.status).toBe(503)
    expect(foreign503.stack).not.toMatch(FRAME)
    expect(Error.stackTraceLimit).toBe(before)
  })

  it('still happens for the 5xx normalize makes from a thrown non-Error (the only stack there is)', () => {
    expect(normalize('oops').stack).toMatch(FRAME)
    expect(normalize({ status: 'nope' }).stack).toMatch(FRAME)
    const hostile = new Proxy({}, {
      getPrototypeOf() {
        throw new Error('trap')
      },
    })
    expect(normalize(hostile).stack).toMatch(FRAME)
  })

  it('leaves Error.stackTraceLimit as it found it, also when the constructor throws', () => {
    const before = Error.stackTraceLimit
    new BadRequest('x')
    new InternalServerError()
    expect(() => new BadRequest({ detail: 42 as unknown as string })).toThrow(TypeError)
    expect(() => new (TooManyRequests as unknown as new () => HttpProblem)()).toThrow(TypeError)
    expect(Error.stackTraceLimit).toBe(before)
  })

  it('leaves a limit of 0 (set by the application) alone', () => {
    const before = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      expect(new NotFound().stack).toBe('NotFound: Not Found')
      expect(Error.stackTraceLimit).toBe(0)
    } finally {
      Error.stackTraceLimit = before
    }
  })

  it('works when Error.stackTraceLimit cannot be written (a frozen Error): the stack is then captured', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')!
    Object.defineProperty(Error, 'stackTraceLimit', { ...descriptor, writable: false })
    try {
      const problem = new NotFound('still works')
      expect(problem.detail).toBe('still works')
      expect(problem.stack).toMatch(FRAME)
      expect(Error.stackTraceLimit).toBe(descriptor.value)
    } finally {
      Object.defineProperty(Error, 'stackTraceLimit', descriptor)
    }
  })

  it('works when the application removed Error.stackTraceLimit (V8 then captures nothing)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')!
    delete (Error as { stackTraceLimit?: number }).stackTraceLimit
    try {
      const problem = new NotFound('x')
      expect(problem.detail).toBe('x')
      expect(problem.stack ?? '').not.toMatch(FRAME)
      expect(Object.prototype.hasOwnProperty.call(Error, 'stackTraceLimit')).toBe(false)
    } finally {
      Object.defineProperty(Error, 'stackTraceLimit', descriptor)
    }
  })
})

describe('default title and code per status', () => {
  it('come from the table, from Node for statuses without a class, else a generic phrase', () => {
    expect([new NotFound().title, new NotFound().code]).toEqual(['Not Found', 'NOT_FOUND'])
    expect([new HttpProblem(420).title, new HttpProblem(420).code]).toEqual(['Client Error', 'CLIENT_ERROR'])
    expect([new HttpProblem(509).title, new HttpProblem(509).code]).toEqual(['Bandwidth Limit Exceeded', 'BANDWIDTH_LIMIT_EXCEEDED'])
    expect([new HttpProblem(599).title, new HttpProblem(599).code]).toEqual(['Server Error', 'SERVER_ERROR'])
  })

  it('derive the code from a title given in the options, and keep an explicit code', () => {
    expect(new NotFound({ title: "User isn't here" }).code).toBe('USER_ISNT_HERE')
    expect(new NotFound({ title: 'Gone fishing', code: 'FISHING' }).code).toBe('FISHING')
    // The cached default is shared, never changed by one problem's options.
    expect(new NotFound().code).toBe('NOT_FOUND')
  })
})
