// The accepting side of the shared options (test/usage-messages.test.ts has the refusals): each
// option's largest or explicit valid value is taken as given, and the one normalization each does.
import { describe, expect, it } from 'vitest'
import { answerProblem } from '../src/answer-problem.js'
import { NotFound } from '../src/index.js'
import { resolveSettings } from '../src/settings.js'
import { MAX_MEMBER_LENGTH } from '../src/limits.js'

const BASE = 'https://errors.example.com/'

describe('resolveSettings accepts every valid value, up to each limit', () => {
  it('takes a typeBaseUrl of exactly half the member limit (1024 characters), so any slug still fits', () => {
    const longest = `${BASE}${'a'.repeat(MAX_MEMBER_LENGTH / 2 - BASE.length)}`
    expect(longest).toHaveLength(1024)
    expect(resolveSettings({ typeBaseUrl: longest }).render.typeBaseUrl).toBe(longest)
  })

  it('drops every trailing slash of typeBaseUrl, so types never hold "//"', () => {
    expect(resolveSettings({ typeBaseUrl: `${BASE}problems//` }).render.typeBaseUrl).toBe(`${BASE}problems`)
    expect(resolveSettings({ typeBaseUrl: `${BASE}problems///` }).render.typeBaseUrl).toBe(`${BASE}problems`)
    expect(resolveSettings({ typeBaseUrl: `${BASE}problems` }).render.typeBaseUrl).toBe(`${BASE}problems`)
  })

  it('takes validationStatus 400 given explicitly, as well as 422 and the default', () => {
    expect(resolveSettings({ validationStatus: 400 }).validationStatus).toBe(400)
    expect(resolveSettings({ validationStatus: 422 }).validationStatus).toBe(422)
    expect(resolveSettings({}).validationStatus).toBe(400)
  })

  it('takes every log level for each side, and fills in the side not given', () => {
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const) {
      expect(resolveSettings({ logLevels: { clientError: level } })).toMatchObject({ clientErrorLevel: level, serverErrorLevel: 'error' })
      expect(resolveSettings({ logLevels: { serverError: level } })).toMatchObject({ clientErrorLevel: 'info', serverErrorLevel: level })
    }
  })

  it('lower-cases correlationIdHeader, the form Node uses for header names', () => {
    expect(resolveSettings({ correlationIdHeader: 'X-Request-ID' }).render.correlationIdHeader).toBe('x-request-id')
    expect(resolveSettings({}).render.correlationIdHeader).toBe('x-correlation-id')
  })
})

/** The headers of the answer to `thrown` under these options, as an adapter without a logger sends it. */
function answeredHeaders(options: Record<string, unknown>, thrown: unknown): Record<string, string> {
  const settings = resolveSettings(options)
  const facts = { method: 'GET', url: '/x', correlationId: 'c-1' }
  return answerProblem(settings, undefined, thrown, { destroyed: false }, () => facts).rendered.headers
}

/** An error of another library with this status and no headers of its own. */
const foreign = (status: number): Error => Object.assign(new Error('from another library'), { status, expose: true })

describe('the options as the answers carry them', () => {
  it('upgrade names the protocols of a 426 that names none; websocket without it', () => {
    expect(answeredHeaders({ upgrade: 'TLS/1.3, HTTP/1.1' }, foreign(426)).upgrade).toBe('TLS/1.3, HTTP/1.1')
    expect(answeredHeaders({}, foreign(426)).upgrade).toBe('websocket')
  })

  it('cacheControl: false sends no Cache-Control of its own; without it a problem is no-store', () => {
    expect(answeredHeaders({ cacheControl: false }, new NotFound())).not.toHaveProperty('cache-control')
    expect(answeredHeaders({}, new NotFound())['cache-control']).toBe('no-store')
  })

  it('retryAfter takes 0 seconds, and rounds a fraction up', () => {
    expect(answeredHeaders({ retryAfter: 0 }, foreign(429))['retry-after']).toBe('0')
    expect(answeredHeaders({ retryAfter: 1.2 }, foreign(429))['retry-after']).toBe('2')
    expect(answeredHeaders({}, foreign(429))['retry-after']).toBe('60')
  })
})
