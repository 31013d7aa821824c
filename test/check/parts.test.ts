// The check command's parts on their own: routes, OpenAPI reading, probe plans, XML escaping,
// URL joining, the sender's limits.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { routesFromOpenApi } from '../../src/check/openapi.js'
import { openApiRoutes } from '../../src/check/openapi-source.js'
import { PROBES, VALID_CORRELATION_ID, type ProbeContext } from '../../src/check/probes.js'
import { concretePath, parseRoute } from '../../src/check/routes.js'
import { urlFor } from '../../src/check/run-check.js'
import { send } from '../../src/check/send.js'
import { xmlText } from '../../src/check/xml.js'
import { UsageError } from '../../src/index.js'
import { nodeService, tcpService } from './helpers.js'

describe('routes', () => {
  it.each([
    ['POST /users', { method: 'POST', path: '/users' }],
    ['  patch   /users/{id}  ', { method: 'PATCH', path: '/users/{id}' }],
    ['get /', { method: 'GET', path: '/' }],
  ])('parses %j', (text, route) => {
    expect(parseRoute(text)).toEqual(route)
  })

  it.each(['POST', '/users', 'POST users', 'PO-ST /users', 'P0ST /users', 'ß /users', 'GET POST /users', 'POST /a /b', ''])('refuses %j', (text) => {
    expect(() => parseRoute(text)).toThrow(UsageError)
    expect(() => parseRoute(text)).toThrow(expect.objectContaining({
      code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION',
      message: `--route must be "METHOD /path", e.g. "POST /users"; received ${JSON.stringify(text)}`,
    }))
  })

  it.each([
    ['/users/{id}', '/users/http-problems-check'],
    ['/users/:id/posts/:postId', '/users/http-problems-check/posts/http-problems-check'],
    ['/files/*', '/files/http-problems-check'],
    ['/reports/{year}-{month}.json', '/reports/http-problems-check-http-problems-check.json'],
    ['/users', '/users'],
    ['/{}', '/http-problems-check'],
    // Only a whole segment is a `:name` or a `*`.
    ['/files/a:b/c*', '/files/a:b/c*'],
    ['/files/*.json', '/files/*.json'],
  ])('fills the parameters of %s', (template, path) => {
    expect(concretePath(template)).toBe(path)
  })
})

describe('routesFromOpenApi', () => {
  it('reads every operation in document order, ignoring other members', () => {
    const document = {
      paths: {
        '/users': { summary: 'x', parameters: [], post: {}, get: {} },
        '/users/{id}': { delete: {}, 'x-internal': {}, put: null },
        'not-a-path': { get: {} },
        '/broken': 'x',
      },
    }
    expect(routesFromOpenApi(document)).toEqual([
      { method: 'GET', path: '/users' },
      { method: 'POST', path: '/users' },
      { method: 'DELETE', path: '/users/{id}' },
    ])
  })

  it.each([null, [], {}, { paths: [] }])('refuses %j', (document) => {
    expect(() => routesFromOpenApi(document)).toThrow('no "paths" object')
  })
})

