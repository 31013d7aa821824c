// The OpenTelemetry hooks (src/tracing.ts) over a stand-in for `@opentelemetry/api`: what they do
// when no span is active, when nothing thrown is an Error, and which modules count as the API.
// test/contracts/tracing.test.ts runs them with the real API and SDK.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { tracingFrom } from '../src/tracing.js'

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736'
const SPAN_ID = '00f067aa0ba902b7'

/** A stand-in API whose active span (if any) records what it is told. */
function fakeApi(active: { valid: boolean } | undefined) {
  const span = {
    spanContext: () => ({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 }),
    recordException: vi.fn(),
    setStatus: vi.fn(),
  }
  const api = {
    trace: { getActiveSpan: () => (active === undefined ? undefined : span) },
    isSpanContextValid: () => active?.valid === true,
    SpanStatusCode: { ERROR: 2 },
  }
  return { api, span }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('tracingFrom', () => {
  it('takes a module with the three parts used, or its default export', () => {
    const { api } = fakeApi(undefined)
    expect(tracingFrom(api)).toBeDefined()
    expect(tracingFrom({ default: api })).toBeDefined()
  })

  it('refuses a module that lacks any of them', () => {
    const { api } = fakeApi(undefined)
    expect(tracingFrom({ ...api, isSpanContextValid: undefined })).toBeUndefined()
    expect(tracingFrom({ ...api, trace: {} })).toBeUndefined()
    expect(tracingFrom({ ...api, SpanStatusCode: {} })).toBeUndefined()
    expect(tracingFrom(undefined)).toBeUndefined()
  })
})

describe('with no valid active span', () => {
  it('has no trace id and no traceparent, for no span and for an invalid one', () => {
    for (const active of [undefined, { valid: false }]) {
      const tracing = tracingFrom(fakeApi(active).api)!
      expect(tracing.activeTraceId()).toBeUndefined()
      expect(tracing.activeTraceparent()).toBeUndefined()
    }
  })

  it('records nothing and warns nothing for a server error', () => {
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    tracingFrom(fakeApi(undefined).api)!.recordServerError(new Error('disk full'), undefined)
    expect(warning).not.toHaveBeenCalled()
  })
})

describe('with a valid active span', () => {
  it('names it as the parent of outgoing calls', () => {
    const tracing = tracingFrom(fakeApi({ valid: true }).api)!
    expect(tracing.activeTraceId()).toBe(TRACE_ID)
    expect(tracing.activeTraceparent()).toBe(`00-${TRACE_ID}-${SPAN_ID}-01`)
  })

  it('records the thrown Error, else the problem, and nothing when neither is an Error', () => {
    const { api, span } = fakeApi({ valid: true })
    const tracing = tracingFrom(api)!
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    tracing.recordServerError('a string', { status: 500 })
    expect(span.recordException).not.toHaveBeenCalled()
    expect(span.setStatus).not.toHaveBeenCalled()
    const problem = new Error('the problem')
    tracing.recordServerError('a string', problem)
    expect(span.recordException).toHaveBeenCalledWith(problem)
    expect(span.setStatus).toHaveBeenCalledWith({ code: 2, message: 'the problem' })
    expect(warning).not.toHaveBeenCalled()
  })
})
