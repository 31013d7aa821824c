// The last-resort paths of the Fastify adapter, driven with stand-in request and reply objects,
// because a real Fastify reply cannot be made to fail this way on demand: reply.send throwing
// every time, writeHead throwing, request getters throwing. sendProblem must never throw.
import { describe, expect, it, vi } from 'vitest'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { NotFound, PROBLEM_CONTENT_TYPE } from '../../src/index.js'
import { resolveOptions } from '../../src/fastify/options.js'
import { sendProblem } from '../../src/fastify/send-problem.js'
import { throwingGetters } from './hostile-values.js'

const OPTIONS = resolveOptions({})

interface Written {
  status?: number
  headers?: Record<string, string>
  body?: string
}

function standIns(overrides: { send?: () => never; writeHead?: () => never; headersSent?: boolean; request?: object } = {}) {
  const written: Written = {}
  const lines: Record<string, unknown>[] = []
  const log = Object.fromEntries(
    ['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((level) => [level, (line: Record<string, unknown>) => void lines.push(line)]),
  )
  const raw = {
    headersSent: overrides.headersSent ?? false,
    destroyed: false,
    writableEnded: false,
    writeHead: overrides.writeHead ?? ((status: number, headers: Record<string, string>) => Object.assign(written, { status, headers })),
    end: (body?: string) => void (written.body = body),
    destroy: vi.fn(() => void (raw.destroyed = true)),
  }
  const replyHeaders = new Map<string, string>()
  const reply = {
    raw,
    sent: false,
    serializer: () => reply,
    code: () => reply,
    headers: (headers: Record<string, string>) => {
      for (const [name, value] of Object.entries(headers)) replyHeaders.set(name, value)
      return reply
    },
    getHeaders: () => Object.fromEntries(replyHeaders),
    removeHeader: (name: string) => void replyHeaders.delete(name),
    send:
      overrides.send ??
      (() => {
        throw new Error('send is not expected here')
      }),
  }
  const request = overrides.request ?? { method: 'GET', url: '/x?q=1', headers: {}, log }
  return { reply: reply as unknown as FastifyReply, request: request as FastifyRequest, raw, written, lines }
}

describe('sendProblem when Fastify itself fails', () => {
  it('reply.send throws every time: the minimal 500 is written straight to the socket', () => {
    const { reply, request, written, lines } = standIns({
      send: () => {
        throw new Error('send broke')
      },
    })
    expect(() => sendProblem(OPTIONS, new NotFound(), request, reply)).not.toThrow()
    expect(written.status).toBe(500)
    expect(written.headers?.['content-type']).toBe(PROBLEM_CONTENT_TYPE)
    expect(written.headers?.['content-length']).toBe(String(Buffer.byteLength(written.body!)))
    const body = JSON.parse(written.body!)
    expect(body).toMatchObject({ status: 500, instance: '/x', correlationId: written.headers?.['x-correlation-id'] })
    expect(lines.filter((line) => 'fault' in line)).toHaveLength(1)
  })

  it('and writeHead throws too: the response is cut off, nothing throws', () => {
    const { reply, request, raw } = standIns({
      send: () => {
        throw new Error('send broke')
      },
      writeHead: () => {
        throw new Error('writeHead broke')
      },
    })
    expect(() => sendProblem(OPTIONS, new Error('boom'), request, reply)).not.toThrow()
    expect(raw.destroy).toHaveBeenCalledOnce()
  })

  it('request getters that throw: the fallback has the root path as instance (always path-absolute) and a fresh id', () => {
    const log = { error: vi.fn() }
    const request = throwingGetters('x', ['method', 'url', 'headers'], { log })
    const { reply, written } = standIns({
      request,
      send: () => {
        throw new Error('send broke')
      },
    })
    expect(() => sendProblem(OPTIONS, new Error('boom'), request as FastifyRequest, reply)).not.toThrow()
    const body = JSON.parse(written.body!)
    expect(body.instance).toBe('/')
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(log.error).toHaveBeenCalledOnce()
  })

  it('a fault after the response started: the response is cut off, nothing is written', () => {
    const { reply, request, raw, written } = standIns({ headersSent: true })
    const forged = throwingGetters('x', ['status', 'headers'], { [Symbol.for('http-problems.problem')]: true })
    expect(() => sendProblem(OPTIONS, forged, request, reply)).not.toThrow()
    expect(raw.destroy).toHaveBeenCalledOnce()
    expect(written).toEqual({})
  })
})
