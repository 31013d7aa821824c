// One log line per problem, exactly: which fields a line has (and does not have), its message, the
// level it is written at, and what happens when the logger cannot take it.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NotFound } from '../src/index.js'
import { logFault, logProblem, type LoggedLevel, type ProblemLogger } from '../src/log-problem.js'
import type { RenderedProblem } from '../src/render.js'

type Call = [level: LoggedLevel, line: Record<string, unknown>, message: string]

/** A logger that records each call; `failures` calls throw first. */
function recorder(failures = 0, enabled?: (level: string) => boolean): { logger: ProblemLogger; calls: Call[] } {
  const calls: Call[] = []
  const method = (level: LoggedLevel) => (line: Record<string, unknown>, message: string) => {
    if (failures-- > 0) throw new Error('transport down')
    calls.push([level, line, message])
  }
  const logger = Object.fromEntries((['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const).map((level) => [level, method(level)])) as unknown as ProblemLogger
  if (enabled !== undefined) logger.isLevelEnabled = enabled
  return { logger, calls }
}

function rendered(status: number, extra: Partial<RenderedProblem> = {}): RenderedProblem {
  return { status, headers: {}, body: '{}', droppedHeaders: [], droppedMembers: [], ...extra } as RenderedProblem
}

const problem404 = new NotFound({ detail: 'No user 42', code: 'USER_NOT_FOUND' })

afterEach(() => {
  vi.restoreAllMocks()
})

describe('logProblem', () => {
  it('a 4xx: id, status, code and detail, nothing else; "<status> <title>"', () => {
    const { logger, calls } = recorder()
    logProblem(logger, { problem: problem404, thrown: problem404, correlationId: 'c1', rendered: rendered(404) }, 'info')
    expect(calls).toEqual([['info', { correlationId: 'c1', status: 404, code: 'USER_NOT_FOUND', detail: 'No user 42' }, '404 Not Found']])
  })

  it('a 5xx: the error instead of the detail', () => {
    const { logger, calls } = recorder()
    const thrown = new Error('db down')
    const problem = { status: 500, title: 'Internal Server Error', code: 'INTERNAL_SERVER_ERROR', detail: 'hidden' } as never
    logProblem(logger, { problem, thrown, correlationId: 'c2', rendered: rendered(500) }, 'error')
    const [[level, line, message]] = calls as [Call]
    expect(level).toBe('error')
    expect(Object.keys(line)).toEqual(['correlationId', 'status', 'code', 'err'])
    expect((line.err as Error).message).toBe('db down')
    expect(message).toBe('500 Internal Server Error')
  })

  it('what the renderer left out or failed on, and a response already started, are said', () => {
    const { logger, calls } = recorder()
    const fault = new Error('getter threw')
    logProblem(
      logger,
      {
        problem: problem404,
        thrown: problem404,
        correlationId: 'c3',
        rendered: rendered(500, { droppedHeaders: ['x-bad'], droppedMembers: ['huge'], fault }),
        responseStarted: true,
      },
      'error',
    )
    const [[, line, message]] = calls as [Call]
    expect(line).toMatchObject({ droppedHeaders: ['x-bad'], droppedMembers: ['huge'], renderFault: 'Error: getter threw', responseStarted: true })
    expect(message).toBe('500 Internal Server Error (the response had already started; the connection was closed)')
  })

  it('a problem without a readable title is logged as "Problem"', () => {
    const { logger, calls } = recorder()
    const problem = { status: 404, code: 'X', get title(): string { throw new Error('no') } } as never
    logProblem(logger, { problem, thrown: problem, correlationId: 'c4', rendered: rendered(404) }, 'info')
    expect(calls[0]![2]).toBe('404 Problem')
    expect(calls[0]![1]).not.toHaveProperty('detail')
  })

  it('a 5xx: an error within the log budget is logged as it is, a longer one as a bounded copy', () => {
    const { logger, calls } = recorder()
    const problem = { status: 500, title: 'Internal Server Error', code: 'INTERNAL_SERVER_ERROR' } as never
    const plain = new Error('db down')
    const chained = new Error('query failed', { cause: plain })
    logProblem(logger, { problem, thrown: plain, correlationId: 'c3', rendered: rendered(500) }, 'error')
    logProblem(logger, { problem, thrown: chained, correlationId: 'c4', rendered: rendered(500) }, 'error')
    expect(calls[0]![1].err).toBe(plain)
    expect(calls[1]![1].err).not.toBe(chained)
    expect((calls[1]![1].err as Error).cause).toMatchObject({ message: 'db down' })
  })

  it('a level whose method has an empty body (Fastify without a logger): no line is built', () => {
    const noop = function noop() {}
    const logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop }
    let reads = 0
    const thrown = new Error('db down')
    Object.defineProperty(thrown, 'stack', { get: () => (reads += 1, 'Error: db down') })
    const problem = { status: 500, title: 'Internal Server Error', code: 'INTERNAL_SERVER_ERROR' } as never
    logProblem(logger, { problem, thrown, correlationId: 'c6', rendered: rendered(500) }, 'error')
    expect(reads).toBe(0)
  })

  it("'silent', or a level the logger says is off: no line; a throwing check: the line", () => {
    const entry = { problem: problem404, thrown: problem404, correlationId: 'c5', rendered: rendered(404) }
    const silent = recorder()
    // The recorder, like many loggers, has no `silent` method: nothing may try to call one.
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    logProblem(silent.logger, entry, 'silent')
    expect(silent.calls).toHaveLength(0)
    expect(warning).not.toHaveBeenCalled()
    const off = recorder(0, (level) => level !== 'info')
    logProblem(off.logger, entry, 'info')
    expect(off.calls).toHaveLength(0)
    const on = recorder(0, (level) => level === 'info')
    logProblem(on.logger, entry, 'info')
    expect(on.calls).toHaveLength(1)
    const broken = recorder(0, () => {
      throw new Error('check broke')
    })
    logProblem(broken.logger, entry, 'info')
    expect(broken.calls).toHaveLength(1)
  })

  it('a logger that throws once: the line again, the error described, the fault named', () => {
    const { logger, calls } = recorder(1)
    logProblem(logger, { problem: problem404, thrown: new TypeError('x'), correlationId: 'c6', rendered: rendered(500) }, 'error')
    expect(calls).toHaveLength(1)
    expect(calls[0]![1]).toEqual({ correlationId: 'c6', status: 500, code: 'USER_NOT_FOUND', loggerFault: 'Error: transport down', thrown: 'TypeError: x' })
  })

  it('a 4xx line the logger refuses once: the retry names the fault, and no thrown value it never had', () => {
    const { logger, calls } = recorder(1)
    logProblem(logger, { problem: problem404, thrown: problem404, correlationId: 'c8', rendered: rendered(404) }, 'info')
    expect(calls).toHaveLength(1)
    expect(calls[0]![1]).toEqual({ correlationId: 'c8', status: 404, code: 'USER_NOT_FOUND', detail: 'No user 42', loggerFault: 'Error: transport down' })
  })

  it('leaves out a code, detail or title that is not a string', () => {
    for (const value of [42, ['USER_NOT_FOUND'], { text: 'x' }]) {
      const { logger, calls } = recorder()
      const forged = { ...problem404, status: 404, code: value, detail: value, title: value, headers: {}, extensions: {} }
      logProblem(logger, { problem: forged as never, thrown: forged, correlationId: 'c9', rendered: rendered(404) }, 'info')
      expect(calls[0]![1]).toEqual({ correlationId: 'c9', status: 404 })
      expect(calls[0]![2]).toBe('404 Problem')
    }
  })

  it('a logger that always throws: one process warning with the code and the correlation id', () => {
    const { logger } = recorder(2)
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    logProblem(logger, { problem: problem404, thrown: problem404, correlationId: 'c7', rendered: rendered(404) }, 'info')
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledWith('http-problems: the logger threw while logging: 404 Not Found', {
      code: 'HTTP_PROBLEMS_LOGGER_FAULT',
      detail: 'correlationId c7',
    })
  })
})

describe('logFault', () => {
  it('at error, the fault described, with the thrown value when there is one', () => {
    const { logger, calls } = recorder()
    logFault(logger, { correlationId: 'f1', fault: new Error('onProblem threw') }, 'http-problems: onProblem threw')
    logFault(logger, { correlationId: 'f2', fault: 'text', thrown: 'also text' }, 'm')
    expect(calls).toEqual([
      ['error', { correlationId: 'f1', fault: 'Error: onProblem threw' }, 'http-problems: onProblem threw'],
      ['error', { correlationId: 'f2', fault: 'text', thrown: 'also text' }, 'm'],
    ])
  })
})
