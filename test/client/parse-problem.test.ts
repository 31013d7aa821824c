import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseProblem } from '../../src/client/index.js'
import { reasonPhrase } from '../../src/client/parse-problem.js'
import { UsageError } from '../../src/index.js'

const PROBLEM_JSON = 'application/problem+json; charset=utf-8'

function response(body: ConstructorParameters<typeof Response>[0], status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers })
}

function streamResponse(stream: ReadableStream<Uint8Array>, status = 502): Response {
  return new Response(stream, { status, headers: { 'content-type': 'application/json' } })
}

describe('parseProblem: problem documents', () => {
  it('reads every member of an application/problem+json body', async () => {
    const body = {
      type: 'https://errors.example.com/out-of-credit',
      title: 'You do not have enough credit',
      status: 403,
      detail: 'Your balance is 30.',
      instance: '/accounts/1/buy',
      code: 'OUT_OF_CREDIT',
      correlationId: 'body-id',
      balance: 30,
      accounts: ['/accounts/1'],
    }
    const parsed = await parseProblem(response(JSON.stringify(body), 403, { 'content-type': PROBLEM_JSON }))
    expect(parsed).toEqual({
      format: 'problem',
      status: 403,
      type: body.type,
      title: body.title,
      detail: body.detail,
      instance: body.instance,
      code: 'OUT_OF_CREDIT',
      correlationId: 'body-id',
      extensions: { balance: 30, accounts: ['/accounts/1'] },
    })
  })

  it('prefers the correlation id header over the body member', async () => {
    const parsed = await parseProblem(
      response('{"status":500,"correlationId":"from-body"}', 500, { 'content-type': PROBLEM_JSON, 'x-correlation-id': 'from-header' }),
    )
    expect(parsed.correlationId).toBe('from-header')
  })

  it('reads a custom correlation id header', async () => {
    const parsed = await parseProblem(response('', 500, { 'x-request-id': 'req-1', 'x-correlation-id': 'other' }), {
      correlationIdHeader: 'x-request-id',
    })
    expect(parsed.correlationId).toBe('req-1')
  })

  it('drops correlation ids that are unsafe to reuse', async () => {
    const parsed = await parseProblem(
      response(JSON.stringify({ status: 500, correlationId: 'a b\u0000<script>' }), 500, {
        'content-type': PROBLEM_JSON,
        'x-correlation-id': 'x'.repeat(200),
      }),
    )
    expect(parsed.correlationId).toBeUndefined()
  })

  it('ignores members of the wrong type and keeps the rest (RFC 9457 3.1)', async () => {
    const body = { type: 7, title: ['x'], status: 'bad', detail: 'kept', instance: {}, code: 5, correlationId: 9 }
    const parsed = await parseProblem(response(JSON.stringify(body), 409, { 'content-type': PROBLEM_JSON }))
    expect(parsed).toMatchObject({
      format: 'problem',
      status: 409,
      type: 'about:blank',
      title: 'Conflict',
      detail: 'kept',
      instance: undefined,
      code: undefined,
      correlationId: undefined,
      extensions: {},
    })
  })

  it('takes the wire status over the body status', async () => {
    const parsed = await parseProblem(response('{"status":418,"title":"Teapot"}', 503, { 'content-type': PROBLEM_JSON }))
    expect(parsed.status).toBe(503)
    expect(parsed.title).toBe('Teapot')
  })

  it('never lets a body reach a prototype', async () => {
    const parsed = await parseProblem(
      response('{"status":400,"__proto__":{"polluted":true},"constructor":{"x":1},"prototype":1,"ok":1}', 400, {
        'content-type': PROBLEM_JSON,
      }),
    )
    expect(parsed.extensions).toEqual({ ok: 1 })
    expect(Object.getPrototypeOf(parsed.extensions)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads an empty problem+json object as a problem with defaults', async () => {
    const parsed = await parseProblem(response('{}', 404, { 'content-type': 'application/problem+json' }))
    expect(parsed).toMatchObject({ format: 'problem', type: 'about:blank', title: 'Not Found', extensions: {} })
  })

  it('recognises a problem sent as application/json', async () => {
    const parsed = await parseProblem(response('{"title":"Not Found","status":404,"code":"NOT_FOUND"}', 404, { 'content-type': 'application/json' }))
    expect(parsed.format).toBe('problem')
    expect(parsed.code).toBe('NOT_FOUND')
  })

  it('recognises a problem sent as another +json type, and with no content type', async () => {
    const vendor = await parseProblem(response('{"status":422}', 422, { 'content-type': 'application/vnd.api+json' }))
    expect(vendor.format).toBe('problem')
    const untyped = new Response('{"status":422,"title":"Unprocessable Content"}', { status: 422 })
    untyped.headers.delete('content-type')
    expect((await parseProblem(untyped)).format).toBe('problem')
  })
})

describe('parseProblem: bodies that are not problems', () => {
  it('reads other JSON error bodies (Fastify default) into detail and code', async () => {
    const body = { statusCode: 404, code: 'FST_ERR_NOT_FOUND', error: 'Not Found', message: 'Route GET:/x not found' }
    const parsed = await parseProblem(response(JSON.stringify(body), 404, { 'content-type': 'application/json; charset=utf-8' }))
    expect(parsed).toEqual({
      format: 'json',
      status: 404,
      type: 'about:blank',
      title: 'Not Found',
      detail: 'Route GET:/x not found',
      instance: undefined,
      code: 'FST_ERR_NOT_FOUND',
      correlationId: undefined,
      extensions: {},
    })
  })

  it('ignores non-string message and code in other JSON', async () => {
    const parsed = await parseProblem(response('{"message":{"text":"x"},"code":500}', 500, { 'content-type': 'application/json' }))
    expect(parsed).toMatchObject({ format: 'json', detail: undefined, code: undefined, title: 'Internal Server Error' })
  })

  it.each([
    ['an array', '[{"status":404}]'],
    ['a string', '"Not Found"'],
    ['null', 'null'],
    ['a number', '404'],
  ])('treats JSON that is %s as other JSON', async (_name, text) => {
    const parsed = await parseProblem(response(text, 404, { 'content-type': 'application/json' }))
    expect(parsed.format).toBe('json')
    expect(parsed.title).toBe('Not Found')
  })

  it('treats an HTML error page from a proxy as text, with the status phrase as title', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>'
    const parsed = await parseProblem(response(html, 502, { 'content-type': 'text/html', 'x-correlation-id': 'edge-1' }))
    expect(parsed).toEqual({
      format: 'text',
      status: 502,
      type: 'about:blank',
      title: 'Bad Gateway',
      detail: undefined,
      instance: undefined,
      code: undefined,
      correlationId: 'edge-1',
      extensions: {},
    })
  })

  it('does not parse JSON-looking text sent as text/plain', async () => {
    const parsed = await parseProblem(response('{"status":404}', 404, { 'content-type': 'text/plain' }))
    expect(parsed.format).toBe('text')
  })

  it('treats a non-JSON body without a content type as text', async () => {
    const untyped = new Response('upstream connect error', { status: 503 })
    untyped.headers.delete('content-type')
    expect(await parseProblem(untyped)).toMatchObject({ format: 'text', title: 'Service Unavailable' })
  })

  it('reports broken JSON under a JSON content type as invalid-json', async () => {
    const parsed = await parseProblem(response('{"status": 500, "title": "Inter', 500, { 'content-type': PROBLEM_JSON }))
    expect(parsed).toMatchObject({ format: 'invalid-json', status: 500, title: 'Internal Server Error' })
  })

  it.each([
    ['no body', null],
    ['an empty body', ''],
    ['a whitespace body', ' \r\n '],
  ])('reports %s as empty', async (_name, body) => {
    const parsed = await parseProblem(response(body, 500, { 'content-type': PROBLEM_JSON }))
    expect(parsed).toMatchObject({ format: 'empty', title: 'Internal Server Error', detail: undefined })
  })

  it('treats an empty content type like a missing one', async () => {
    expect((await parseProblem(response('{"status":400}', 400, { 'content-type': ' ' }))).format).toBe('problem')
  })
})

