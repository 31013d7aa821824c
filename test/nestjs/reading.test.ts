/**
 * How the filter reads what Nest throws, with bad and hostile inputs: class-validator trees that
 * are cyclic, huge or malformed, arrays that only look like them, and user `map` rules first.
 */
import { ConflictException, HttpException, NotFoundException } from '@nestjs/common'
import { Writable } from 'node:stream'
import createError from 'http-errors'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { Gone, MAX_VALIDATION_ISSUES, readValidationIssues } from '../../src/index.js'
import { ProblemFilter, classValidatorReader } from '../../src/nestjs/index.js'
import { MAX_NODES_READ } from '../../src/nestjs/class-validator-reader.js'

const read = (entries: unknown[]) => readValidationIssues(entries, { readers: [classValidatorReader] })

describe('classValidatorReader', () => {
  it('escapes member names in pointers and reads array indexes', () => {
    const tree = { property: 'a/b~c', children: [{ property: '0', constraints: { isInt: 'must be an integer' }, children: [] }] }
    expect(read([tree])).toEqual([{ in: 'body', pointer: '#/a~1b~0c/0', detail: 'must be an integer' }])
  })

  it('reads a message that is not a string as "is invalid", and skips children that are not nodes', () => {
    const tree = { property: 'x', constraints: { a: 42 }, children: [null, 'junk', { noProperty: true }, { property: 'y', constraints: { b: 'bad y' } }] }
    expect(read([tree])).toEqual([
      { in: 'body', pointer: '#/x', detail: 'is invalid' },
      { in: 'body', pointer: '#/x/y', detail: 'bad y' },
    ])
  })

  it('ends on a cyclic tree and caps a huge one', () => {
    const cyclic: { property: string; constraints: object; children: unknown[] } = { property: 'loop', constraints: { c: 'again' }, children: [] }
    cyclic.children.push(cyclic)
    // 32 levels of children are followed: the root and 32 more.
    expect(read([cyclic])).toHaveLength(33)
    const wide = { property: 'w', constraints: Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`c${index}`, `m${index}`])) }
    expect(read([wide])).toHaveLength(MAX_VALIDATION_ISSUES)
    const deep = { property: 'd', children: [] as unknown[] }
    let node = deep
    for (let level = 0; level < 100; level++) {
      const child = { property: `l${level}`, children: [] as unknown[] }
      node.children.push(child)
      node = child
    }
    Object.assign(node, { constraints: { c: 'too deep to reach' } })
    expect(read([deep])).toEqual([])
  })

  it('ends soon on a tree that lists a node twice under itself, and reads at most MAX_NODES_READ nodes', () => {
    // Depth alone would let this walk double at each of its 32 levels.
    const twice: { property: string; children: unknown[] } = { property: 'loop', children: [] }
    twice.children.push(twice, twice)
    expect(read([twice])).toEqual([])
    // The root counts: of 2,000 children with one message each, the first MAX_NODES_READ - 1 are read.
    const flat = { property: 'root', children: Array.from({ length: 2000 }, (_, index) => ({ property: `c${index}`, constraints: { c: `bad ${index}` } })) }
    const findings = classValidatorReader.read(flat as never) as readonly { path: unknown[]; detail?: string }[]
    expect(findings).toHaveLength(MAX_NODES_READ - 1)
    expect(findings.at(-1)).toEqual({ path: ['root', `c${MAX_NODES_READ - 2}`], detail: `bad ${MAX_NODES_READ - 2}` })
  })

  it('reads the children of a node whose constraints are null', () => {
    const tree = { property: 'a', constraints: null, children: [{ property: 'b', constraints: { c: 'bad b' } }] }
    expect(read([tree])).toEqual([{ in: 'body', pointer: '#/a/b', detail: 'bad b' }])
  })

  it('does not take objects without a property name and constraints or children', () => {
    expect(classValidatorReader.matches({ property: 'a' })).toBe(false)
    expect(classValidatorReader.matches({ property: 1, constraints: {} })).toBe(false)
    expect(classValidatorReader.matches({ property: 'a', children: [] })).toBe(true)
    // null is what class-validator never sets: without children, such an entry is no node.
    expect(classValidatorReader.matches({ property: 'a', constraints: null })).toBe(false)
    expect(classValidatorReader.matches({ property: 'a', constraints: {} })).toBe(true)
    for (const primitive of [null, undefined, 'a', 1]) expect(classValidatorReader.matches(primitive)).toBe(false)
  })

  it('never throws on an entry whose getters throw, and keeps the others', () => {
    const hostile = new Proxy({ property: 'p', constraints: {} }, { get: (target, key) => { if (key === 'constraints') throw new Error('trap'); return Reflect.get(target, key) } })
    expect(read([hostile, { property: 'ok', constraints: { c: 'fine' } }])).toContainEqual({ in: 'body', pointer: '#/ok', detail: 'fine' })
  })
})

