// The renderer's rules at their boundaries (src/render.ts): which statuses it answers as they are,
// whose detail it shows, which of a problem's headers it sends, the bound on extension members and
// on the names it reports, and the correlation header setting. test/render.test.ts has the shapes.
import { describe, expect, it } from 'vitest'
import { NotFound, SERVER_ERROR_DETAIL, renderProblem, type RequestFacts } from '../src/index.js'
import { MAX_EXTENSIONS_LENGTH, fallbackProblem, needsAllowFromRouter, renderMembers } from '../src/render.js'
import { DEFAULT_RENDER_SETTINGS as settings } from './fixtures/render-settings.js'

const facts: RequestFacts = { method: 'GET', url: '/a', correlationId: 'cid-1' }

/** A problem as plain members, the way a forged object or `reply.problem(status)` reaches the renderer. */
function members(status: unknown, more: Record<string, unknown> = {}): never {
  return { status, title: undefined, detail: undefined, type: undefined, code: undefined, headers: {}, expose: false, extensions: {}, ...more } as never
}

function body(rendered: { body: string | undefined }): Record<string, unknown> {
  return JSON.parse(rendered.body!) as Record<string, unknown>
}

describe('status', () => {
  it.each([400, 404, 499, 500, 599])('answers %i as it is', (status) => {
    expect(renderMembers(members(status), facts, settings).status).toBe(status)
  })

  it.each([399, 600, 200, 404.5, Number.NaN, '404', undefined])('answers %j as a 500', (status) => {
    const rendered = renderMembers(members(status), facts, settings)
    expect(rendered.status).toBe(500)
    expect(body(rendered)).toMatchObject({ status: 500, title: 'Internal Server Error' })
  })
})

describe('detail', () => {
  it('shows an exposed detail on any status, and hides a 5xx one otherwise', () => {
    expect(body(renderMembers(members(500, { detail: 'down', expose: true }), facts, settings)).detail).toBe('down')
    expect(body(renderMembers(members(500, { detail: 'secret' }), facts, settings)).detail).toBe(SERVER_ERROR_DETAIL)
    expect(body(renderMembers(members(499, { detail: 'secret' }), facts, settings))).not.toHaveProperty('detail')
    expect(body(renderMembers(members(404, { detail: 'No user 42', expose: true }), facts, settings)).detail).toBe('No user 42')
  })

  it('leaves out an exposed detail that is not a string', () => {
    expect(body(renderMembers(members(404, { detail: 42, expose: true }), facts, settings))).not.toHaveProperty('detail')
  })

  it('counts expose only when it is true', () => {
    expect(body(renderMembers(members(503, { detail: 'x', expose: 'yes' }), facts, settings)).detail).toBe(SERVER_ERROR_DETAIL)
  })
})

describe('title, code and type of forged members', () => {
  it('falls back to the reason phrase, its code, and about:blank', () => {
    const forged = body(renderMembers(members(404, { title: '', code: '', type: '' }), facts, settings))
    expect(forged).toMatchObject({ type: 'about:blank', title: 'Not Found', code: 'NOT_FOUND' })
    const typed = body(renderMembers(members(404, { title: 42, code: 7, type: 9 }), facts, settings))
    expect(typed).toMatchObject({ type: 'about:blank', title: 'Not Found', code: 'NOT_FOUND' })
  })

  it('keeps its own title and code, and makes the type slug from the status, else from the title', () => {
    const withBase = { ...settings, typeBaseUrl: 'https://errors.example.com' }
    expect(body(renderMembers(members(404, { title: 'Gone Fishing', code: 'FISH' }), facts, withBase))).toMatchObject({
      type: 'https://errors.example.com/not-found',
      title: 'Gone Fishing',
      code: 'FISH',
    })
    expect(body(renderMembers(members(432, { title: 'Too Much Tea' }), facts, withBase))).toMatchObject({
      type: 'https://errors.example.com/too-much-tea',
      code: 'TOO_MUCH_TEA',
    })
  })

  it('answers ERROR for a title no code can be made of', () => {
    expect(body(renderMembers(members(404, { title: '!!!' }), facts, settings)).code).toBe('ERROR')
  })

  it('writes instance "/" when the request URL is not a string, and answers the problem itself', () => {
    const rendered = renderMembers(members(404), { ...facts, url: undefined as never }, settings)
    expect(rendered.status).toBe(404)
    expect(body(rendered)).toMatchObject({ status: 404, instance: '/' })
  })
})

