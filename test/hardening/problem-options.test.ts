// Bad input, part 2: problem options that cannot be serialized, huge strings, and member names
// that try to pollute prototypes or overwrite the RFC 9457 members.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { BadRequest, Conflict, HttpProblem, InternalServerError, renderProblem, type RenderSettings } from '../../src/index.js'
import { MAX_EXTENSIONS_LENGTH, MAX_MEMBER_LENGTH } from '../../src/render.js'
import { buildApp, expectProblem, linesFor, secret, type CapturedLogs } from './helpers.js'
import { DEFAULT_RENDER_SETTINGS } from '../fixtures/render-settings.js'

const SETTINGS = DEFAULT_RENDER_SETTINGS
const FACTS = { method: 'GET', url: '/things/1?token=abc#frag', correlationId: 'id-1' }

function render(problem: HttpProblem, settings: Partial<RenderSettings> = {}) {
  const rendered = renderProblem(problem, FACTS, { ...SETTINGS, ...settings })
  return { ...rendered, json: JSON.parse(rendered.body!) as Record<string, unknown> }
}

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { name: 'loop' }
  value.self = value
  return value
}

describe('extension values that JSON cannot express are left out, and named for the log', () => {
  const cases: [string, unknown][] = [
    ['a circular object', circular()],
    ['a BigInt', 10n],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['undefined', undefined],
    ['an object with a BigInt inside', { amount: 10n }],
    ['an array nested 100,000 deep', Array.from({ length: 100_000 }).reduce<unknown[]>((inner) => [inner], [])],
    [
      'an object whose toJSON throws',
      {
        toJSON() {
          throw new Error('no')
        },
      },
    ],
    [
      'an object whose getter throws',
      {
        get value() {
          throw new Error('no')
        },
      },
    ],
    ['a Proxy whose traps throw', new Proxy({}, { get: () => { throw new Error('no') }, ownKeys: () => { throw new Error('no') } })],
  ]

  it.each(cases)('%s', (_label, value) => {
    const problem = new BadRequest({ extensions: { bad: value, good: 1 } })
    const { json, droppedMembers } = render(problem)
    expect(json).not.toHaveProperty('bad')
    expect(json.good).toBe(1)
    expect(droppedMembers).toEqual(['bad'])
  })

  it('a getter on the extensions object itself that throws costs that member only', () => {
    const extensions = Object.defineProperty({ good: 1 }, 'bad', {
      get() {
        throw new Error('no')
      },
      enumerable: true,
    })
    const { json, droppedMembers } = render(new BadRequest({ extensions }))
    expect(json.good).toBe(1)
    expect(droppedMembers).toEqual(['bad'])
  })

  it('frozen extensions render like any other', () => {
    const { json } = render(new BadRequest({ extensions: Object.freeze({ a: Object.freeze([1, 2]) }) }))
    expect(json.a).toEqual([1, 2])
  })
})

describe('huge strings are cut at documented limits', () => {
  const huge = `${'é'.repeat(600_000)}${'x'.repeat(600_000)}`

  it(`detail, title and code are cut to MAX_MEMBER_LENGTH (${MAX_MEMBER_LENGTH}) characters`, () => {
    const problem = new BadRequest({ detail: huge, title: huge, code: huge })
    const { json, body } = render(problem)
    for (const member of ['detail', 'title', 'code'] as const) {
      const value = json[member] as string
      expect(value.length).toBe(MAX_MEMBER_LENGTH)
      expect(value.endsWith('…')).toBe(true)
    }
    expect(body!.length).toBeLessThan(5 * MAX_MEMBER_LENGTH + 1024)
  })

  it('a type longer than MAX_MEMBER_LENGTH is refused when the problem is made: a cut URI would name another type', () => {
    const longest = `https://e.example/${'x'.repeat(MAX_MEMBER_LENGTH - 'https://e.example/'.length)}`
    expect(render(new BadRequest({ type: longest })).json.type).toBe(longest)
    expect(() => new BadRequest({ type: `${longest}x` })).toThrow(/"type" must be a URI reference/)
  })

  it('a huge instance is cut to MAX_MEMBER_LENGTH without a `…`, never inside a %XX', () => {
    for (const url of [`/huge-path/${'%C3%A9'.repeat(1000)}`, `/huge-path/${'é'.repeat(1000)}`, `/huge-path/x${'é'.repeat(1000)}`]) {
      const rendered = renderProblem(new BadRequest(), { ...FACTS, url }, SETTINGS)
      const instance = (JSON.parse(rendered.body!) as Record<string, string>).instance!
      expect(instance.length).toBeLessThanOrEqual(MAX_MEMBER_LENGTH)
      expect(instance.length).toBeGreaterThan(MAX_MEMBER_LENGTH - 3)
      expect(instance).toMatch(/^\/huge-path\/x?(%C3%A9)+(%C3)?$/)
    }
  })

  it('a cut never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(MAX_MEMBER_LENGTH)
    const { json } = render(new BadRequest({ detail: emoji }))
    const detail = json.detail as string
    expect(detail.length).toBeLessThanOrEqual(MAX_MEMBER_LENGTH)
    // encodeURIComponent throws URIError on a lone surrogate.
    expect(() => encodeURIComponent(detail)).not.toThrow()
  })

  it('an exposed 5xx detail is cut too', () => {
    const { json } = render(new InternalServerError({ detail: huge, expose: true }))
    expect((json.detail as string).length).toBe(MAX_MEMBER_LENGTH)
  })

  it(`extension members stop at MAX_EXTENSIONS_LENGTH (${MAX_EXTENSIONS_LENGTH}) characters; the rest are named`, () => {
    const extensions: Record<string, string> = { first: 'kept', big: huge }
    for (let index = 0; index < 100; index++) extensions[`m${index}`] = 'y'.repeat(1000)
    const { json, droppedMembers, body } = render(new BadRequest({ extensions }))
    expect(json.first).toBe('kept')
    expect(droppedMembers).toContain('big')
    expect(droppedMembers.length).toBeGreaterThan(1)
    expect(body!.length).toBeLessThan(MAX_EXTENSIONS_LENGTH + 4096)
  })

  it('a huge member name is cut in droppedMembers, which goes to the log', () => {
    const { droppedMembers } = render(new BadRequest({ extensions: { [huge]: 1n } }))
    expect(droppedMembers[0]!.length).toBeLessThanOrEqual(64)
  })

  it('a huge query string or path does not come back whole', () => {
    const rendered = renderProblem(new BadRequest(), { ...FACTS, url: `/${'p'.repeat(100_000)}?q=${'s'.repeat(100_000)}` }, SETTINGS)
    const json = JSON.parse(rendered.body!)
    expect(json.instance.length).toBe(MAX_MEMBER_LENGTH)
    expect(rendered.body).not.toContain('q=')
  })
})

