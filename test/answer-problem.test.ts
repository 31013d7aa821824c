// The shared answer steps (Express, Koa, fetch): an adapter without a logger answers and stays
// silent, and one with a logger gets exactly one line per problem.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerProblem } from '../src/answer-problem.js'
import type { ProblemLogger } from '../src/log-problem.js'
import { resolveSettings } from '../src/settings.js'

const facts = { method: 'GET', url: '/x', correlationId: 'c-1' }
const connection = { destroyed: false }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('answerProblem', () => {
  it('without a logger: answers, logs nothing and raises no process warning', () => {
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const { rendered, clientClosed } = answerProblem(resolveSettings({}), undefined, new Error('secret'), connection, () => facts)
    expect(rendered.status).toBe(500)
    expect(clientClosed).toBe(false)
    expect(warning).not.toHaveBeenCalled()
  })

  it('with a logger: one line at the level of its class', () => {
    const lines: string[] = []
    const record = (level: string) => (_object: Record<string, unknown>, message: string) => lines.push(`${level} ${message}`)
    const logger = Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((level) => [level, record(level)])) as unknown as ProblemLogger
    answerProblem(resolveSettings({}), logger, new Error('secret'), connection, () => facts)
    expect(lines).toEqual(['error 500 Internal Server Error'])
  })
})
