// Faults of the error handling itself: a logger or serializer that throws, an onProblem callback
// that throws or rejects, a problem the renderer cannot read, an onSend hook that throws on the
// problem body, a reply whose own methods throw. A valid problem still goes out (the real one when
// only a side channel failed, a minimal 500 when the answer itself could not be made) and the
// fault is logged once.
import { once } from 'node:events'
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it, vi } from 'vitest'
import problems, { NotFound, PROBLEM_CONTENT_TYPE, SERVER_ERROR_DETAIL, type HttpProblem } from '../../src/index.js'
import { buildApp, captureLogs, expectProblem, linesFor, secret, type WireResponse } from './helpers.js'
import { throwingGetters } from './hostile-values.js'

const SECRET = secret()
const apps: FastifyInstance[] = []

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
  vi.restoreAllMocks()
})

async function track<T extends { app: FastifyInstance }>(built: Promise<T>): Promise<T> {
  const result = await built
  apps.push(result.app)
  return result
}

/** The members a minimal 500 must have to be a valid problem (see src/schema.ts). */
function expectMinimal500(response: WireResponse): Record<string, any> {
  const body = expectProblem(response, 500)
  expect(response.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE)
  expect(body).toMatchObject({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'INTERNAL_SERVER_ERROR', detail: SERVER_ERROR_DETAIL })
  expect(typeof body.instance).toBe('string')
  expect(body.correlationId.length).toBeGreaterThan(0)
  expect(response.body).not.toContain(SECRET)
  return body
}

/** A pino-backed app whose logger misbehaves as `logMethod` says. */
async function appWithLogger(logMethod: (args: unknown[], write: (...args: unknown[]) => void) => void, serializers = {}) {
  const { stream, logs } = captureLogs()
  const app = Fastify({
    logger: {
      level: 'info',
      stream,
      serializers,
      hooks: {
        logMethod(args, method) {
          logMethod(args, (...rest) => method.apply(this, rest as Parameters<typeof method>))
        },
      },
    },
    logController: new LogController({ disableRequestLogging: true }),
  })
  apps.push(app)
  await app.register(problems)
  app.get('/missing', async () => {
    throw new NotFound('No such thing')
  })
  app.get('/crash', async () => {
    throw new Error(SECRET)
  })
  return { app, logs }
}

describe('a logger that throws', () => {
  it('on lines with an err: the line is written again without it, naming the logger fault', async () => {
    const { app, logs } = await appWithLogger((args, write) => {
      const [object] = args as [Record<string, unknown>]
      if (typeof object === 'object' && object !== null && 'err' in object) throw new Error('transport down')
      write(...args)
    })
    const response = await app.inject({ method: 'GET', url: '/crash' })
    const body = expectProblem(response, 500)
    const lines = linesFor(logs, body.correlationId)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ status: 500, loggerFault: 'Error: transport down', thrown: expect.stringContaining('Error:') })
  })

  it('on every line: the real answer still goes out, and one process warning says so', async () => {
    const { app } = await appWithLogger(() => {
      throw new Error('logger gone')
    })
    const warnings: Error[] = []
    const onWarning = (warning: Error): void => void warnings.push(warning)
    process.on('warning', onWarning)
    try {
      const response = await app.inject({ method: 'GET', url: '/missing' })
      expectProblem(response, 404)
      await new Promise((resolve) => setImmediate(resolve))
      const ours = warnings.filter((warning) => (warning as Error & { code?: string }).code === 'HTTP_PROBLEMS_LOGGER_FAULT')
      expect(ours).toHaveLength(1)
    } finally {
      process.off('warning', onWarning)
    }
  })

  it('an err serializer that throws: logged without the err, answered normally', async () => {
    const { app, logs } = await appWithLogger((args, write) => write(...args), {
      err: () => {
        throw new Error('serializer broke')
      },
    })
    const response = await app.inject({ method: 'GET', url: '/crash' })
    const body = expectProblem(response, 500)
    const lines = linesFor(logs, body.correlationId)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.loggerFault).toMatch(/serializer broke/)
  })
})