/** Runs the filter on `thrown` against a fake Express response, returning status and body. */
function answer(filter: ProblemFilter, thrown: unknown, url = '/x', extra: object = {}): { status: number; body: Record<string, any>; headers: Record<string, unknown> } {
  const headers: Record<string, unknown> = {}
  const result = { status: 0, body: {} as Record<string, any>, headers }
  const response = {
    headersSent: false,
    statusCode: 200,
    getHeaders: () => headers,
    setHeader: (name: string, value: unknown) => { headers[name] = value },
    removeHeader: (name: string) => { Reflect.deleteProperty(headers, name) },
    end(body?: string) {
      result.status = this.statusCode
      result.body = body === undefined ? {} : JSON.parse(body)
    },
    ...extra,
  }
  const request = { method: 'GET', url, originalUrl: url, headers: { 'x-correlation-id': 'unit' }, app: undefined }
  filter.catch(thrown, { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) })
  return result
}

describe('which platform the filter answers through', () => {
  // Fastify's reply has both a Node response as `raw` and a `code` method; anything short of both
  // is answered as an Express response, whatever else it carries.
  const code = (): void => undefined
  it.each<[string, object]>([
    ['a code method and no raw', { code }],
    ['a code method and a null raw', { code, raw: null }],
    ['a code method and a raw without setHeader', { code, raw: {} }],
    ['a Node response as raw and no code method', { raw: { setHeader: code } }],
  ])('a response with %s is answered as Express', (_name, extra) => {
    expect(answer(new ProblemFilter(), new NotFoundException('No such thing'), '/x', extra)).toMatchObject({ status: 404, body: { status: 404, detail: 'No such thing' } })
  })
})

