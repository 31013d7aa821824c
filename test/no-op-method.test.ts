// Logger methods with an empty body write nothing (Fastify's methods when the app has no logger),
// so no log line is built for them (issue #17: the 500 path's cost with `logger: false`).
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import problems from '../src/index.js'
import { writesNothing } from '../src/no-op-method.js'

describe('writesNothing', () => {
  it.each([
    ['abstract-logging (Fastify without a logger)', Fastify({ logger: false }).log.error],
    ['a function declaration', function noop() {}],
    ['a function with spaces inside its body', function noop() { }],
    ['an arrow function', () => {}],
    ['an arrow function with parameters', (_line: unknown, _message: string) => {}],
    ['a method', { error() {} }.error],
    ['an async arrow function', async () => {}],
  ])('%s: writes nothing', (_label, method) => {
    expect(writesNothing(method)).toBe(true)
  })

  it.each([
    ['pino', Fastify({ logger: { level: 'info' } }).log.error],
    ['a function that does something', (line: unknown) => console.log(line)],
    ['a function whose body is only a comment', function noop() { /* the body says nothing, but it is not empty */ }],
    ['a native function', Math.max],
    ['a bound empty function', function noop() {}.bind(null)],
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- an empty class body is the case under test
    ['a class', class {}],
    ['a Proxy of an empty function', new Proxy(() => {}, {})],
    ['not a function', { error: 'text' }],
    ['undefined', undefined],
  ])('%s: may write', (_label, method) => {
    expect(writesNothing(method)).toBe(false)
  })

  it('the verdict is kept per function: an empty function stays one', () => {
    const method = () => {}
    expect(writesNothing(method)).toBe(true)
    expect(writesNothing(method)).toBe(true)
  })
})

describe('an app without a logger builds no log line', () => {
  it("a 500's error: neither its stack nor its properties are read", async () => {
    const app = Fastify({ logger: false })
    await app.register(problems)
    const reads: string[] = []
    const thrown = new Error('db down')
    const stack = thrown.stack
    Object.defineProperty(thrown, 'stack', { get: () => (reads.push('stack'), stack) })
    Object.defineProperty(thrown, 'host', { get: () => (reads.push('host'), 'db-7'), enumerable: true })
    app.get('/', async () => {
      throw thrown
    })
    const response = await app.inject('/')
    expect(response.statusCode).toBe(500)
    expect(response.body).not.toContain('db down')
    expect(reads).toEqual([])
  })

  it('the same app with pino: the line is written with the stack', async () => {
    const lines: Record<string, any>[] = []
    const stream = { write: (line: string) => lines.push(JSON.parse(line)) }
    const app = Fastify({ logger: { level: 'info', stream } })
    await app.register(problems)
    app.get('/', async () => {
      throw new Error('db down')
    })
    await app.inject('/')
    const line = lines.find((entry) => entry.status === 500)
    expect(line?.err?.message).toBe('db down')
    expect(line?.err?.stack).toMatch(/^Error: db down\n\s+at /)
  })
})
