// Shared by the hardening tests: an app whose log lines (raw text and parsed) the test can read,
// and the invariants every problem response must satisfy, whatever was thrown.
import { Writable } from 'node:stream'
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { expect } from 'vitest'
import problems, { JSON_CONTENT_TYPE, PROBLEM_CONTENT_TYPE, type ProblemsOptions } from '../../src/index.js'

/** A log line as pino writes it. */
export type LogLine = Record<string, any>

/** What a test can read of the logs: the raw text (for "never written raw") and the parsed lines. */
export interface CapturedLogs {
  lines: LogLine[]
  text: string[]
}

/** A Writable that keeps every pino line. */
export function captureLogs(): { stream: Writable; logs: CapturedLogs } {
  const logs: CapturedLogs = { lines: [], text: [] }
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) {
        if (line === '') continue
        logs.text.push(line)
        logs.lines.push(JSON.parse(line))
      }
      callback()
    },
  })
  return { stream, logs }
}

/** A Fastify app with the plugin, request logging off, and captured logs. */
export async function buildApp(
  options: ProblemsOptions = {},
  serverOptions: FastifyServerOptions = {},
): Promise<{ app: FastifyInstance; logs: CapturedLogs }> {
  const { stream, logs } = captureLogs()
  const app = Fastify({
    logger: { level: 'trace', stream },
    logController: new LogController({ disableRequestLogging: true }),
    ...serverOptions,
  })
  await app.register(problems, options)
  return { app, logs }
}

/** The lines of one response: every line that carries its correlation id. */
export function linesFor(logs: CapturedLogs, correlationId: string): LogLine[] {
  return logs.lines.filter((line) => line.correlationId === correlationId)
}

/** The parts of a response the invariants look at (inject and supertest both have them). */
export interface WireResponse {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

/**
 * Asserts what every problem response must be, and returns the parsed body: a 4xx/5xx status,
 * a problem (or JSON) content type, a JSON object body whose `status` is the wire status, and a
 * correlation id that is the same in the header and the body.
 */
export function expectProblem(response: WireResponse, status?: number): Record<string, any> {
  expect(response.statusCode).toBeGreaterThanOrEqual(400)
  expect(response.statusCode).toBeLessThanOrEqual(599)
  if (status !== undefined) expect(response.statusCode).toBe(status)
  expect([PROBLEM_CONTENT_TYPE, JSON_CONTENT_TYPE]).toContain(response.headers['content-type'])
  const body: unknown = JSON.parse(response.body)
  expect(typeof body).toBe('object')
  expect(body).not.toBeNull()
  const problem = body as Record<string, any>
  expect(problem.status).toBe(response.statusCode)
  expect(typeof problem.title).toBe('string')
  expect(typeof problem.type).toBe('string')
  expect(typeof problem.code).toBe('string')
  expect(typeof problem.correlationId).toBe('string')
  expect(response.headers['x-correlation-id']).toBe(problem.correlationId)
  return problem
}

/** A token that cannot appear in a body by chance: put it in what must never be sent. */
export function secret(label = 'secret'): string {
  return `${label}-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`
}
