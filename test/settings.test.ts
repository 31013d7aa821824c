// The accepting side of the shared options (test/usage-messages.test.ts has the refusals): each
// option's largest or explicit valid value is taken as given, and the one normalization each does.
import { describe, expect, it } from 'vitest'
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
