import { STATUS_CODES as NODE_PHRASES } from 'node:http'
import { describe, expect, it } from 'vitest'
import * as pkg from '../src/index.js'
import { PROBLEM_CLASSES } from '../src/classes.js'
import { HEADER_BUILDERS, STATUSES, STATUS_CODES, codeFromTitle, slugFromTitle } from '../src/statuses.js'

// RFC 9110 renamed these phrases; Node's table still has the RFC 7231 names.
const RFC_9110_RENAMES: Record<number, string> = { 413: 'Content Too Large', 422: 'Unprocessable Content', 418: "I'm a teapot" }

describe('the status table drives everything', () => {
  it.each(STATUSES.map((entry) => [entry.status, entry] as const))('%i has a matching exported class', (status, entry) => {
    const exported = (pkg as Record<string, unknown>)[entry.name] as (typeof PROBLEM_CLASSES)[keyof typeof PROBLEM_CLASSES]
    expect(exported).toBe(PROBLEM_CLASSES[entry.name])
    expect(exported.status).toBe(status)
    expect(exported.title).toBe(entry.title)
    expect(exported.code).toBe(codeFromTitle(entry.title))
    expect(exported.name).toBe(entry.name)
  })

  it('exports no problem class that is not in the table (besides the two aliases)', () => {
    const classExports = Object.entries(pkg)
      .filter(([, value]) => typeof value === 'function' && typeof (value as { status?: unknown }).status === 'number')
      .map(([name]) => name)
      .sort()
    const expected = [...STATUSES.map((entry) => entry.name), 'PayloadTooLarge', 'UnprocessableEntity'].sort()
    expect(classExports).toEqual(expected)
    expect(pkg.PayloadTooLarge).toBe(pkg.ContentTooLarge)
    expect(pkg.UnprocessableEntity).toBe(pkg.UnprocessableContent)
  })

  it('lists every status once, ascending, all 4xx/5xx', () => {
    expect([...STATUS_CODES]).toEqual([...STATUS_CODES].sort((a, b) => a - b))
    expect(new Set(STATUS_CODES).size).toBe(STATUS_CODES.length)
    for (const status of STATUS_CODES) expect(status >= 400 && status <= 599).toBe(true)
    expect(STATUS_CODES).toHaveLength(40)
  })

  it('uses the RFC 9110 reason phrases (Node agrees except where RFC 9110 renamed them)', () => {
    for (const { status, title } of STATUSES) {
      const expected = RFC_9110_RENAMES[status] ?? NODE_PHRASES[status]
      expect(title.toLowerCase(), `title of ${status}`).toBe(expected?.toLowerCase())
    }
  })

  it('has a header builder only for statuses in the table', () => {
    for (const status of Object.keys(HEADER_BUILDERS)) expect(STATUS_CODES).toContain(Number(status))
  })

  it('derives codes and slugs from titles', () => {
    expect(codeFromTitle("I'm a teapot")).toBe('IM_A_TEAPOT')
    expect(codeFromTitle('HTTP Version Not Supported')).toBe('HTTP_VERSION_NOT_SUPPORTED')
    expect(slugFromTitle('URI Too Long')).toBe('uri-too-long')
    expect(slugFromTitle("I'm a teapot")).toBe('im-a-teapot')
  })
})

describe('the typed fields of a status become its headers', () => {
  it('names the field in the message of a bad Accept list (415)', () => {
    expect(() => new pkg.UnsupportedMediaType({ accept: [''] })).toThrow(
      'http-problems: option "accept" must be an array of non-empty strings, received an array',
    )
    expect(new pkg.UnsupportedMediaType({ accept: ['application/json', 'text/csv'] }).headers).toMatchObject({
      accept: 'application/json, text/csv',
    })
  })

  it('reports a missing required field when the options are null, as when they are absent', () => {
    // JavaScript callers can pass null; it must be the coded UsageError, not a TypeError from destructuring.
    for (const make of [() => new pkg.MethodNotAllowed(null as never), () => pkg.createProblem(405, null as never)]) {
      expect(make).toThrow(pkg.UsageError)
      expect(make).toThrow('http-problems: option "allow" must be an array of method names')
    }
  })
})

describe('classNameFor', () => {
  it('names the class of every status in the table', () => {
    for (const entry of STATUSES) expect(pkg.classNameFor(entry.status)).toBe(entry.name)
    expect(pkg.classNameFor(404)).toBe('NotFound')
  })

  it('is undefined for a status without a class', () => {
    for (const status of [200, 399, 419, 499, 600, Number.NaN]) expect(pkg.classNameFor(status)).toBeUndefined()
  })
})