describe('parseProblem: bodies that cannot be read', () => {
  it('reports a body that was already read, without throwing', async () => {
    const used = response('{"status":500}', 500, { 'content-type': PROBLEM_JSON })
    await used.text()
    expect(await parseProblem(used)).toMatchObject({ format: 'unreadable', status: 500, title: 'Internal Server Error' })
  })

  it('reports a stream that fails midway', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":'))
        controller.error(new Error('socket hang up'))
      },
    })
    expect((await parseProblem(streamResponse(stream))).format).toBe('unreadable')
  })

  it('stops reading and cancels a body over maxBodyBytes', async () => {
    let cancelled: unknown
    const chunk = new Uint8Array(600).fill(0x20)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(chunk)
      },
      cancel(reason) {
        cancelled = reason
      },
    })
    const parsed = await parseProblem(streamResponse(stream, 500), { maxBodyBytes: 1000 })
    expect(parsed.format).toBe('unreadable')
    expect(cancelled).toBe('http-problems: body over the size limit')
  })

  it('reads a body of exactly maxBodyBytes', async () => {
    const text = '{"status":400}'
    const parsed = await parseProblem(response(text, 400, { 'content-type': PROBLEM_JSON }), { maxBodyBytes: text.length })
    expect(parsed.format).toBe('problem')
  })

  it.each([
    ['a failed read', () => Promise.reject(new Error('reset'))],
    ['an oversized chunk', () => Promise.resolve({ done: false as const, value: new Uint8Array(10) })],
  ])('survives a reader whose cancel rejects after %s', async (_name, read) => {
    const body = { getReader: () => ({ read, cancel: () => Promise.reject(new Error('cannot cancel')) }) }
    const parsed = await parseProblem({ status: 502, headers: new Headers(), body }, { maxBodyBytes: 5 })
    expect(parsed.format).toBe('unreadable')
  })

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"title":"Zu spät","status":409}')
    const split = bytes.indexOf(0xc3) + 1
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split))
        controller.enqueue(bytes.slice(split))
        controller.close()
      },
    })
    expect((await parseProblem(streamResponse(stream, 409))).title).toBe('Zu spät')
  })
})