describe('probe plans', () => {
  const context = (routes: ProbeContext['routes']): ProbeContext => ({ routes, correlationIdHeader: 'x-request-id', bodyLimit: 10 })
  const plan = (name: string, routes: ProbeContext['routes']) => PROBES.find((probe) => probe.name === name)!.plan(context(routes))

  it('405: GET where the path does not serve it, TRACE where it does, skip when both are served', () => {
    expect(plan('method-not-allowed', [{ method: 'POST', path: '/users' }])).toMatchObject({ request: { method: 'GET', path: '/users' } })
    expect(plan('method-not-allowed', [{ method: 'GET', path: '/a/{id}' }, { method: 'DELETE', path: '/a/{id}' }])).toMatchObject({
      request: { method: 'TRACE', path: '/a/http-problems-check' },
    })
    expect(plan('method-not-allowed', [{ method: 'GET', path: '/a' }, { method: 'TRACE', path: '/a' }])).toEqual({
      skip: '/a serves GET and TRACE: no safe method is left to send',
    })
  })

  it('body probes use the first POST, PUT or PATCH route and never a safe or DELETE one', () => {
    const routes = [{ method: 'GET', path: '/a' }, { method: 'DELETE', path: '/b' }, { method: 'PUT', path: '/c/{id}' }]
    for (const name of ['malformed-json', 'unsupported-media-type', 'payload-too-large']) {
      expect(plan(name, routes)).toMatchObject({ request: { method: 'PUT', path: '/c/http-problems-check' } })
      expect(plan(name, routes.slice(0, 2))).toHaveProperty('skip')
    }
  })

  it('the 413 body is one byte over the limit and is not JSON', () => {
    const { request } = plan('payload-too-large', [{ method: 'POST', path: '/a' }]) as { request: { body: string } }
    expect(request.body).toHaveLength(11)
    expect(() => JSON.parse(request.body)).toThrow()
  })

  it('the malformed JSON body does not parse', () => {
    const { request } = plan('malformed-json', [{ method: 'POST', path: '/a' }]) as { request: { body: string } }
    expect(() => JSON.parse(request.body)).toThrow()
  })

  it('correlation probes use the configured header', () => {
    expect(plan('correlation-id-valid', [])).toMatchObject({ request: { headers: { 'x-request-id': 'http-problems-check-7f3a9c1e' } }, expected: { correlationIdHeader: 'x-request-id' } })
  })

  it("405: only the methods of the first route's own path count as served", () => {
    expect(plan('method-not-allowed', [{ method: 'POST', path: '/users' }, { method: 'GET', path: '/other' }])).toMatchObject({ request: { method: 'GET', path: '/users' } })
  })

  it('the 415 body is of a media type no route takes, and not empty', () => {
    const { request } = plan('unsupported-media-type', [{ method: 'POST', path: '/a' }]) as { request: { headers: Record<string, string>; body: string } }
    expect(request.headers['content-type']).toMatch(/^application\/x-/)
    expect(request.body).not.toBe('')
  })

  it('the Accept probes ask for their media type', () => {
    expect(plan('accept-html', [])).toMatchObject({ request: { headers: { accept: 'text/html' } } })
    expect(plan('accept-json', [])).toMatchObject({ request: { headers: { accept: 'application/json' } }, expected: { mediaTypes: ['application/json'] } })
  })

  it('the correlation probes expect the valid id, or the trace-id of the traceparent, back', () => {
    expect(plan('correlation-id-valid', [])).toMatchObject({ expected: { correlationId: VALID_CORRELATION_ID } })
    const traceparent = plan('traceparent', []) as { request: { headers: Record<string, string> }; expected: { correlationId?: string } }
    expect(traceparent.expected.correlationId).toBe(traceparent.request.headers.traceparent!.split('-')[1])
  })

  it('probe names are unique', () => {
    expect(new Set(PROBES.map((probe) => probe.name)).size).toBe(PROBES.length)
  })
})

describe('urlFor', () => {
  const base = new URL('http://127.0.0.1:8080/api/')
  it('joins under the base path', () => {
    expect(urlFor(base, '/users?x=1')?.href).toBe('http://127.0.0.1:8080/api/users?x=1')
    expect(urlFor(new URL('http://127.0.0.1:8080'), '/users')?.href).toBe('http://127.0.0.1:8080/users')
  })

  it('drops every trailing slash of the base path', () => {
    expect(urlFor(new URL('http://127.0.0.1:8080/api//'), '/users')?.href).toBe('http://127.0.0.1:8080/api/users')
  })

  it('refuses a path that would leave the origin', () => {
    expect(urlFor(new URL('http://127.0.0.1:8080'), '//example.com/users')).toBeUndefined()
  })
})

describe('xmlText', () => {
  it('escapes markup and quotes and replaces what XML cannot carry', () => {
    const hostile = `<a href="x">&'\u0000\u0008\u000b\u001f\ufffe\ud800 ok \ud83d\ude00\t\n`
    const escaped = xmlText(hostile)
    expect(escaped).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd ok \ud83d\ude00\t\n')
    expect(XMLValidator.validate(`<r a="${escaped}">${escaped}</r>`)).toBe(true)
  })
})