describe('member names: no prototype pollution, no overwriting', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('__proto__, constructor and prototype (as own keys, the way JSON.parse makes them) are dropped', () => {
    const extensions = JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1},"ok":1}')
    const { body, json, droppedMembers } = render(new BadRequest({ extensions }))
    expect(json.ok).toBe(1)
    expect(body).not.toContain('__proto__')
    expect(body).not.toContain('polluted')
    expect(droppedMembers.sort()).toEqual(['__proto__', 'constructor', 'prototype'])
    // A client that merges the body into an object cannot be polluted either.
    const merged = Object.assign({}, JSON.parse(body!))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(merged).not.toHaveProperty('polluted')
  })

  it('toJSON() drops them too', () => {
    const extensions = JSON.parse('{"__proto__":{"polluted":1},"ok":1}')
    expect(JSON.stringify(new BadRequest({ extensions }))).not.toContain('polluted')
  })

  it('extensions can never overwrite type, title, status, detail, instance, code or correlationId', () => {
    const extensions = {
      type: 'https://evil.example',
      title: 'evil',
      status: 200,
      detail: 'evil',
      instance: '/evil',
      code: 'EVIL',
      correlationId: 'evil',
    }
    const problem = new Conflict({ detail: 'real', extensions } as never)
    const { body, json } = render(problem)
    expect(json).toMatchObject({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'real', instance: '/things/1', code: 'CONFLICT', correlationId: 'id-1' })
    expect(body).not.toContain('evil')
    expect(body).not.toContain('EVIL')
    // No duplicate keys either: a parser that keeps the first one sees the same thing.
    expect(body!.match(/"status":/g)).toHaveLength(1)
  })

  it('with exposeStack, an extension named stack cannot pose as the stack', () => {
    const { body, droppedMembers } = render(new BadRequest({ extensions: { stack: 'fake' } }), { exposeStack: true })
    expect(body!.match(/"stack":/g)).toHaveLength(1)
    expect(body).not.toContain('"fake"')
    expect(droppedMembers).toEqual(['stack'])
  })

  it('a __proto__ header name is dropped, and the header map is not polluted', () => {
    const headers = JSON.parse('{"__proto__":{"polluted":"1"},"x-ok":"1"}')
    const { headers: sent } = render(new BadRequest({ headers }))
    expect(sent['x-ok']).toBe('1')
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype)
    // A string or number value under that name is no header either, and no own key of the copy.
    for (const value of ['"text/html"', '7']) {
      const problem = new BadRequest({ headers: JSON.parse(`{"__proto__":${value},"x-ok":"1"}`) })
      expect(Object.keys(problem.headers)).toEqual(['x-ok'])
      expect(Object.getPrototypeOf(problem.headers)).toBe(Object.prototype)
    }
  })
})

describe('through the plugin: a response, a log line naming what was dropped', () => {
  let app: FastifyInstance
  let logs: CapturedLogs
  const SECRET = secret()

  beforeAll(async () => {
    ;({ app, logs } = await buildApp())
    app.get('/unserializable', async () => {
      throw new BadRequest({ detail: 'x'.repeat(1_000_000), extensions: { loop: circular(), big: 1n, fn: () => SECRET, ok: true } })
    })
    app.get('/five-hundred', async () => {
      throw new InternalServerError({ detail: SECRET, extensions: { loop: circular() }, cause: new Error(SECRET) })
    })
  })
  afterAll(async () => {
    await app.close()
  })

  it('400 with the serializable members, the dropped ones in the log', async () => {
    const response = await app.inject({ method: 'GET', url: '/unserializable' })
    const body = expectProblem(response, 400)
    expect(body.ok).toBe(true)
    expect(body.detail).toHaveLength(MAX_MEMBER_LENGTH)
    const [line, ...others] = linesFor(logs, body.correlationId)
    expect(others).toHaveLength(0)
    expect(line!.droppedMembers).toEqual(['loop', 'big', 'fn'])
    expect(line!.detail.length).toBeLessThanOrEqual(MAX_MEMBER_LENGTH)
  })

  it('500: neither the detail nor the cause reaches the body', async () => {
    const response = await app.inject({ method: 'GET', url: '/five-hundred' })
    expectProblem(response, 500)
    expect(response.body).not.toContain(SECRET)
  })
})