describe('parseProblem: options', () => {
  it.each([
    ['options', null],
    ['correlationIdHeader', { correlationIdHeader: 'bad header' }],
    ['correlationIdHeader', { correlationIdHeader: 7 }],
    ['maxBodyBytes', { maxBodyBytes: 0 }],
    ['maxBodyBytes', { maxBodyBytes: 1.5 }],
    ['maxBodyBytes', { maxBodyBytes: '100' }],
  ])('rejects a bad %s with a UsageError', async (name, options) => {
    const error = await parseProblem(response('', 500), options as never).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
    expect((error as UsageError).message).toContain(`"${name}"`)
  })

  it.each([
    ['a header name as options', 'x-request-id', 'option "options" must be an object, received the string "x-request-id"'],
    ['a header name with a space', { correlationIdHeader: 'bad header' }, 'option "correlationIdHeader" must be a valid header name, received the string "bad header"'],
    ['a limit of 0 bytes', { maxBodyBytes: 0 }, 'option "maxBodyBytes" must be a positive integer, received number 0'],
  ])('names what is wrong with %s', async (_label, options, message) => {
    await expect(parseProblem(response('', 500), options as never)).rejects.toThrow(`http-problems: ${message}`)
  })

  it('takes a limit of 1 byte', async () => {
    expect((await parseProblem(response('x', 500), { maxBodyBytes: 1 })).format).toBe('text')
  })
})

describe('parseProblem: content types and JSON values', () => {
  it('reads a problem type with spaces before its parameters', async () => {
    const parsed = await parseProblem(response('{"title":"Gone","status":410}', 410, { 'content-type': 'application/problem+json ; charset=utf-8' }))
    expect(parsed.format).toBe('problem')
    expect(parsed.title).toBe('Gone')
  })

  it.each(['42', '"down"', 'true'])('reads a problem+json body %s that is no object as JSON, not as a problem', async (text) => {
    const parsed = await parseProblem(response(text, 503, { 'content-type': PROBLEM_JSON }))
    expect(parsed.format).toBe('json')
    expect(parsed.extensions).toEqual({})
  })
})

describe('reasonPhrase', () => {
  it('uses the table, then Node, then a generic phrase', () => {
    expect(reasonPhrase(422)).toBe('Unprocessable Content')
    expect(reasonPhrase(200)).toBe('OK')
    expect(reasonPhrase(499)).toBe('Client Error')
    expect(reasonPhrase(599)).toBe('Server Error')
  })
})

describe('parseProblem over a real socket (Node fetch)', () => {
  let server: Server
  let base: string

  beforeAll(async () => {
    server = createServer((request, reply) => {
      if (request.url === '/html') {
        reply.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>')
      } else if (request.url === '/truncated') {
        reply.writeHead(500, { 'content-type': PROBLEM_JSON, 'content-length': '100' })
        // Destroyed once the first bytes are out: headers arrive, the body never completes.
        reply.write('{"status":500,', () => reply.destroy())
      } else {
        reply
          .writeHead(404, { 'content-type': PROBLEM_JSON, 'x-correlation-id': 'wire-1' })
          .end('{"type":"about:blank","title":"Not Found","status":404,"code":"USER_NOT_FOUND"}')
      }
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.close()
    await once(server, 'close')
  })

  it('reads a problem answer', async () => {
    const parsed = await parseProblem(await fetch(`${base}/users/0`))
    expect(parsed).toMatchObject({ format: 'problem', status: 404, code: 'USER_NOT_FOUND', correlationId: 'wire-1' })
  })

  it('reads an HTML answer', async () => {
    expect(await parseProblem(await fetch(`${base}/html`))).toMatchObject({ format: 'text', title: 'Bad Gateway' })
  })

  it('reads a body the server cut off', async () => {
    expect((await parseProblem(await fetch(`${base}/truncated`))).format).toBe('unreadable')
  })
})