describe('send', () => {
  it('sends https: URLs over TLS, and says when nothing listens there', async () => {
    const service = await nodeService(() => undefined)
    const port = new URL(service.url).port
    await service.close()
    const exchange = await send({ url: new URL(`https://127.0.0.1:${port}/`), method: 'GET', headers: {} }, { timeoutMs: 5000, maxBodyBytes: 1024 })
    expect(exchange).toEqual({ ok: false, reason: 'the connection was refused (ECONNREFUSED)' })
  })

  it.each([
    ['reset', (socket: Socket) => socket.resetAndDestroy()],
    ['closed', (socket: Socket) => socket.destroy()],
  ] as const)('says when the connection is %s in the middle of the body, without waiting for the timeout', async (_how, cut) => {
    const halfway = await tcpService((socket) => {
      socket.write('HTTP/1.1 404 Not Found\r\ncontent-length: 100\r\n\r\nabc', () => setTimeout(() => cut(socket), 20))
    })
    try {
      const exchange = await send({ url: new URL(halfway.url), method: 'GET', headers: {} }, { timeoutMs: 5000, maxBodyBytes: 1024 })
      expect(exchange).toEqual({ ok: false, reason: 'the connection was reset before a complete answer (ECONNRESET)' })
    } finally {
      await halfway.close()
    }
  })

  it('gives up after timeoutMs, and names any other error with its code', async () => {
    const silent = await tcpService(() => undefined)
    const plain = await nodeService((_request, response) => response.end('x'))
    try {
      expect(await send({ url: new URL(silent.url), method: 'GET', headers: {} }, { timeoutMs: 100, maxBodyBytes: 1024 })).toEqual({ ok: false, reason: 'no complete answer within 100 ms' })
      // TLS to a plain HTTP port: OpenSSL's message, then the code.
      const tls = await send({ url: new URL(plain.url.replace('http:', 'https:')), method: 'GET', headers: {} }, { timeoutMs: 5000, maxBodyBytes: 1024 })
      expect(tls).toEqual({ ok: false, reason: expect.stringMatching(/^write EPROTO [\s\S]* \(EPROTO\)$/) })
    } finally {
      await Promise.all([silent.close(), plain.close()])
    }
  })

  it('says when the host name does not resolve', async () => {
    // .invalid never resolves (RFC 6761 6.4).
    const exchange = await send({ url: new URL('http://http-problems-check.invalid/'), method: 'GET', headers: {} }, { timeoutMs: 5000, maxBodyBytes: 1024 })
    expect(exchange).toEqual({ ok: false, reason: 'the host name does not resolve (ENOTFOUND)' })
  })

  it('answers as soon as maxBodyBytes have come, without waiting for the rest of the body', async () => {
    const stalled = await tcpService((socket) => {
      socket.write(`HTTP/1.1 404 Not Found\r\ncontent-length: 2048\r\n\r\n${'x'.repeat(1024)}`)
    })
    try {
      const exchange = await send({ url: new URL(stalled.url), method: 'GET', headers: {} }, { timeoutMs: 3000, maxBodyBytes: 1024 })
      expect(exchange).toMatchObject({ ok: true, status: 404, text: 'x'.repeat(1024) })
    } finally {
      await stalled.close()
    }
  })

  it('reads at most maxBodyBytes of an endless body', async () => {
    const service = await nodeService((_request, response) => {
      response.writeHead(404)
      const timer = setInterval(() => response.write('x'.repeat(1024)), 1)
      response.on('close', () => clearInterval(timer))
    })
    try {
      const exchange = await send({ url: new URL(service.url), method: 'GET', headers: {} }, { timeoutMs: 5000, maxBodyBytes: 4096 })
      expect(exchange).toMatchObject({ ok: true, status: 404 })
      expect(exchange.ok && exchange.text.length).toBe(4096)
    } finally {
      await service.close()
    }
  })
})

describe('openApiRoutes', () => {
  const source = (text: string, baseUrl = 'http://127.0.0.1:1', cwd = tmpdir()) => ({ source: text, baseUrl: new URL(baseUrl), headers: { authorization: 'Bearer t' }, timeoutMs: 5000, cwd })
  const DOCUMENT = JSON.stringify({ paths: { '/users': { post: {} } } })

  it('reads a relative file path as a file, even when it holds "http://"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'http-problems-openapi-'))
    try {
      await mkdir(join(dir, 'http:'))
      await writeFile(join(dir, 'http:', 'spec.json'), DOCUMENT)
      expect(await openApiRoutes(source('./http://spec.json', undefined, dir))).toEqual([{ method: 'POST', path: '/users' }])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('names --openapi and the error code of a file it cannot read', async () => {
    await expect(openApiRoutes(source('missing.json'))).rejects.toThrow(new UsageError('ERR_HTTP_PROBLEMS_INVALID_OPTION', '--openapi: cannot read missing.json: ENOENT'))
  })

  it('downloads from the checked origin asking for JSON, with the --header values', async () => {
    const seen: Record<string, unknown>[] = []
    const service = await nodeService((request, response) => {
      seen.push({ method: request.method, ...request.headers })
      response.writeHead(200, { 'content-type': 'application/json' }).end(DOCUMENT)
    })
    try {
      expect(await openApiRoutes(source(`${service.url}/openapi.json`, service.url))).toEqual([{ method: 'POST', path: '/users' }])
      expect(seen).toEqual([expect.objectContaining({ method: 'GET', accept: 'application/json', authorization: 'Bearer t' })])
    } finally {
      await service.close()
    }
  })

  it('says why a download got no answer', async () => {
    const service = await nodeService(() => undefined)
    const url = service.url
    await service.close()
    await expect(openApiRoutes(source(`${url}/openapi.json`, url))).rejects.toThrow(
      '--openapi: could not download /openapi.json: the connection was refused (ECONNREFUSED)',
    )
  })
})
