/**
 * What the Fastify adapter logs and sends when its own answer fails: each fault logged once, with
 * a message that says which step failed and a `fault` that names the real cause; the minimal 500
 * written through Fastify when Fastify still works (so the app's hooks see it), and what
 * `onProblem` returns counting as a fault only when it is a promise that rejects.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { NotFound, type ProblemsOptions } from '../../src/index.js'
import { buildApp, expectProblem, linesFor, type CapturedLogs, type LogLine } from '../hardening/helpers.js'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

async function appWith(options: ProblemsOptions = {}): Promise<{ app: FastifyInstance; logs: CapturedLogs }> {
  const built = await buildApp(options)
  apps.push(built.app)
  return built
}

function faultLines(logs: CapturedLogs, correlationId: string): LogLine[] {
  return linesFor(logs, correlationId).filter((line) => 'fault' in line)
}

/** The one fault line of a failed handler, checked against `expected` (and the handler's message). */
function theHandlerFaultLine(logs: CapturedLogs, correlationId: string, expected: Record<string, unknown>): LogLine {
  const faults = faultLines(logs, correlationId)
  expect(faults).toHaveLength(1)
  expect(faults[0]).toMatchObject({ ...expected, msg: 'http-problems: the error handler failed; a minimal 500 problem was sent' })
  return faults[0]!
}

/** The minimal 500 every failed answer falls back to. */
function expectMinimal500(response: Parameters<typeof expectProblem>[0]): Record<string, any> {
  const body = expectProblem(response, 500)
  expect(body).toMatchObject({ title: 'Internal Server Error', code: 'INTERNAL_SERVER_ERROR' })
  return body
}

/** A reply whose state cannot be read once (a plugin's wrapper that failed, say). */
function breakGetHeadersOnce(reply: FastifyReply): void {
  const getHeaders = reply.getHeaders.bind(reply)
  let failures = 1
  reply.getHeaders = () => {
    if (failures-- > 0) throw new Error('getHeaders broke')
    return getHeaders()
  }
}

describe('onProblem: only a promise that rejects is a fault', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object without then', { sent: true }],
    ['a promise that resolves', Promise.resolve('reported')],
  ])('returning %s: the answer and the log are as without onProblem, no fault line', async (_case, returned) => {
    let calls = 0
    const { app, logs } = await appWith({
      onProblem: () => {
        calls += 1
        return returned as never
      },
    })
    app.get('/x', async () => {
      throw new NotFound('No such thing')
    })
    const body = expectProblem(await app.inject('/x'), 404)
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls).toBe(1)
    expect(linesFor(logs, body.correlationId)).toEqual([expect.objectContaining({ status: 404, msg: '404 Not Found' })])
  })

  it('rejecting: one fault line that names the rejection', async () => {
    const { app, logs } = await appWith({ onProblem: () => Promise.reject(new Error('reporter down')) })
    app.get('/x', async () => {
      throw new NotFound('No such thing')
    })
    const body = expectProblem(await app.inject('/x'), 404)
    await new Promise((resolve) => setImmediate(resolve))
    expect(faultLines(logs, body.correlationId)).toEqual([
      expect.objectContaining({ level: 50, fault: 'Error: reporter down', msg: 'http-problems: onProblem failed' }),
    ])
  })
})

describe('the answer fails while Fastify still works: the minimal 500 goes through Fastify', () => {
  it("carries the headers the app's onSend hooks add, and the fault line has the route's error", async () => {
    const { app, logs } = await appWith()
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-frame-options', 'DENY')
      return payload
    })
    app.get('/x', async (_request, reply) => {
      breakGetHeadersOnce(reply)
      throw new Error('route broke')
    })
    const response = await app.inject('/x')
    const body = expectMinimal500(response)
    expect(response.headers['x-frame-options']).toBe('DENY')
    theHandlerFaultLine(logs, body.correlationId, {
      fault: 'Error: getHeaders broke',
      err: { type: 'Error', message: 'route broke' },
    })
  })
})

describe('reply.problem(status): a failed answer names the problem', () => {
  it.each([
    ['without observers (answered from members, no Error made)', {}],
    ['with onProblem (the problem made first)', { onProblem: () => undefined }],
  ] as const)('%s: the fault line has the problem as err', async (_case, options) => {
    const { app, logs } = await appWith(options)
    app.get('/x', async (_request, reply) => {
      breakGetHeadersOnce(reply)
      return reply.problem(409, 'The order was already shipped')
    })
    const body = expectMinimal500(await app.inject('/x'))
    const fault = theHandlerFaultLine(logs, body.correlationId, {
      fault: 'Error: getHeaders broke',
      err: { type: 'Conflict', message: 'The order was already shipped' },
    })
    expect(fault).not.toHaveProperty('thrown')
  })
})

describe('Fastify refuses the send: the minimal 500 goes straight to the socket', () => {
  it("reply.problem inside an onError hook: the fault line names Fastify's refusal", async () => {
    const { app, logs } = await appWith()
    app.addHook('onError', async (_request, reply) => {
      reply.problem(409)
    })
    app.get('/x', async () => {
      throw new Error('route broke')
    })
    const body = expectMinimal500(await app.inject('/x'))
    theHandlerFaultLine(logs, body.correlationId, {
      fault: 'FastifyError: You cannot use `send` inside the `onError` hook',
    })
  })

  it("an onSend hook that always throws: the fault line names the hook's error", async () => {
    const { app, logs } = await appWith()
    app.addHook('onSend', async () => {
      throw new Error('hook broke')
    })
    app.get('/x', async () => ({ fine: true }))
    const body = expectMinimal500(await app.inject('/x'))
    expect(faultLines(logs, body.correlationId)).toEqual([
      expect.objectContaining({
        level: 50,
        fault: 'Error: hook broke',
        msg: 'http-problems: sending the problem failed (an onSend hook threw); a minimal 500 problem was sent',
      }),
    ])
  })
})
