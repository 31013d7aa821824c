import { INVALID_SPAN_CONTEXT, SpanStatusCode, context, trace, type Span } from '@opentelemetry/api'
import * as otelApi from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { correlationHeaders } from '../../src/client/index.js'
import problems, { NotFound } from '../../src/index.js'
import { expectProblem } from '../../src/testing/index.js'
import { currentTracing, importOptional, loadTracing, tracingFrom } from '../../src/tracing.js'

const exporter = new InMemorySpanExporter()
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
const tracer = provider.getTracer('http-problems-test')
const REGISTRY = Symbol.for('http-problems.tracing')
const globals = globalThis as unknown as Record<symbol, unknown>
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/**
 * Runs `inject` inside `span`, as an HTTP server instrumentation would run the request. `inject`
 * dispatches lazily, when `then` is called, so it is called inside the span's context.
 */
function injectIn(span: Span, app: FastifyInstance, options: InjectOptions) {
  return context.with(trace.setSpan(context.active(), span), () => app.inject(options).then((response) => response))
}

async function buildApp(): Promise<FastifyInstance> {
  const app = Fastify()
  await app.register(problems)
  app.get('/crash', async () => {
    throw new Error('disk full')
  })
  app.get('/string', async () => {
    throw 'not an error'
  })
  app.get('/missing', async () => {
    throw new NotFound()
  })
  app.get('/outgoing', async (request) => correlationHeaders(request))
  return app
}

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  trace.setGlobalTracerProvider(provider)
})

afterAll(async () => {
  trace.disable()
  context.disable()
  await provider.shutdown()
})

afterEach(() => exporter.reset())

describe('with @opentelemetry/api installed and a span active', () => {
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildApp()
  })

  afterAll(() => app.close())

  it('loads the API once, at registration', async () => {
    expect(currentTracing()).toBeDefined()
    expect(loadTracing()).toBe(loadTracing())
    expect(await loadTracing()).toBe(currentTracing())
  })

  it('records a 5xx on the span and uses its trace id as the correlation id', async () => {
    const span = tracer.startSpan('GET /crash')
    const response = await injectIn(span, app, { method: 'GET', url: '/crash' })
    span.end()
    const body = expectProblem(response, { status: 500 })
    expect(body.correlationId).toBe(span.spanContext().traceId)

    const [finished] = exporter.getFinishedSpans()
    expect(finished!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'disk full' })
    expect(finished!.events).toHaveLength(1)
    expect(finished!.events[0]!.name).toBe('exception')
    expect(finished!.events[0]!.attributes).toMatchObject({ 'exception.message': 'disk full', 'exception.type': 'Error' })
  })

  it('records the problem itself when what was thrown is not an Error', async () => {
    const span = tracer.startSpan('GET /string')
    await injectIn(span, app, { method: 'GET', url: '/string' })
    span.end()
    const [finished] = exporter.getFinishedSpans()
    // OpenTelemetry names the exception type after the error's `code` when it has one.
    expect(finished!.events[0]!.attributes).toMatchObject({
      'exception.type': 'INTERNAL_SERVER_ERROR',
      'exception.message': 'Internal Server Error',
    })
    expect(finished!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Internal Server Error' })
  })

  it('keeps an incoming correlation id', async () => {
    const span = tracer.startSpan('GET /crash')
    const response = await injectIn(span, app, { method: 'GET', url: '/crash', headers: { 'x-correlation-id': 'client-1' } })
    span.end()
    expectProblem(response, { status: 500, correlationId: 'client-1' })
    expect(exporter.getFinishedSpans()[0]!.status.code).toBe(SpanStatusCode.ERROR)
  })

  it('leaves the span alone on a 4xx, but still uses its trace id', async () => {
    const span = tracer.startSpan('GET /missing')
    const response = await injectIn(span, app, { method: 'GET', url: '/missing' })
    span.end()
    expect(expectProblem(response, { status: 404 }).correlationId).toBe(span.spanContext().traceId)
    const [finished] = exporter.getFinishedSpans()
    expect(finished!.status.code).toBe(SpanStatusCode.UNSET)
    expect(finished!.events).toEqual([])
  })

  it('forwards the active span as traceparent and its trace id as the id', async () => {
    const span = tracer.startSpan('GET /outgoing')
    const response = await injectIn(span, app, { method: 'GET', url: '/outgoing' })
    span.end()
    const { traceId, spanId } = span.spanContext()
    expect(response.json()).toEqual({ 'x-correlation-id': traceId, traceparent: `00-${traceId}-${spanId}-01` })
  })

  it('ignores an invalid active span context', async () => {
    const invalid = trace.wrapSpanContext(INVALID_SPAN_CONTEXT)
    const response = await injectIn(invalid, app, { method: 'GET', url: '/crash' })
    expect(expectProblem(response, { status: 500 }).correlationId).toMatch(UUID)
    const outgoing = await injectIn(invalid, app, { method: 'GET', url: '/outgoing' })
    expect(outgoing.json()).not.toHaveProperty('traceparent')
  })

  it('does nothing without an active span', async () => {
    const response = await app.inject({ method: 'GET', url: '/crash' })
    expect(expectProblem(response, { status: 500 }).correlationId).toMatch(UUID)
    expect(exporter.getFinishedSpans()).toEqual([])
  })

  it.each([
    ['an Error', new Error('exporter bug'), 'exporter bug'],
    ['a string', 'exporter bug (string)', 'exporter bug (string)'],
  ])('survives a span that throws %s, with a process warning', async (_name, fault, detail) => {
    const span = tracer.startSpan('GET /crash')
    vi.spyOn(span, 'recordException').mockImplementation(() => {
      throw fault
    })
    const warning = new Promise<Error>((resolve) => process.once('warning', resolve))
    const response = await injectIn(span, app, { method: 'GET', url: '/crash' })
    span.end()
    expectProblem(response, { status: 500 })
    const emitted = await warning
    expect(emitted.message).toBe('http-problems: the active span threw while recording a server error')
    expect((emitted as Error & { code?: string }).code).toBe('HTTP_PROBLEMS_TRACING_FAULT')
    expect((emitted as Error & { detail?: string }).detail).toBe(detail)
  })
})

