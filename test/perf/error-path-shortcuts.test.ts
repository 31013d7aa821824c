// Small shortcuts on the per-error path, each proven to answer what the plain version answered:
// the request path without a regular expression, the correlation header name checked once per
// service, and no log line built for a level the logger has turned off.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { NotFound, renderProblem } from '../../src/index.js'
import { logProblem, type ProblemLogger } from '../../src/log-problem.js'
import { pathOf } from '../../src/render.js'
import { DEFAULT_RENDER_SETTINGS } from '../fixtures/render-settings.js'

/** The previous `pathOf`, kept verbatim as the reference. */
function referencePathOf(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

const SETTINGS = DEFAULT_RENDER_SETTINGS

describe('pathOf', () => {
  it('equals the regular-expression version for any URL', () => {
    const urlCharacters = fc.constantFrom('/', 'a', '?', '#', '=', '&', '%', 'é')
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: urlCharacters })), (url) => {
        expect(pathOf(url)).toBe(referencePathOf(url))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('the correlation header name', () => {
  it('follows the settings of each call, valid or not, in any order', () => {
    const names = ['x-correlation-id', 'X-Request-Id', 'bad name', 'traceparent-id', '', 'X-Request-Id']
    const expected: Record<string, string> = {
      'x-correlation-id': 'x-correlation-id',
      'X-Request-Id': 'x-request-id',
      'bad name': 'x-correlation-id',
      'traceparent-id': 'traceparent-id',
      '': 'x-correlation-id',
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 12 }), (sequence) => {
        for (const name of sequence) {
          const { headers } = renderProblem(new NotFound(), { method: 'GET', url: '/', correlationId: 'cid' }, { ...SETTINGS, correlationIdHeader: name })
          expect(headers[expected[name]!]).toBe('cid')
          expect(Object.values(headers).filter((value) => value === 'cid')).toHaveLength(1)
        }
      }),
    )
  })
})

describe('log lines for disabled levels', () => {
  const entry = () => {
    const problem = new NotFound('No user 42')
    const rendered = renderProblem(problem, { method: 'GET', url: '/', correlationId: 'cid' }, SETTINGS)
    return { problem, thrown: problem, correlationId: 'cid', rendered }
  }
  const loggerWith = (isLevelEnabled?: ProblemLogger['isLevelEnabled']) => {
    const info = vi.fn()
    const logger = { trace: vi.fn(), debug: vi.fn(), info, warn: vi.fn(), error: vi.fn(), fatal: vi.fn(), isLevelEnabled }
    return { logger: logger as ProblemLogger, info }
  }

  it('are not written when the logger says the level is off', () => {
    const isLevelEnabled = vi.fn((level: string) => level !== 'info')
    const { logger, info } = loggerWith(isLevelEnabled)
    logProblem(logger, entry(), 'info')
    expect(isLevelEnabled).toHaveBeenCalledWith('info')
    expect(info).not.toHaveBeenCalled()
  })

  it('are written when the level is on, when the logger has no check, and when its check throws', () => {
    for (const check of [() => true, undefined, () => { throw new Error('broken check') }]) {
      const { logger, info } = loggerWith(check)
      logProblem(logger, entry(), 'info')
      expect(info).toHaveBeenCalledTimes(1)
      expect(info.mock.calls[0]?.[0]).toMatchObject({ correlationId: 'cid', status: 404, detail: 'No user 42' })
    }
  })
})
