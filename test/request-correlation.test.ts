// The one correlation id of a request (src/request-correlation.ts), on its own: picked once, kept on
// the Node request, read back by every reader; and which loggers already bind it.
import { describe, expect, it } from 'vitest'
import { bindsCorrelationId, markCorrelationBound, requestCorrelationId, storedCorrelation } from '../src/request-correlation.js'
import type { Tracing } from '../src/tracing.js'

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736'
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function tracingWith(traceId: string | undefined): Tracing {
  return { activeTraceId: () => traceId, activeTraceparent: () => undefined, recordServerError: () => undefined }
}

describe('requestCorrelationId', () => {
  it('uses a valid incoming id, and keeps it with the header it came in', () => {
    const request = { headers: { 'x-request-id': 'req-1' } }
    expect(storedCorrelation(request)).toBeUndefined()
    expect(requestCorrelationId(request, 'x-request-id', undefined)).toBe('req-1')
    expect(storedCorrelation(request)).toEqual({ id: 'req-1', header: 'x-request-id' })
  })

  it('is picked once: later calls answer the stored id, whatever they pass', () => {
    const request = { headers: {} as Record<string, string> }
    const first = requestCorrelationId(request, 'x-correlation-id', undefined)
    expect(first).toMatch(UUID)
    request.headers['x-correlation-id'] = 'late'
    expect(requestCorrelationId(request, 'x-correlation-id', tracingWith(TRACE_ID))).toBe(first)
    expect(storedCorrelation(request)).toEqual({ id: first, header: 'x-correlation-id' })
  })

  it('falls back to the active span, then the traceparent, then a new UUID', () => {
    expect(requestCorrelationId({ headers: { traceparent: TRACEPARENT } }, 'x-correlation-id', tracingWith('a'.repeat(32)))).toBe('a'.repeat(32))
    expect(requestCorrelationId({ headers: { traceparent: TRACEPARENT } }, 'x-correlation-id', tracingWith(undefined))).toBe(TRACE_ID)
    expect(requestCorrelationId({ headers: { 'x-correlation-id': 'a b' } }, 'x-correlation-id', undefined)).toMatch(UUID)
  })

  it('keeps the id where another bundle finds it: under Symbol.for("http-problems.requestCorrelation")', () => {
    const request = { headers: { 'x-correlation-id': 'req-2' } }
    requestCorrelationId(request, 'x-correlation-id', undefined)
    expect((request as Record<symbol, unknown>)[Symbol.for('http-problems.requestCorrelation')]).toEqual({ id: 'req-2', header: 'x-correlation-id' })
  })
})

describe('bindsCorrelationId', () => {
  it('is true only for loggers marked as binding it', () => {
    const bound = {}
    const other = {}
    markCorrelationBound(bound)
    expect(bindsCorrelationId(bound)).toBe(true)
    expect(bindsCorrelationId(other)).toBe(false)
  })

  it('the mark is the logger\'s own: an object made from a marked one is not marked, and the mark stays out of its keys', () => {
    const bound = {}
    markCorrelationBound(bound)
    expect(bindsCorrelationId(Object.create(bound) as object)).toBe(false)
    expect(Reflect.ownKeys(bound).filter((key) => Object.getOwnPropertyDescriptor(bound, key)?.enumerable)).toEqual([])
  })

  it('a frozen logger cannot be marked: no throw, and it is not taken as binding the id', () => {
    const frozen = Object.freeze({})
    expect(() => markCorrelationBound(frozen)).not.toThrow()
    expect(bindsCorrelationId(frozen)).toBe(false)
  })

  it('a Proxy logger whose traps throw: not marked, and asking never throws', () => {
    const hostile = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('trap') }, defineProperty: () => { throw new Error('trap') } })
    expect(() => markCorrelationBound(hostile)).not.toThrow()
    expect(bindsCorrelationId(hostile)).toBe(false)
  })
})