describe('a reply serializer the route set for its own payload', () => {
  it('that throws: never sees the problem body', async () => {
    const { app } = await track(buildApp())
    app.get('/x', async (_request, reply) => {
      reply.serializer(() => {
        throw new Error(SECRET)
      })
      throw new NotFound()
    })
    expectProblem(await app.inject({ method: 'GET', url: '/x' }), 404)
  })

  it('that JSON-encodes: does not encode the problem body a second time', async () => {
    const { app } = await track(buildApp())
    app.get('/x', async (_request, reply) => {
      reply.serializer((payload: unknown) => JSON.stringify(payload))
      throw new NotFound()
    })
    expect(expectProblem(await app.inject({ method: 'GET', url: '/x' }), 404).title).toBe('Not Found')
  })

  it('an app-wide reply serializer that throws, and a 500 response schema, leave the body whole', async () => {
    const { app } = await track(buildApp())
    app.setReplySerializer(() => {
      throw new Error(SECRET)
    })
    app.get('/x', { schema: { response: { 500: { type: 'object', properties: { only: { type: 'string' } } } } } }, async () => {
      throw new Error(SECRET)
    })
    const body = expectProblem(await app.inject({ method: 'GET', url: '/x' }), 500)
    expect(body.detail).toBe(SERVER_ERROR_DETAIL)
  })
})