describe('without @opentelemetry/api', () => {
  const saved = globals[REGISTRY]

  afterEach(() => {
    globals[REGISTRY] = saved
  })

  it('imports nothing that is not installed', async () => {
    expect(await importOptional('@opentelemetry/not-a-package')).toBeUndefined()
  })

  it('answers as usual, with no trace id and nothing recorded, even inside a span', async () => {
    // What loadTracing leaves behind when the import failed.
    globals[REGISTRY] = { loading: Promise.resolve(undefined), tracing: undefined }
    const app = await buildApp()
    try {
      expect(currentTracing()).toBeUndefined()
      const span = tracer.startSpan('GET /crash')
      const response = await injectIn(span, app, { method: 'GET', url: '/crash' })
      span.end()
      expect(expectProblem(response, { status: 500 }).correlationId).toMatch(UUID)
      expect(exporter.getFinishedSpans()[0]!.events).toEqual([])
      expect((await injectIn(span, app, { method: 'GET', url: '/outgoing' })).json()).not.toHaveProperty('traceparent')
    } finally {
      await app.close()
    }
  })

  it('loads into an empty registry', async () => {
    globals[REGISTRY] = undefined
    expect(currentTracing()).toBeUndefined()
    expect(await loadTracing()).toBeDefined()
  })
})

describe('tracingFrom', () => {
  it.each([
    ['undefined', undefined],
    ['an empty module', {}],
    ['a module without the span helpers', { trace: {} }],
    ['a module without SpanStatusCode', { trace: { getActiveSpan: () => undefined }, isSpanContextValid: () => true }],
  ])('refuses %s', (_name, imported) => {
    expect(tracingFrom(imported)).toBeUndefined()
  })

  it('records nothing when neither what was thrown nor the problem is an Error', () => {
    const tracing = tracingFrom(otelApi)!
    const span = tracer.startSpan('members only')
    context.with(trace.setSpan(context.active(), span), () => {
      tracing.recordServerError('not an error', { status: 500, title: 'Internal Server Error' })
    })
    span.end()
    const [finished] = exporter.getFinishedSpans()
    expect(finished!.events).toEqual([])
    expect(finished!.status).toEqual({ code: SpanStatusCode.UNSET })
  })

  it('accepts the API as a namespace or as its default export', () => {
    expect(tracingFrom(otelApi)).toBeDefined()
    expect(tracingFrom({ default: otelApi })).toBeDefined()
  })
})
