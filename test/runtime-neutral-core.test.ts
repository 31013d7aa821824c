/**
 * The core pieces that replaced Node APIs so the fetch entry point runs without Node: each must
 * answer exactly as the Node API it replaced.
 */
import { STATUS_CODES } from 'node:http'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newCorrelationId } from '../src/correlation.js'
import { reasonPhrase } from '../src/problem.js'
import { statusEntry } from '../src/statuses.js'
import { utf8Length } from '../src/utf8-length.js'
import { emitWarning } from '../src/warn.js'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\uD83D', 3],
    ['\uDE00', 3],
    ['\uDE00\uD83D', 6],
    ['a\uD83Db', 5],
    ['\u07FF\u0800', 5],
    // Each boundary of the UTF-8 widths and of the surrogate ranges, on both sides.
    ['\u007F', 1],
    ['\u0080', 2],
    ['\uD800\uDC00', 4],
    ['\uDBFF\uDFFF', 4],
    ['\uD800\uDBFF', 6],
    ['\uD800\uE000', 6],
    ['\uD7FF\uDC00', 6],
  ])('%j is %i bytes, as Buffer counts them', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes)
    expect(Buffer.byteLength(text)).toBe(bytes)
  })

  it('agrees with Buffer.byteLength on any string, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8Length(text) === Buffer.byteLength(text)))
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((code) => String.fromCharCode(code)) }), (text) => utf8Length(text) === Buffer.byteLength(text)))
  })
})

describe('reasonPhrase without node:http', () => {
  it("is the table's title, else Node's phrase, for every status Node knows", () => {
    for (const [code, phrase] of Object.entries(STATUS_CODES)) {
      const status = Number(code)
      expect(reasonPhrase(status), code).toBe(statusEntry(status)?.title ?? phrase)
    }
  })
})

describe('newCorrelationId without node:crypto', () => {
  it('is a UUID v4 from the global Web Crypto', () => {
    const spy = vi.spyOn(globalThis.crypto, 'randomUUID')
    expect(newCorrelationId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(spy).toHaveBeenCalledOnce()
  })
})

describe('emitWarning', () => {
  it('is a process warning under Node', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    emitWarning('http-problems: x', { code: 'HTTP_PROBLEMS_X', detail: 'd' })
    expect(warn).toHaveBeenCalledWith('http-problems: x', { code: 'HTTP_PROBLEMS_X', detail: 'd' })
  })

  it('goes to console.warn where there is no process, and never throws', () => {
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.stubGlobal('process', undefined)
    emitWarning('http-problems: x', { code: 'HTTP_PROBLEMS_X' })
    emitWarning('http-problems: y', { code: 'HTTP_PROBLEMS_Y', detail: 'why' })
    vi.unstubAllGlobals()
    expect(consoleWarn.mock.calls).toEqual([['HTTP_PROBLEMS_X: http-problems: x'], ['HTTP_PROBLEMS_Y: http-problems: y (why)']])
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {
      throw new Error('listener')
    })
    expect(() => emitWarning('z', { code: 'Z' })).not.toThrow()
  })
})