describe("a problem's own headers", () => {
  it('are sent in lower case, except the ones the renderer owns and the correlation header', () => {
    const rendered = renderMembers(
      members(404, {
        // The correlation header's value could not even be sent: it is ignored as an owned header is, not reported.
        headers: { 'X-Trace': 'a', 'Content-Type': 'text/html', 'content-length': '1', 'Transfer-Encoding': 'chunked', 'X-Correlation-Id': 'forged\r\nx: 1' },
      }),
      facts,
      settings,
    )
    expect(rendered.headers['x-trace']).toBe('a')
    expect(rendered.headers['content-type']).toBe('application/problem+json')
    expect(rendered.headers).not.toHaveProperty('content-length')
    expect(rendered.headers).not.toHaveProperty('transfer-encoding')
    expect(rendered.headers['x-correlation-id']).toBe('cid-1')
    expect(rendered.droppedHeaders).toEqual([])
  })

  it('are dropped and reported when the name or value cannot be sent, the name clipped to 64 characters', () => {
    const long = `x-${'n'.repeat(100)}`
    const headers = { 'bad name': 'v', 'x-number': 1, [long]: 'a\nb', __proto__: 'x' }
    Object.defineProperty(headers, '__proto__', { value: 'x', enumerable: true })
    const rendered = renderMembers(members(404, { headers }), facts, settings)
    expect(rendered.droppedHeaders).toEqual(['(invalid name)', 'x-number', `${long.slice(0, 63)}…`, '__proto__'])
    expect(Object.keys(rendered.headers)).not.toContain('__proto__')
  })

  it('are read one by one: a getter that throws costs only its header', () => {
    const headers = {
      get 'x-bad'(): string {
        throw new Error('no')
      },
      'x-good': 'yes',
    }
    const rendered = renderMembers(members(404, { headers }), facts, settings)
    expect(rendered.headers['x-good']).toBe('yes')
    expect(rendered.droppedHeaders).toEqual(['x-bad'])
  })

  it('are none when the headers member is not an object', () => {
    const withoutHeaders = renderMembers(members(404), facts, settings).headers
    for (const headers of [null, 'x-a: b', 7]) {
      const rendered = renderMembers(members(404, { headers }), facts, settings)
      expect(rendered.status).toBe(404)
      // A string's characters are no headers ("0": "x", …).
      expect(Object.keys(rendered.headers).sort()).toEqual(Object.keys(withoutHeaders).sort())
      expect(rendered.droppedHeaders).toEqual([])
    }
  })
})

describe('headers the standards require', () => {
  it('answers a blank challenge with the setting, and a setting that cannot be sent with the default', () => {
    expect(renderMembers(members(401, { headers: { 'www-authenticate': ' ' } }), facts, settings).headers['www-authenticate']).toBe('Bearer')
    expect(renderMembers(members(401), facts, { ...settings, wwwAuthenticate: 'Basic realm="a"' }).headers['www-authenticate']).toBe('Basic realm="a"')
    expect(renderMembers(members(401), facts, { ...settings, wwwAuthenticate: 'a\r\nb' }).headers['www-authenticate']).toBe('Bearer')
    expect(renderMembers(members(401), facts, { ...settings, wwwAuthenticate: '  ' }).headers['www-authenticate']).toBe('Bearer')
    expect(renderMembers(members(407), facts, { ...settings, proxyAuthenticate: '' }).headers['proxy-authenticate']).toBe('Basic')
    expect(renderMembers(members(407, { headers: { 'proxy-authenticate': 'Digest' } }), facts, settings).headers['proxy-authenticate']).toBe('Digest')
    expect(renderMembers(members(429), facts, { ...settings, retryAfter: '' }).headers['retry-after']).toBe('60')
    expect(renderMembers(members(429), facts, { ...settings, retryAfter: '5' }).headers['retry-after']).toBe('5')
  })

  it("gives a 405 the router's methods only when it has no Allow and they can be sent", () => {
    expect(renderMembers(members(405), { ...facts, allow: ['GET', 'HEAD'] }, settings).headers.allow).toBe('GET, HEAD')
    expect(renderMembers(members(405), { ...facts, allow: ['GET\r\nX: y'] }, settings).headers).not.toHaveProperty('allow')
    expect(renderMembers(members(405), facts, settings).headers).not.toHaveProperty('allow')
    expect(renderMembers(members(405, { headers: { allow: 'PUT' } }), { ...facts, allow: ['GET'] }, settings).headers.allow).toBe('PUT')
    expect(renderMembers(members(404), { ...facts, allow: ['GET'] }, settings).headers).not.toHaveProperty('allow')
  })

  it('adds each required header on its own status only', () => {
    const headers = renderMembers(members(404), { ...facts, allow: ['GET'] }, settings).headers
    for (const name of ['www-authenticate', 'proxy-authenticate', 'retry-after', 'allow']) expect(headers).not.toHaveProperty(name)
  })
})

describe('needsAllowFromRouter', () => {
  it('is true for a 405 without a sendable Allow only', () => {
    expect(needsAllowFromRouter(members(405))).toBe(true)
    expect(needsAllowFromRouter(members(405, { headers: { allow: 'a\nb' } }))).toBe(true)
    expect(needsAllowFromRouter(members(405, { headers: { allow: 'GET' } }))).toBe(false)
    expect(needsAllowFromRouter(members(404))).toBe(false)
  })
})

