// Errors in every hook phase and in async and callback handlers, with Error and non-Error
// reasons (rejected promises with strings, numbers, null, undefined, plain objects, symbols):
// each becomes a problem response with one log line.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Unauthorized } from '../../src/index.js'
import { buildApp, expectProblem, linesFor, secret, type CapturedLogs } from './helpers.js'

const SECRET = secret()

/** Reasons a hook or handler fails with, and the status the answer must have. */
const REASONS: readonly [label: string, make: () => unknown, status: number][] = [
  ['an Error', () => new Error(SECRET), 500],
  ['a problem (401)', () => new Unauthorized(), 401],
  ['a string', () => SECRET, 500],
  ['a number', () => 7, 500],
  ['a plain object', () => ({ message: SECRET }), 500],
  ['a symbol', () => Symbol(SECRET), 500],
  ['null', () => null, 500],
  ['undefined', () => undefined, 500],
]

const PHASES = ['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend'] as const
type Phase = (typeof PHASES)[number]

let app: FastifyInstance
let logs: CapturedLogs

/**
 * A hook for `phase` failing with `reason`: async (throw), callback (done(reason)) or a sync throw
 * in a callback-style hook. The onSend hook fails on the route's own payload only; one that fails
 * on every payload, the problem body included, is in faults.test.ts.
 */
function failingHook(phase: Phase, style: string, reason: () => unknown) {
  if (phase === 'onSend') {
    const fails = (payload: unknown): boolean => typeof payload === 'string' && payload.includes('"fine"')
    if (style === 'async') {
      return async (_request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
        if (fails(payload)) throw reason()
        return payload
      }
    }
    return (_request: FastifyRequest, _reply: FastifyReply, payload: unknown, done: (error: unknown, payload?: unknown) => void) => {
      if (!fails(payload)) return done(null, payload)
      if (style === 'sync-throw') throw reason()
      return done(reason())
    }
  }
  const takesPayload = phase === 'preParsing' || phase === 'preSerialization'
  if (style === 'async') {
    return takesPayload
      ? async (_request: FastifyRequest, _reply: FastifyReply, _payload: unknown) => {
          throw reason()
        }
      : async (_request: FastifyRequest, _reply: FastifyReply) => {
          throw reason()
        }
  }
  if (style === 'sync-throw') {
    return takesPayload
      ? (_request: FastifyRequest, _reply: FastifyReply, _payload: unknown, _done: () => void) => {
          throw reason()
        }
      : (_request: FastifyRequest, _reply: FastifyReply, _done: () => void) => {
          throw reason()
        }
  }
  return takesPayload
    ? (_request: FastifyRequest, _reply: FastifyReply, _payload: unknown, done: (error: unknown) => void) => done(reason())
    : (_request: FastifyRequest, _reply: FastifyReply, done: (error: unknown) => void) => done(reason())
}

/**
 * A callback-style hook signals "no error" with a falsy value, and Fastify reads a falsy value
 * thrown from one the same way (the request goes on), so falsy reasons apply to async hooks only.
 */
function appliesTo(style: string, make: () => unknown): boolean {
  return style === 'async' || Boolean(make())
}

const STYLES = ['async', 'callback', 'sync-throw'] as const
const HOOK_CASES = PHASES.flatMap((phase) =>
  STYLES.flatMap((style) =>
    REASONS.filter(([, make]) => appliesTo(style, make)).map(([label, make, status], index) => [phase, style, label, make, status, index] as const),
  ),
)

beforeAll(async () => {
  ;({ app, logs } = await buildApp())
  for (const [phase, style, , make, , index] of HOOK_CASES) {
    app.register(async (scope) => {
      scope.addHook(phase as 'onRequest', failingHook(phase, style, make) as never)
      scope.post(`/hook/${phase}/${style}/${index}`, async () => ({ fine: true }))
    })
  }
  REASONS.forEach(([, make], index) => {
    app.get(`/handler/async/${index}`, async () => {
      throw make()
    })
    app.get(`/handler/reject/${index}`, () => Promise.reject(make()))
    app.get(`/handler/callback/${index}`, (_request, reply) => {
      setImmediate(() => {
        const reason = make()
        // The callback style: an error is passed to reply.send; a non-Error is wrapped by the route.
        reply.send(reason instanceof Error ? reason : Object.assign(new Error('wrapped'), { cause: reason }))
      })
    })
    app.get(`/handler/sync/${index}`, () => {
      throw make()
    })
  })
})

afterAll(async () => {
  await app.close()
})

describe('a failing hook, in every phase', () => {
  it.each(HOOK_CASES)('%s, %s style, with %s', async (phase, style, _label, _make, status, index) => {
    const response = await app.inject({ method: 'POST', url: `/hook/${phase}/${style}/${index}`, payload: { any: 'body' } })
    const body = expectProblem(response, status)
    expect(response.body).not.toContain(SECRET)
    if (status === 401) expect(response.headers['www-authenticate']).toBe('Bearer')
    expect(linesFor(logs, body.correlationId)).toHaveLength(1)
  })
})

describe('a failing handler', () => {
  it.each(['async', 'reject', 'callback', 'sync'].flatMap((style) => REASONS.map(([label, , status], index) => [style, label, status, index] as const)))(
    '%s handler with %s',
    async (style, _label, status, index) => {
      const response = await app.inject({ method: 'GET', url: `/handler/${style}/${index}` })
      const body = expectProblem(response, style === 'callback' && status === 401 ? 401 : status)
      expect(response.body).not.toContain(SECRET)
      expect(linesFor(logs, body.correlationId)).toHaveLength(1)
    },
  )
})