describe('onProblem', () => {
  it('is called once per problem with the problem, the request and the correlation id', async () => {
    const calls: [HttpProblem, string, string][] = []
    const { app } = await track(buildApp({ onProblem: (problem, request, correlationId) => void calls.push([problem, request.url, correlationId]) }))
    app.get('/x', async () => {
      throw new NotFound()
    })
    const body = expectProblem(await app.inject({ method: 'GET', url: '/x?q=1' }), 404)
    expect(calls).toHaveLength(1)
    expect(calls[0]![0].status).toBe(404)
    expect(calls[0]![1]).toBe('/x?q=1')
    expect(calls[0]![2]).toBe(body.correlationId)
  })

  it.each([
    [
      'throws',
      () => {
        throw new Error('reporter down')
      },
    ],
    ['rejects with a non-Error', () => Promise.reject('reporter said no')],
    [
      'returns a thenable whose then throws',
      () => ({
        get then() {
          throw new Error('bad thenable')
        },
      }),
    ],
  ])('that %s: the answer is unchanged and the fault is logged once', async (_label, onProblem) => {
    const rejections: unknown[] = []
    const onRejection = (reason: unknown): void => void rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    try {
      const { app, logs } = await track(buildApp({ onProblem }))
      app.get('/x', async () => {
        throw new NotFound('No such thing')
      })
      const body = expectProblem(await app.inject({ method: 'GET', url: '/x' }), 404)
      expect(body.detail).toBe('No such thing')
      await new Promise((resolve) => setImmediate(resolve))
      const faults = linesFor(logs, body.correlationId).filter((line) => 'fault' in line)
      expect(faults).toHaveLength(1)
      expect(faults[0]!.msg).toBe('http-problems: onProblem failed')
      expect(rejections).toEqual([])
    } finally {
      process.off('unhandledRejection', onRejection)
    }
  })

  it('must be a function', async () => {
    await expect(buildApp({ onProblem: 'report' as never })).rejects.toMatchObject({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION' })
  })
})

describe('the answer itself cannot be made: a minimal 500', () => {
  it('a problem the renderer cannot read (forged, getters throw)', async () => {
    const { app, logs } = await track(buildApp())
    const forged = throwingGetters(SECRET, ['status', 'title', 'headers', 'extensions', 'type', 'code', 'detail', 'expose'], {
      [Symbol.for('http-problems.problem')]: true,
    })
    app.get('/x', async (_request, reply) => reply.problem(forged as HttpProblem))
    const body = expectMinimal500(await app.inject({ method: 'GET', url: '/x' }))
    const faults = linesFor(logs, body.correlationId).filter((line) => 'fault' in line || 'renderFault' in line)
    expect(faults).toHaveLength(1)
  })

  it.each([
    ['an async onSend hook that always throws', 'async'],
    ['an onSend hook that always throws a non-Error', 'string'],
    ['a callback onSend hook that always fails', 'callback'],
  ])('%s', async (_label, style) => {
    const { app, logs } = await track(buildApp())
    if (style === 'async') {
      app.addHook('onSend', async () => {
        throw new Error(SECRET)
      })
    } else if (style === 'string') {
      app.addHook('onSend', async () => {
        throw SECRET
      })
    } else {
      app.addHook('onSend', (_request, _reply, _payload, done) => done(new Error(SECRET)))
    }
    app.get('/x', async () => ({ fine: true }))
    app.get('/problem', async () => {
      throw new NotFound()
    })
    for (const url of ['/x', '/problem', '/no-route']) {
      const body = expectMinimal500(await app.inject({ method: 'GET', url }))
      expect(body.instance).toBe(url)
      const faults = linesFor(logs, body.correlationId).filter((line) => 'fault' in line)
      expect(faults).toHaveLength(1)
    }
  })

  it('an onSend hook that fails once, on the route payload: our problem for its error goes out, no fault', async () => {
    const { app, logs } = await track(buildApp())
    let failures = 1
    app.addHook('onSend', async (_request, _reply, payload) => {
      if (failures-- > 0) throw new Error(SECRET)
      return payload
    })
    app.get('/x', async () => ({ fine: true }))
    const body = expectProblem(await app.inject({ method: 'GET', url: '/x' }), 500)
    const lines = linesFor(logs, body.correlationId)
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toHaveProperty('fault')
    expect(lines[0]!.err.message).toBe(SECRET)
  })

  it('reply methods that throw: written straight to the socket', async () => {
    const { app, logs } = await track(buildApp())
    app.get('/x', async (_request, reply) => {
      reply.getHeaders = () => {
        throw new Error('getHeaders broke')
      }
      throw new Error(SECRET)
    })
    const response = await app.inject({ method: 'GET', url: '/x' })
    const body = expectMinimal500(response)
    expect(linesFor(logs, body.correlationId).filter((line) => 'fault' in line)).toHaveLength(1)
  })

  it('HEAD: the minimal 500 has headers and no body', async () => {
    const { app } = await track(buildApp())
    app.addHook('onSend', async () => {
      throw new Error(SECRET)
    })
    app.head('/x', async () => {
      throw new Error(SECRET)
    })
    const response = await app.inject({ method: 'HEAD', url: '/x' })
    expect(response.statusCode).toBe(500)
    expect(response.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE)
    expect(response.headers['x-correlation-id']).toBeTruthy()
    expect(response.body).toBe('')
  })

  it('the server keeps serving after each of these', async () => {
    const { app } = await track(buildApp())
    let broken = true
    app.addHook('onSend', async (_request, _reply, payload) => {
      if (broken) throw new Error(SECRET)
      return payload
    })
    app.get('/x', async () => ({ ok: true }))
    expectMinimal500(await app.inject({ method: 'GET', url: '/x' }))
    broken = false
    const response = await app.inject({ method: 'GET', url: '/x' })
    expect(response.statusCode).toBe(200)
  })
})

describe('over a real socket', () => {
  it('the minimal 500 from a failing onSend hook has a correct Content-Length and closes cleanly', async () => {
    const { app } = await track(buildApp())
    app.addHook('onSend', async () => {
      throw new Error(SECRET)
    })
    app.get('/x', async () => ({ fine: true }))
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as { port: number }
    const response = await fetch(`http://127.0.0.1:${port}/x`)
    const text = await response.text()
    expect(response.status).toBe(500)
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text))
    expect(JSON.parse(text).status).toBe(500)
    expect(text).not.toContain(SECRET)
    const closed = once(app.server, 'close')
    await app.close()
    await closed
  })
})