describe('extension members', () => {
  /** An extension whose member `,"<name>":"<x…>"` is exactly `length` characters. */
  function memberOfLength(name: string, length: number): Record<string, string> {
    return { [name]: 'x'.repeat(length - name.length - 6) }
  }

  it('fit up to MAX_EXTENSIONS_LENGTH characters together; one more is left out and reported', () => {
    const fits = renderProblem(new NotFound({ extensions: memberOfLength('a', MAX_EXTENSIONS_LENGTH) }), facts, settings)
    expect(fits.droppedMembers).toEqual([])
    const over = renderProblem(new NotFound({ extensions: memberOfLength('a', MAX_EXTENSIONS_LENGTH + 1) }), facts, settings)
    expect(over.droppedMembers).toEqual(['a'])
    const second = renderProblem(new NotFound({ extensions: { ...memberOfLength('a', MAX_EXTENSIONS_LENGTH - 8), b: 1, c: 2 } }), facts, settings)
    expect(second.droppedMembers).toEqual(['c'])
    expect(body(second).b).toBe(1)
  })

  it('reports a reserved or unserializable name clipped to 64 characters', () => {
    const name = 'm'.repeat(80)
    const rendered = renderMembers(members(404, { extensions: { [name]: 10n, status: 1 } }), facts, settings)
    expect(rendered.droppedMembers).toEqual([`${'m'.repeat(63)}…`, 'status'])
  })

  it('leaves a member named stack alone without exposeStack, and out with it', () => {
    expect(body(renderMembers(members(404, { extensions: { stack: 'mine' } }), facts, settings)).stack).toBe('mine')
    const exposed = renderMembers(members(404, { extensions: { stack: 'mine', id: 7 } }), facts, { ...settings, exposeStack: true })
    expect(exposed.droppedMembers).toEqual(['stack'])
    expect(body(exposed).stack).toBe('')
    expect(body(exposed).id).toBe(7)
  })

  it('are none when the extensions member is not an object', () => {
    for (const extensions of ['x', null, 7]) {
      expect(renderMembers(members(404, { extensions }), facts, settings).body).toBe(renderMembers(members(404), facts, settings).body)
    }
  })
})

describe('correlation header setting', () => {
  it('is used in lower case, switching back and forth between services', () => {
    expect(renderMembers(members(404), facts, { ...settings, correlationIdHeader: 'X-Request-Id' }).headers['x-request-id']).toBe('cid-1')
    expect(renderMembers(members(404), facts, settings).headers['x-correlation-id']).toBe('cid-1')
    expect(renderMembers(members(404), facts, { ...settings, correlationIdHeader: 'X-Request-Id' }).headers['x-request-id']).toBe('cid-1')
  })

  it('gives way to x-correlation-id when it is no header name', () => {
    for (const correlationIdHeader of ['bad name', '', 42]) {
      const rendered = renderMembers(members(404), facts, { ...settings, correlationIdHeader: correlationIdHeader as never })
      expect(rendered.headers['x-correlation-id']).toBe('cid-1')
    }
  })

  it('replaces an id that is not valid', () => {
    const rendered = renderMembers(members(404), { ...facts, correlationId: 'a b' }, settings)
    expect(rendered.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(body(rendered).correlationId).toBe(rendered.headers['x-correlation-id'])
  })
})

describe('a problem that cannot be read', () => {
  it('gives the minimal 500 with the fault, and reports nothing dropped or to remove', () => {
    const unreadable = members(404)
    Object.defineProperty(unreadable, 'title', {
      get(): never {
        throw new Error('title getter')
      },
    })
    const rendered = renderMembers(unreadable, facts, settings)
    expect(rendered.status).toBe(500)
    expect(rendered.fault).toEqual(new Error('title getter'))
    expect(body(rendered)).toMatchObject({ status: 500, instance: '/a', correlationId: 'cid-1' })
    expect(rendered).toMatchObject({ droppedHeaders: [], droppedMembers: [], removedReplyHeaders: [] })
  })
})

describe('fallbackProblem', () => {
  it('is a 500 with the request path, the typeBaseUrl type and the correlation header setting', () => {
    const rendered = fallbackProblem({ method: 'GET', url: '/a b?q', correlationId: 'c-9' }, { typeBaseUrl: 'https://e.example', correlationIdHeader: 'X-Id' })
    expect(rendered.status).toBe(500)
    expect(rendered.headers).toMatchObject({ 'x-id': 'c-9', 'content-type': 'application/problem+json' })
    expect(body(rendered)).toEqual({
      type: 'https://e.example/internal-server-error',
      title: 'Internal Server Error',
      status: 500,
      detail: SERVER_ERROR_DETAIL,
      instance: '/a%20b',
      code: 'INTERNAL_SERVER_ERROR',
      correlationId: 'c-9',
    })
  })

  it('without facts: about:blank, instance "/", a new correlation id', () => {
    const rendered = fallbackProblem({})
    expect(body(rendered)).toMatchObject({ type: 'about:blank', instance: '/' })
    expect(rendered.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})
