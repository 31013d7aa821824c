import Fastify from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { correlationHeaders } from '../../src/client/index.js'
import problems, { UsageError, correlationIdFor } from '../../src/index.js'
import type { Tracing } from '../../src/tracing.js'

const REGISTRY = Symbol.for('http-problems.tracing')
const CONFIGURED = Symbol.for('http-problems.correlationIdHeader')
const globals = globalThis as unknown as Record<symbol, unknown>
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736'
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`
const saved = globals[REGISTRY]

/** Pretends OpenTelemetry is loaded, with `active` as the active span's ids. */
function fakeTracing(active: { traceId: string; traceparent: string } | undefined): void {
  const tracing: Tracing = {
    activeTraceId: () => active?.traceId,
    activeTraceparent: () => active?.traceparent,
    recordServerError: () => undefined,
  }
  globals[REGISTRY] = { loading: Promise.resolve(tracing), tracing }
}

afterEach(() => {
  globals[REGISTRY] = saved
})

describe('correlationHeaders', () => {
  it('forwards a valid incoming id', () => {
    const request = { headers: { 'x-correlation-id': 'client-1' } }
    expect(correlationHeaders(request)).toEqual({ 'x-correlation-id': 'client-1' })
  })

  it('makes an id when none came in, and stores it so the problem answer quotes the same one', () => {
    const request = { headers: {} as Record<string, string | undefined> }
    const headers = correlationHeaders(request)
    const id = headers['x-correlation-id']!
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(request.headers['x-correlation-id']).toBe(id)
    expect(correlationIdFor(request.headers)).toBe(id)
    expect(correlationHeaders(request)['x-correlation-id']).toBe(id)
  })

  it('replaces an unsafe incoming id instead of forwarding it', () => {
    const request = { headers: { 'x-correlation-id': 'evil\r\nset-cookie: a=b' } as Record<string, string> }
    const id = correlationHeaders(request)['x-correlation-id']!
    expect(id).not.toContain('evil')
    expect(request.headers['x-correlation-id']).toBe(id)
  })

  it('replaces a repeated incoming id header', () => {
    const request = { headers: { 'x-correlation-id': ['a', 'b'] } as Record<string, string | string[]> }
    expect(correlationHeaders(request)['x-correlation-id']).not.toMatch(/^(a|b)$/)
  })

  it('stores a made-up id on the underlying Node request too (Fastify)', () => {
    const raw = { headers: {} as Record<string, string> }
    const request = { headers: { ...raw.headers }, raw }
    const id = correlationHeaders(request)['x-correlation-id']
    expect(raw.headers['x-correlation-id']).toBe(id)
    expect(request.headers['x-correlation-id']).toBe(id)
  })

  it('uses the trace id of a valid incoming traceparent, and forwards traceparent and tracestate', () => {
    const request = { headers: { traceparent: TRACEPARENT, tracestate: 'vendor=abc' } }
    expect(correlationHeaders(request)).toEqual({
      'x-correlation-id': TRACE_ID,
      traceparent: TRACEPARENT,
      tracestate: 'vendor=abc',
    })
  })

  it.each([
    ['a tracestate with control characters', 'a=b\u0001'],
    ['an oversized tracestate', `a=${'b'.repeat(600)}`],
    ['a repeated tracestate', ['a=1', 'b=2']],
  ])('drops %s', (_name, tracestate) => {
    const headers = correlationHeaders({ headers: { traceparent: TRACEPARENT, tracestate } })
    expect(headers).not.toHaveProperty('tracestate')
    expect(headers.traceparent).toBe(TRACEPARENT)
  })

  it('never forwards an invalid traceparent', () => {
    const headers = correlationHeaders({ headers: { 'x-correlation-id': 'c-1', traceparent: `ff-${TRACE_ID}-00f067aa0ba902b7-01` } })
    expect(headers).toEqual({ 'x-correlation-id': 'c-1' })
  })

  it('uses a custom header name', () => {
    const request = { headers: { 'x-request-id': 'r-1' } }
    expect(correlationHeaders(request, { correlationIdHeader: 'X-Request-Id' })).toEqual({ 'x-request-id': 'r-1' })
  })

  it.each([null, { correlationIdHeader: 'bad header' }, { correlationIdHeader: 3 }])('rejects options %o', (options) => {
    expect(() => correlationHeaders({ headers: {} }, options as never)).toThrow(UsageError)
  })

  it.each([
    ['a header name as options', 'x-request-id', 'option "options" must be an object, received the string "x-request-id"'],
    ['a header name with a space', { correlationIdHeader: 'bad header' }, 'option "correlationIdHeader" must be a valid header name, received the string "bad header"'],
    ['a numeric header name', { correlationIdHeader: 3 }, 'option "correlationIdHeader" must be a valid header name, received number 3'],
  ])('names what is wrong with %s', (_label, options, message) => {
    expect(() => correlationHeaders({ headers: {} }, options as never)).toThrow(`http-problems: ${message}`)
  })

  it('leaves a request whose header already holds the id untouched (its headers may be read-only)', () => {
    const request = { headers: Object.freeze({ 'x-correlation-id': 'client-1' }) }
    expect(correlationHeaders(request)).toEqual({ 'x-correlation-id': 'client-1' })
  })

  it('passes a tracestate of 512 characters on, and drops a longer one', () => {
    const state = (length: number): string => `v=${'a'.repeat(length - 2)}`
    expect(correlationHeaders({ headers: { traceparent: TRACEPARENT, tracestate: state(512) } }).tracestate).toBe(state(512))
    expect(correlationHeaders({ headers: { traceparent: TRACEPARENT, tracestate: state(513) } }).tracestate).toBeUndefined()
  })

  it('names the header of the app that answers the request, whatever another app of the process configured last', async () => {
    const configured = globals[CONFIGURED]
    const app = Fastify()
    const other = Fastify()
    try {
      await app.register(problems, { correlationIdHeader: 'x-request-id' })
      app.get('/', async (request) => correlationHeaders(request))
      await app.ready()
      await other.register(problems, { correlationIdHeader: 'x-trace-id' })
      await other.ready()
      const response = await app.inject({ url: '/', headers: { 'x-request-id': 'r-1' } })
      expect(response.json()).toEqual({ 'x-request-id': 'r-1' })
    } finally {
      await app.close()
      await other.close()
      globals[CONFIGURED] = configured
    }
  })
})

describe('correlationHeaders with OpenTelemetry loaded', () => {
  const spanParent = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`

  it('uses the active span: its trace id as the id, and itself as traceparent', () => {
    fakeTracing({ traceId: 'a'.repeat(32), traceparent: spanParent })
    const request = { headers: { traceparent: TRACEPARENT, tracestate: 'vendor=abc' } as Record<string, string> }
    expect(correlationHeaders(request)).toEqual({ 'x-correlation-id': 'a'.repeat(32), traceparent: spanParent })
    expect(request.headers['x-correlation-id']).toBe('a'.repeat(32))
  })

  it('still prefers a valid incoming id over the trace id', () => {
    fakeTracing({ traceId: 'a'.repeat(32), traceparent: spanParent })
    expect(correlationHeaders({ headers: { 'x-correlation-id': 'client-1' } })).toEqual({
      'x-correlation-id': 'client-1',
      traceparent: spanParent,
    })
  })

  it('falls back to the incoming headers when no span is active', () => {
    fakeTracing(undefined)
    expect(correlationHeaders({ headers: { traceparent: TRACEPARENT } })).toEqual({
      'x-correlation-id': TRACE_ID,
      traceparent: TRACEPARENT,
    })
  })
})