describe('what the filter reads as a Nest exception', () => {
  it("reads an exception's response and errorCode only when it is an Error with both of Nest's accessors", () => {
    const filter = new ProblemFilter()
    const exception = (base: object, accessors: { getStatus?: boolean; getResponse?: boolean }) => {
      const response = { message: 'From the response', error: 'Conflict' }
      return Object.assign(base, {
        status: 409,
        response,
        errorCode: 'OWN_CODE',
        ...(accessors.getStatus === true ? { getStatus: () => 409 } : {}),
        ...(accessors.getResponse === true ? { getResponse: () => response } : {}),
      })
    }
    const both = { getStatus: true, getResponse: true }
    expect(answer(filter, exception(new Error('From the message'), both)).body).toMatchObject({ status: 409, detail: 'From the response', code: 'OWN_CODE' })
    // Without one of them it is any error with a status: its message is the detail, its code the status's.
    for (const accessors of [{ getStatus: true }, { getResponse: true }]) {
      expect(answer(filter, exception(new Error('From the message'), accessors)).body).toMatchObject({ status: 409, detail: 'From the message', code: 'CONFLICT' })
    }
    // Nor is an object that is no Error, whatever accessors it has.
    expect(answer(filter, exception({ message: 'From the message' }, both)).body).toMatchObject({ status: 409, detail: 'From the message', code: 'CONFLICT' })
  })

  it('takes only arrays of ValidationError-like entries as a thrown tree', () => {
    const filter = new ProblemFilter()
    expect(answer(filter, [{ property: 'a', constraints: { c: 'bad a' } }]).body.errors).toEqual([{ in: 'body', pointer: '#/a', detail: 'bad a' }])
    expect(answer(filter, []).status).toBe(500)
    expect(answer(filter, [{ property: 'a' }, 'junk']).status).toBe(500)
    expect(answer(filter, [null]).status).toBe(500)
    expect(answer(filter, [{ property: 1, constraints: { c: 'bad' } }]).status).toBe(500)
  })

  it('answers the bare tree with validationStatus', () => {
    expect(answer(new ProblemFilter({ validationStatus: 422 }), [{ property: 'a', constraints: { c: 'bad a' } }]).status).toBe(422)
  })

  it("unwraps the platform's wrapping only: same status and message, or the status text", () => {
    const filter = new ProblemFilter()
    const wrapped = createError(413, 'request entity too large')
    expect(answer(filter, new HttpException('request entity too large', 413, { cause: wrapped })).body).toMatchObject({ status: 413, detail: 'request entity too large' })
    const hidden = createError(400, 'internal reason', { expose: false })
    expect(answer(filter, new HttpException('Bad Request', 400, { cause: hidden })).body.detail).toBeUndefined()
    // Your own exception naming such an error as its cause keeps its own message.
    expect(answer(filter, new ConflictException('Already there', { cause: createError(409, 'x') })).body.detail).toBe('Already there')
    // A cause of another status is not what the platform wrapped.
    expect(answer(filter, new ConflictException('Taken', { cause: createError(400, 'Taken') })).body.status).toBe(409)
  })

  it('answers an unwrapped HTTP error as the plain adapters do: its headers, its code, never the wrapper\'s', () => {
    const filter = new ProblemFilter()
    const allowGet = { headers: { allow: 'GET' } }
    const allowOf = (thrown: unknown): unknown => answer(filter, thrown).headers.allow
    // http-errors' headers come through once the platform's wrapping is taken off.
    expect(allowOf(new HttpException('Method Not Allowed', 405, { cause: createError(405, 'Method Not Allowed', allowGet) }))).toBe('GET')
    // A message not to be exposed: the wrapper says the status text.
    expect(allowOf(new HttpException('Method Not Allowed', 405, { cause: createError(405, 'internal reason', { ...allowGet, expose: false }) }))).toBe('GET')
    // The status in either member: Fastify's errors carry only statusCode, others only status.
    for (const member of ['status', 'statusCode']) {
      const cause = Object.assign(new Error('Method Not Allowed'), { [member]: 405, expose: true, ...allowGet })
      expect(allowOf(new HttpException('Method Not Allowed', 405, { cause }))).toBe('GET')
    }
    // What the platform wraps is an Error: an object that only looks like an HTTP error is no wrapped one.
    expect(allowOf(new HttpException('Method Not Allowed', 405, { cause: { status: 405, message: 'Method Not Allowed', expose: true, ...allowGet } }))).toBe('')
    // Only what normalize reads as an HTTP error: boom's status is its output's, so a boom error
    // whose output names none is no HTTP error, whatever its own status member says.
    const boomWithout = Object.assign(new Error('Method Not Allowed'), { isBoom: true, output: {}, status: 405, ...allowGet })
    expect(answer(filter, new HttpException('Method Not Allowed', 405, { cause: boomWithout }))).toMatchObject({ status: 405, headers: { allow: '' } })
    // A Nest exception as the cause is not the platform's wrapping: the outer one answers, with its errorCode.
    const outer = Object.assign(new ConflictException('Taken', { cause: new ConflictException('Taken') }), { errorCode: 'OUTER_CODE' })
    expect(answer(filter, outer).body).toMatchObject({ status: 409, detail: 'Taken', code: 'OUTER_CODE' })
  })

  it('reads the detail from the response: its string, its message or its error, never only the title', () => {
    const filter = new ProblemFilter()
    const detailOf = (thrown: unknown): unknown => answer(filter, thrown).body.detail
    expect(detailOf(new HttpException('As a string', 409))).toBe('As a string')
    expect(detailOf(new HttpException({ message: 'The message', error: 'The error' }, 409))).toBe('The message')
    expect(detailOf(new HttpException({ message: '', error: 'The error' }, 409))).toBe('The error')
    // Nest's defaults only repeat the status phrase, which the title already says.
    expect(detailOf(new NotFoundException())).toBeUndefined()
    expect(detailOf(new ConflictException())).toBeUndefined()
    // A 4xx status without a class of its own has no title to compare with: its message is the
    // detail, read by the filter's own rule (which a failure would have logged).
    const lines: Record<string, any>[] = []
    const stream = new Writable({ write(chunk, _encoding, callback) { lines.push(JSON.parse(String(chunk))); callback() } })
    const logged = new ProblemFilter({ logger: pino({ level: 'trace' }, stream) })
    expect(answer(logged, new HttpException('Enhance your calm', 420)).body).toMatchObject({ status: 420, detail: 'Enhance your calm' })
    expect(lines.filter((line) => String(line.msg).includes('mapping rule'))).toEqual([])
  })

  it('answers an array response as the validation problem', () => {
    const body = answer(new ProblemFilter(), new HttpException(['name must be a string'], 400)).body
    expect(body).toMatchObject({ status: 400, errors: [{ in: 'body', pointer: '#', detail: 'name must be a string' }] })
  })

  it('reads an HttpException only with an integer 4xx status; the others are a 500 logged as that exception', () => {
    const lines: Record<string, any>[] = []
    const stream = new Writable({ write(chunk, _encoding, callback) { lines.push(JSON.parse(String(chunk))); callback() } })
    const filter = new ProblemFilter({ logger: pino({ level: 'trace' }, stream) })
    for (const status of [400, 499]) expect(answer(filter, new HttpException('Client side', status)).body).toMatchObject({ status, detail: 'Client side' })
    for (const status of [302, 399, 404.5, 500]) {
      lines.length = 0
      const exception = new HttpException('Not for the client', status)
      const { body } = answer(filter, exception)
      expect(body.status).toBe(500)
      expect(body.detail).not.toContain('Not for the client')
      // No rule of the filter's own failed on it: each line is about the exception.
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(line.err?.message).toBe('Not for the client')
    }
  })

  it('takes an errorCode as the code only when it is a CONSTANT_CASE string', () => {
    const lines: Record<string, any>[] = []
    const stream = new Writable({ write(chunk, _encoding, callback) { lines.push(JSON.parse(String(chunk))); callback() } })
    const filter = new ProblemFilter({ logger: pino({ level: 'trace' }, stream) })
    const withCode = (errorCode: unknown): unknown => answer(filter, Object.assign(new ConflictException('Taken'), { errorCode })).body.code
    expect(withCode('ALREADY_TAKEN')).toBe('ALREADY_TAKEN')
    expect(withCode('already-taken')).toBe('CONFLICT')
    // An array reads as its text, which would pass the pattern: it is still no string, and the
    // filter's own rule leaves it out rather than fail on it.
    expect(withCode(['ALREADY_TAKEN'])).toBe('CONFLICT')
    expect(lines.filter((line) => String(line.msg).includes('mapping rule'))).toEqual([])
  })

  it("is Nest's unknown route only for this very request", () => {
    const filter = new ProblemFilter()
    expect(answer(filter, new NotFoundException('Cannot GET /x'), '/x').body.detail).toBeUndefined()
    expect(answer(filter, new NotFoundException('Cannot GET /y'), '/x').body.detail).toBe('Cannot GET /y')
    // Only Nest's own 404 exception: not another status, nor an error that only says the same.
    expect(answer(filter, new HttpException('Cannot GET /x', 410), '/x').body).toMatchObject({ status: 410, detail: 'Cannot GET /x' })
    expect(answer(filter, Object.assign(new Error('Cannot GET /x'), { status: 404, expose: true }), '/x').body).toMatchObject({ status: 404, detail: 'Cannot GET /x' })
  })

  it('lets a map rule answer a Nest exception first', () => {
    const filter = new ProblemFilter({ map: [{ match: NotFoundException, httpErrors: true, problem: () => new Gone({ detail: 'Gone for good' }) }] })
    expect(answer(filter, new NotFoundException('x')).body).toMatchObject({ status: 410, detail: 'Gone for good' })
    expect(answer(filter, new ConflictException('y')).body).toMatchObject({ status: 409, detail: 'y' })
  })
})
