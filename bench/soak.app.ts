/**
 * The soak workload, shared by `npm run bench:soak` (bench/soak.ts, 500,000 requests) and its
 * small version in `npm test` (test/hardening/soak.test.ts): an app where every route fails, each
 * in another way, and the requests that hit them. Every response must be a problem.
 */
import Boom from '@hapi/boom'
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import createError from 'http-errors'
import type { DestinationStream } from 'pino'
import problems, { BadRequest, MethodNotAllowed, NotFound, TooManyRequests } from '../src/index.js'

/** One kind of failing request. */
export interface SoakRequest {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  headers?: Record<string, string>
  body?: string
}

/** What a 5xx must never show: it is in the message of the plain Error the soak throws. */
const INTERNAL_TEXT = 'db-7 refused the connection'

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { kind: 'loop' }
  value.self = value
  return value
}

function hostileProxy(): object {
  const trap = (): never => {
    throw new Error('trap')
  }
  return new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap })
}

/**
 * The app: the plugin at the root, pino into `log` at info (so logging costs what it costs in
 * production), and one route per kind of failure.
 */
export async function buildSoakApp(log: DestinationStream, onProblem?: () => void): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: 'info', stream: log }, logController: new LogController({ disableRequestLogging: true }) })
  await app.register(problems, onProblem === undefined ? {} : { onProblem })
  app.get('/soak/problem', async () => {
    throw new NotFound('No such thing')
  })
  app.get('/soak/error', async () => {
    throw new Error(`${INTERNAL_TEXT} (10.0.0.7:5432)`)
  })
  app.get('/soak/string', async () => {
    throw 'a string, not an Error'
  })
  app.get('/soak/null', () => Promise.reject(null))
  app.get('/soak/http-errors', async () => {
    throw createError(401, 'Who are you?', { headers: { 'WWW-Authenticate': 'Basic\r\nX-Evil: 1' } })
  })
  app.get('/soak/boom', async () => {
    throw Boom.tooManyRequests('Slow down')
  })
  app.get('/soak/proxy', async () => {
    throw hostileProxy()
  })
  app.get('/soak/extensions', async () => {
    throw new BadRequest({ detail: 'x'.repeat(10_000), extensions: { loop: circular(), big: 1n, ok: [1, 2, 3] } })
  })
  app.get('/soak/retry', async () => {
    throw new TooManyRequests({ retryAfter: 30 })
  })
  app.get('/soak/405', async () => {
    throw new MethodNotAllowed({ allow: ['GET'] })
  })
  app.post('/soak/validation', { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } }, async () => 'unreachable')
  app.register(async (scope) => {
    scope.addHook('preHandler', async () => {
      throw new Error('a hook failed')
    })
    scope.get('/soak/hook', async () => 'unreachable')
  })
  app.register(async (scope) => {
    // Fails on every payload, the problem body included: the minimal 500 path.
    scope.addHook('onSend', async () => {
      throw new Error('onSend failed')
    })
    scope.get('/soak/on-send', async () => ({ fine: true }))
  })
  return app
}

/** The mix, in the order each connection cycles through it. Bad correlation ids on some. */
export const SOAK_REQUESTS: readonly SoakRequest[] = [
  { method: 'GET', path: '/soak/problem' },
  { method: 'GET', path: '/soak/error', headers: { 'x-correlation-id': 'bad id "quoted"' } },
  { method: 'GET', path: '/soak/string' },
  { method: 'GET', path: '/soak/null' },
  { method: 'GET', path: '/soak/http-errors' },
  { method: 'GET', path: '/soak/boom' },
  { method: 'GET', path: '/soak/proxy', headers: { traceparent: 'not-a-traceparent' } },
  { method: 'GET', path: '/soak/extensions?token=secret' },
  { method: 'GET', path: '/soak/retry' },
  { method: 'GET', path: '/soak/405' },
  { method: 'DELETE', path: '/soak/problem' },
  { method: 'POST', path: '/soak/validation', headers: { 'content-type': 'application/json' }, body: '{"extra":true}' },
  // Not a malformed body: Fastify closes the connection after a body it could not parse, and
  // autocannon loses count across such closes. test/hardening/request-bodies.test.ts covers those.
  { method: 'POST', path: '/soak/validation', headers: { 'content-type': 'application/xml' }, body: '<name>x</name>' },
  { method: 'GET', path: '/soak/hook' },
  { method: 'GET', path: '/soak/on-send' },
  { method: 'GET', path: '/no/such/route' },
]

/** Why a response is not a problem response, or `undefined` when it is one. */
export function problemFault(status: number, headers: Record<string, unknown>, body: string): string | undefined {
  if (status < 400 || status > 599) return `status ${status}`
  const type = headers['content-type']
  if (type !== 'application/problem+json' && type !== 'application/json') return `content-type ${String(type)}`
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return 'body is not JSON'
  }
  const problem = parsed as Record<string, unknown> | null
  if (problem === null || typeof problem !== 'object') return 'body is not an object'
  if (problem.status !== status) return `body status ${String(problem.status)} ≠ ${status}`
  if (typeof problem.correlationId !== 'string' || headers['x-correlation-id'] !== problem.correlationId) return 'correlation id'
  if (typeof problem.instance === 'string' && problem.instance.includes('?')) return 'query string in instance'
  if (body.includes(INTERNAL_TEXT)) return 'internals in body'
  return undefined
}
