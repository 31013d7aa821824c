/**
 * The correlation id on the log lines of a logger whose `child()` binds nothing and returns the
 * logger itself (a small console wrapper, say): the plugin cannot bind the id into a child, so
 * each problem line carries it itself.
 */
import Fastify, { type FastifyBaseLogger } from 'fastify'
import { describe, expect, it } from 'vitest'
import problems, { NotFound } from '../../src/index.js'

type Line = { level: string; object: Record<string, unknown>; message: string | undefined }

/** A logger without children: `child()` is the logger itself. */
function loggerWithoutChildren(lines: Line[]): FastifyBaseLogger {
  const write = (level: string) => (object: unknown, message?: string) => {
    lines.push({ level, object: typeof object === 'object' && object !== null ? { ...object } : { value: object }, message })
  }
  const logger = {
    level: 'info',
    fatal: write('fatal'),
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    trace: write('trace'),
    silent: () => undefined,
    child: () => logger,
  }
  return logger as unknown as FastifyBaseLogger
}

describe('a logger whose child() is itself', () => {
  it('gets the correlation id on each problem line, the same as the answer', async () => {
    const lines: Line[] = []
    const app = Fastify({ loggerInstance: loggerWithoutChildren(lines) })
    await app.register(problems)
    app.get('/x', async () => {
      throw new NotFound('No such thing')
    })
    app.get('/crash', async () => {
      throw new Error('database down')
    })
    for (const [url, status] of [['/x', 404], ['/crash', 500]] as const) {
      lines.length = 0
      const response = await app.inject(url)
      expect(response.statusCode).toBe(status)
      const problemLines = lines.filter((line) => line.object.status === status)
      expect(problemLines).toHaveLength(1)
      expect(problemLines[0]!.object.correlationId).toBe(response.headers['x-correlation-id'])
    }
    await app.close()
  })
})
