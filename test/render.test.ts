import { describe, expect, it } from 'vitest'
import {
  HttpProblem,
  InternalServerError,
  MethodNotAllowed,
  NotFound,
  SERVER_ERROR_DETAIL,
  ServiceUnavailable,
  createProblem,
  renderProblem,
  type RequestFacts,
} from '../src/index.js'
import { DEFAULT_RENDER_SETTINGS } from './fixtures/render-settings.js'

const settings = DEFAULT_RENDER_SETTINGS
const facts: RequestFacts = { method: 'GET', url: '/users/42?token=secret#frag', correlationId: 'cid-1' }

describe('renderProblem', () => {
  it('writes the members in RFC 9457 order, with instance and correlation id', () => {
    const rendered = renderProblem(new NotFound({ detail: 'No user 42', extensions: { userId: 42 } }), facts, settings)
    expect(rendered.status).toBe(404)
    expect(rendered.body).toBe(
      '{"type":"about:blank","title":"Not Found","status":404,"detail":"No user 42","instance":"/users/42",' +
        '"code":"NOT_FOUND","correlationId":"cid-1","userId":42}',
    )
    expect(rendered.headers).toEqual({
      'x-correlation-id': 'cid-1',
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      vary: 'Accept',
    })
    expect(rendered.droppedHeaders).toEqual([])
    expect(rendered.removedReplyHeaders).toEqual([])
  })

  it('is pure: the same input gives the same bytes', () => {
    const problem = new NotFound('x')
    expect(renderProblem(problem, facts, settings)).toEqual(renderProblem(problem, facts, settings))
  })

  it('never sends the query string', () => {
    const body = renderProblem(new NotFound(), facts, settings).body!
    expect(body).not.toContain('secret')
    expect(body).not.toContain('frag')
  })

  it('builds the type from typeBaseUrl and the status slug, keeping explicit types', () => {
    const withBase = { ...settings, typeBaseUrl: 'https://errors.example.com' }
    expect(JSON.parse(renderProblem(new NotFound(), facts, withBase).body!).type).toBe('https://errors.example.com/not-found')
    const customTitle = new NotFound({ title: 'User missing' })
    expect(JSON.parse(renderProblem(customTitle, facts, withBase).body!).type).toBe('https://errors.example.com/not-found')
    const typed = new NotFound({ type: 'https://x.example/t' })
    expect(JSON.parse(renderProblem(typed, facts, withBase).body!).type).toBe('https://x.example/t')
    expect(JSON.parse(renderProblem(createProblem(499), facts, withBase).body!).type).toBe('https://errors.example.com/client-error')
  })

  it('replaces a 5xx detail with a generic sentence unless exposed', () => {
    const hidden = JSON.parse(renderProblem(new InternalServerError('password=hunter2'), facts, settings).body!)
    expect(hidden.detail).toBe(SERVER_ERROR_DETAIL)
    const shown = JSON.parse(renderProblem(new ServiceUnavailable({ detail: 'Back at 10:00', expose: true }), facts, settings).body!)
    expect(shown.detail).toBe('Back at 10:00')
  })

  it('omits the detail of an unexposed 4xx', () => {
    expect(JSON.parse(renderProblem(new NotFound({ detail: 'internal', expose: false }), facts, settings).body!)).not.toHaveProperty('detail')
  })

  it('never lets extensions overwrite standard members or touch the prototype', () => {
    const extensions = JSON.parse('{"type":"x","title":"x","status":200,"detail":"x","instance":"x","code":"x","correlationId":"x","__proto__":{"polluted":true},"constructor":1,"prototype":2,"ok":true}')
    const rendered = renderProblem(new NotFound({ extensions }), facts, settings)
    const body = JSON.parse(rendered.body!)
    expect(body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, instance: '/users/42', code: 'NOT_FOUND', correlationId: 'cid-1', ok: true })
    expect(body).not.toHaveProperty('detail')
    expect(Object.keys(body)).not.toContain('__proto__')
    expect(Object.keys(body)).not.toContain('constructor')
    expect(rendered.droppedMembers).toEqual(expect.arrayContaining(['type', '__proto__', 'constructor', 'prototype']))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('drops extension members that cannot be serialized, and keeps the rest', () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const rendered = renderProblem(
      new NotFound({
        extensions: {
          circular,
          big: 10n,
          fn: () => 1,
          get broken(): number {
            throw new Error('getter')
          },
          fine: [1, 'two'],
        },
      }),
      facts,
      settings,
    )
    expect(JSON.parse(rendered.body!).fine).toEqual([1, 'two'])
    expect(rendered.droppedMembers.sort()).toEqual(['big', 'broken', 'circular', 'fn'])
  })

  it('drops header values that could split the response, and reports them', () => {
    const problem = new NotFound({ headers: { 'x-ok': 'fine', 'x-evil': 'a\r\nSet-Cookie: s=1', 'x-nul': 'a\u0000b', 'x-uni': 'π', 'bad name': 'v', 'Content-Type': 'text/html' } })
    const rendered = renderProblem(problem, facts, settings)
    expect(rendered.headers['x-ok']).toBe('fine')
    expect(rendered.headers).not.toHaveProperty('x-evil')
    expect(rendered.headers).not.toHaveProperty('x-nul')
    expect(rendered.headers).not.toHaveProperty('x-uni')
    expect(rendered.headers['content-type']).toBe('application/problem+json')
    expect(rendered.droppedHeaders.sort()).toEqual(['(invalid name)', 'x-evil', 'x-nul', 'x-uni'])
  })

  it('adds the headers the standards require when the problem has none', () => {
    expect(renderProblem(createProblem(401), facts, settings).headers['www-authenticate']).toBe('Bearer')
    expect(renderProblem(createProblem(401, { challenge: 'Basic' }), facts, settings).headers['www-authenticate']).toBe('Basic')
    expect(renderProblem(createProblem(407), facts, settings).headers['proxy-authenticate']).toBe('Basic')
    expect(renderProblem(new HttpProblem(429), facts, settings).headers['retry-after']).toBe('60')
    expect(renderProblem(new HttpProblem(405), { ...facts, allow: ['GET', 'PUT'] }, settings).headers.allow).toBe('GET, PUT')
    expect(renderProblem(new MethodNotAllowed({ allow: ['POST'] }), { ...facts, allow: ['GET'] }, settings).headers.allow).toBe('POST')
    const invalidChallenge = new HttpProblem(401, { headers: { 'www-authenticate': 'x\ny' } })
    expect(renderProblem(invalidChallenge, facts, settings).headers['www-authenticate']).toBe('Bearer')
  })

  it('owns the correlation id header', () => {
    const rendered = renderProblem(new NotFound({ headers: { 'x-correlation-id': 'spoofed' } }), facts, settings)
    expect(rendered.headers['x-correlation-id']).toBe('cid-1')
  })

  it('sends headers and no body for HEAD, with the Content-Length a GET would have', () => {
    const rendered = renderProblem(new NotFound(), { ...facts, method: 'HEAD' }, settings)
    const get = renderProblem(new NotFound(), facts, settings)
    expect(rendered.body).toBeUndefined()
    expect(rendered.bodyOfGet).toBe(get.body)
    expect(rendered.headers['content-type']).toContain('problem+json')
    expect(rendered.headers['content-length']).toBe(String(Buffer.byteLength(get.body!)))
    expect(get.headers).not.toHaveProperty('content-length')
    expect(get.bodyOfGet).toBeUndefined()
  })

  it('answers application/json to clients that only accept it', () => {
    expect(renderProblem(new NotFound(), { ...facts, accept: 'application/json' }, settings).headers['content-type']).toBe(
      'application/json',
    )
  })

  it('adds the stack only with exposeStack', () => {
    const cause = new Error('root cause')
    const withStack = JSON.parse(renderProblem(new InternalServerError({ cause }), facts, { ...settings, exposeStack: true }).body!)
    expect(withStack.stack).toContain('root cause')
    const own = JSON.parse(renderProblem(new NotFound(), facts, { ...settings, exposeStack: true }).body!)
    expect(own.stack).toContain('NotFound')
    expect(JSON.parse(renderProblem(new InternalServerError({ cause }), facts, settings).body!)).not.toHaveProperty('stack')
  })

  it('falls back to 500 for a forged problem with an impossible status', () => {
    const forged = Object.assign(Object.create(NotFound.prototype), { status: 200, title: 'OK', code: 'OK', type: 'about:blank', headers: {}, extensions: {}, expose: true })
    expect(renderProblem(forged, facts, settings).status).toBe(500)
  })
})
