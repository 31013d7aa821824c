// W3C Trace Context §3.2 (traceparent): the trace-id of a request that brought no correlation id
// is taken only from a header that follows the grammar, field by field.
import { describe, expect, it } from 'vitest'
import { traceIdFrom } from '../src/index.js'

const VERSION = '00'
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736'
const PARENT_ID = '00f067aa0ba902b7'
const FLAGS = '01'

/** A traceparent with one field replaced. */
function traceparent(fields: Partial<{ version: string; traceId: string; parentId: string; flags: string }> = {}, suffix = ''): string {
  const { version = VERSION, traceId = TRACE_ID, parentId = PARENT_ID, flags = FLAGS } = fields
  return `${version}-${traceId}-${parentId}-${flags}${suffix}`
}

/** The four fields and the hex length §3.2 gives each. */
const FIELDS = [
  ['version', VERSION],
  ['traceId', TRACE_ID],
  ['parentId', PARENT_ID],
  ['flags', FLAGS],
] as const

describe('traceparent: each field has its exact length in lower-case hex', () => {
  it('the well-formed header gives its trace-id', () => {
    expect(traceIdFrom(traceparent())).toBe(TRACE_ID)
  })

  it.each(FIELDS)('%s one hex digit short: refused', (field, value) => {
    expect(traceIdFrom(traceparent({ [field]: value.slice(1) }))).toBeUndefined()
  })

  it.each(FIELDS)('%s one hex digit long: refused', (field, value) => {
    expect(traceIdFrom(traceparent({ [field]: `${value}a` }))).toBeUndefined()
  })

  it.each(FIELDS)('%s with an upper-case hex digit: refused', (field, value) => {
    expect(traceIdFrom(traceparent({ [field]: `B${value.slice(1)}` }))).toBeUndefined()
  })

  it.each(FIELDS)('%s with a character that is not hex: refused', (field, value) => {
    expect(traceIdFrom(traceparent({ [field]: `g${value.slice(1)}` }))).toBeUndefined()
  })

  it.each([...'0123456789abcdef'])('every field accepts the hex digit %s', (digit) => {
    const twice = digit.repeat(2)
    // Version ff and all-zero ids are refused for what they mean, not for their digits (below).
    if (twice !== 'ff') expect(traceIdFrom(traceparent({ version: twice }))).toBe(TRACE_ID)
    expect(traceIdFrom(traceparent({ flags: twice }))).toBe(TRACE_ID)
    const traceId = `1${digit.repeat(31)}`
    expect(traceIdFrom(traceparent({ traceId }))).toBe(traceId)
    expect(traceIdFrom(traceparent({ parentId: `1${digit.repeat(15)}` }))).toBe(TRACE_ID)
  })

  it('separators must be dashes', () => {
    expect(traceIdFrom(traceparent().replaceAll('-', '_'))).toBeUndefined()
    expect(traceIdFrom(` ${traceparent()}`)).toBeUndefined()
  })
})

describe('traceparent: invalid values §3.2 names', () => {
  it('version ff is invalid, even with a well-formed rest', () => {
    expect(traceIdFrom(traceparent({ version: 'ff' }))).toBeUndefined()
    expect(traceIdFrom(traceparent({ version: 'fe' }))).toBe(TRACE_ID)
  })

  it('an all-zero trace-id or parent-id is invalid; ids with some zeros are not', () => {
    expect(traceIdFrom(traceparent({ traceId: '0'.repeat(32) }))).toBeUndefined()
    expect(traceIdFrom(traceparent({ parentId: '0'.repeat(16) }))).toBeUndefined()
    for (const traceId of [`${'0'.repeat(31)}1`, `1${'0'.repeat(31)}`]) expect(traceIdFrom(traceparent({ traceId }))).toBe(traceId)
    for (const parentId of [`${'0'.repeat(15)}1`, `1${'0'.repeat(15)}`]) expect(traceIdFrom(traceparent({ parentId }))).toBe(TRACE_ID)
  })
})

describe('traceparent: versions', () => {
  it('version 00 is exactly four fields: nothing may follow the flags', () => {
    expect(traceIdFrom(traceparent({}, '-'))).toBeUndefined()
    expect(traceIdFrom(traceparent({}, '-extra'))).toBeUndefined()
  })

  it("a future version's fields after the flags are ignored, when they start with a dash", () => {
    expect(traceIdFrom(traceparent({ version: '01' }, '-what-comes-next'))).toBe(TRACE_ID)
    expect(traceIdFrom(traceparent({ version: 'cc' }, '-'))).toBe(TRACE_ID)
    expect(traceIdFrom(traceparent({ version: '01' }, 'x'))).toBeUndefined()
  })

  it('a header of 512 characters is read, 513 is not (a bound on what is parsed)', () => {
    const at = (length: number): string => traceparent({ version: '01' }, `-${'x'.repeat(length - traceparent().length - 1)}`)
    expect(at(512)).toHaveLength(512)
    expect(traceIdFrom(at(512))).toBe(TRACE_ID)
    expect(traceIdFrom(at(513))).toBeUndefined()
  })

  it('a value that is no string is no traceparent', () => {
    for (const value of [undefined, null, 42, [traceparent()], { toString: () => traceparent() }]) expect(traceIdFrom(value)).toBeUndefined()
  })
})
