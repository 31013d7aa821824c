/**
 * Issue #11, item 7: `instance` is always a path-absolute URI reference (RFC 3986 4.2), in both
 * adapters: a leading `//` (a reference to another host) collapsed, characters a URI may not hold
 * percent-encoded (a valid `%XX` kept), never the query or the fragment. Requests go out as raw
 * request targets over real sockets, so no client library cleans them up first.
 */
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotFound, renderProblem } from '../../src/index.js'
import { instanceOf } from '../../src/instance.js'
import { MAX_MEMBER_LENGTH } from '../../src/limits.js'
import { isPathAbsolute } from '../../src/uri.js'
import { DEFAULT_RENDER_SETTINGS } from '../fixtures/render-settings.js'
import { serveBoth, type Adapters } from './adapters.js'

/** GET with `target` written as is on the request line. */
function get(server: Server, target: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const { port } = server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path: target, headers: { connection: 'close' } }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

const TARGETS: [target: string, instance: string][] = [
  ['//evil.example/phish', '/evil.example/phish'],
  ['///evil.example//phish', '/evil.example//phish'],
  ['/a|b{c}^d`e\\f"g<h>', '/a%7Cb%7Bc%7D%5Ed%60e%5Cf%22g%3Ch%3E'],
  ['/caf%C3%A9/%41', '/caf%C3%A9/%41'],
  ['/users/42?token=secret#frag', '/users/42'],
  ['//evil.example?token=secret', '/evil.example'],
  ['/a[b]:c@d!$&\'()*+,;=', '/a%5Bb%5D:c@d!$&\'()*+,;='],
]

describe('instance over real sockets, both adapters', () => {
  let adapters: Adapters

  beforeAll(async () => {
    adapters = await serveBoth({})
  })

  afterAll(() => adapters.close())

  it.each(TARGETS)('GET %s → instance %s', async (target, instance) => {
    for (const { name, server } of adapters.servers) {
      const { status, body } = await get(server, target)
      expect([name, status, body.instance]).toEqual([name, 404, instance])
    }
  })
})

describe('instanceOf', () => {
  it('is always a path-absolute URI reference without the query, for any request URL', () => {
    const urlCharacters = fc.constantFrom('/', 'a', '?', '#', '%', '4', '1', 'é', '|', ' ', '\\', '\uD800', '😀', ':')
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: urlCharacters })), (url) => {
        const instance = instanceOf(url, MAX_MEMBER_LENGTH)
        expect(isPathAbsolute(instance)).toBe(true)
        expect(instance.length).toBeLessThanOrEqual(MAX_MEMBER_LENGTH)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps a path that is already valid as it is, and never encodes twice', () => {
    for (const path of ['/', '/users/42', '/caf%C3%A9', "/a:b@c!$&'()*+,;=-._~"]) {
      expect(instanceOf(path, MAX_MEMBER_LENGTH)).toBe(path)
      expect(instanceOf(instanceOf(`${path}|x`, MAX_MEMBER_LENGTH), MAX_MEMBER_LENGTH)).toBe(`${path}%7Cx`)
    }
  })

  it.each([
    ['http://evil.example//x?q=1', '/x'],
    ['*', '/*'],
    ['', '/'],
    ['users', '/users'],
    ['/\uD800', '/%EF%BF%BD'],
    ['/%41%zz%', '/%41%25zz%25'],
    ['/é😀', '/%C3%A9%F0%9F%98%80'],
  ])('%j → %s (absolute-form targets keep their path only)', (url, instance) => {
    expect(instanceOf(url, MAX_MEMBER_LENGTH)).toBe(instance)
  })

  it('is what the renderer writes', () => {
    const facts = { method: 'GET', url: '//evil.example/a b?token=secret', correlationId: 'c-1' }
    const body = JSON.parse(renderProblem(new NotFound(), facts, DEFAULT_RENDER_SETTINGS).body!) as Record<string, unknown>
    expect(body.instance).toBe('/evil.example/a%20b')
  })
})
