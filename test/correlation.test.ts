import { describe, expect, it } from 'vitest'
import { correlationIdFor, isValidCorrelationId, traceIdFrom } from '../src/index.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736'
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`

describe('correlation ids', () => {
  it.each(['abc', 'req-1', 'a'.repeat(128), 'urn:uuid:1/2+3=4@x~y.z_'])('accepts %s', (id) => {
    expect(isValidCorrelationId(id)).toBe(true)
    expect(correlationIdFor({ 'x-correlation-id': id })).toBe(id)
  })

  it.each(['', 'a'.repeat(129), 'a b', 'a\r\nx: y', 'a"b', 'é', '<script>', 'a,b'])('never echoes %j', (id) => {
    expect(isValidCorrelationId(id)).toBe(false)
    const result = correlationIdFor({ 'x-correlation-id': id })
    expect(result).not.toBe(id)
    expect(result).toMatch(UUID)
  })

  it('never echoes repeated headers', () => {
    expect(correlationIdFor({ 'x-correlation-id': ['a', 'b'] })).toMatch(UUID)
  })

  it('falls back to the traceparent trace-id, then to a new UUID', () => {
    expect(correlationIdFor({ traceparent: TRACEPARENT })).toBe(TRACE_ID)
    expect(correlationIdFor({ 'x-correlation-id': 'bad id', traceparent: TRACEPARENT })).toBe(TRACE_ID)
    const first = correlationIdFor({})
    expect(first).toMatch(UUID)
    expect(correlationIdFor({})).not.toBe(first)
  })

  it('reads a custom header name', () => {
    expect(correlationIdFor({ 'x-request-id': 'r1', 'x-correlation-id': 'c1' }, 'x-request-id')).toBe('r1')
  })

  it.each([
    ['uppercase hex', `00-${TRACE_ID.toUpperCase()}-00f067aa0ba902b7-01`],
    ['version ff', `ff-${TRACE_ID}-00f067aa0ba902b7-01`],
    ['zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['version 00 with extra fields', `${TRACEPARENT}-extra`],
    ['too short', `00-${TRACE_ID.slice(1)}-00f067aa0ba902b7-01`],
    ['over-long', `01-${TRACE_ID}-00f067aa0ba902b7-01-${'x'.repeat(600)}`],
    ['not a string', 42],
  ])('rejects a traceparent with %s', (_name, value) => {
    expect(traceIdFrom(value)).toBeUndefined()
  })

  it('accepts future versions with extra fields', () => {
    expect(traceIdFrom(`01-${TRACE_ID}-00f067aa0ba902b7-01-more`)).toBe(TRACE_ID)
  })
})
