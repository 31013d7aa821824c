// The one line for a failing mapping rule: through the request's logger, else a process warning.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { reportRuleFault } from '../../src/mapping/report-rule-fault.js'
import type { ProblemLogger } from '../../src/log-problem.js'

const MESSAGE = 'http-problems: mapping rule map[0] threw; it was skipped (reported once per rule)'

function logger(error: ProblemLogger['error']): ProblemLogger {
  const noop = (): void => undefined
  return { trace: noop, debug: noop, info: noop, warn: noop, error, fatal: noop }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('reportRuleFault', () => {
  it('an Error goes to the logger as err, at error', () => {
    const error = vi.fn()
    const fault = new Error('bug')
    reportRuleFault(logger(error), fault, MESSAGE)
    expect(error).toHaveBeenCalledWith({ err: fault }, MESSAGE)
  })

  it('anything else is described, bounded', () => {
    const error = vi.fn()
    reportRuleFault(logger(error), { status: 409 }, MESSAGE)
    reportRuleFault(logger(error), 'x'.repeat(10_000), MESSAGE)
    expect(error.mock.calls[0]![0]).toEqual({ fault: '[object Object]' })
    expect((error.mock.calls[1]![0] as { fault: string }).fault.length).toBeLessThanOrEqual(512)
  })

  it('no logger, or a logger that throws: a process warning', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    reportRuleFault(undefined, new Error('bug'), MESSAGE)
    reportRuleFault(logger(() => { throw new Error('logger down') }), new Error('bug'), MESSAGE)
    expect(warn).toHaveBeenCalledTimes(2)
    expect(warn).toHaveBeenCalledWith(MESSAGE, { code: 'HTTP_PROBLEMS_MAPPING_RULE_FAULT' })
  })
})
