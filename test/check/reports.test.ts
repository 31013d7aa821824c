// The reports of a check made from hand-built results: what each format says of a result with no
// reason, of a long request, and of a route that would lead off the checked origin.
import { describe, expect, it } from 'vitest'
import { formatJunit } from '../../src/check/report-junit.js'
import { formatTable } from '../../src/check/report-table.js'
import { runCheck, type CheckReport, type ProbeResult } from '../../src/check/run-check.js'
import { nodeService } from './helpers.js'

const result = (overrides: Partial<ProbeResult>): ProbeResult => ({ probe: 'p', description: 'd', verdict: 'pass', broken: [], durationMs: 1, ...overrides })
const report = (...results: ProbeResult[]): CheckReport => ({ target: 'http://127.0.0.1/', results })

describe('formatJunit', () => {
  it('gives a skipped or errored probe without a reason an empty message', () => {
    const xml = formatJunit(report(result({ probe: 'a', verdict: 'skip' }), result({ probe: 'b', verdict: 'error' })))
    expect(xml).toContain('<skipped message=""/>')
    expect(xml).toContain('<error message=""/>')
  })
})

describe('formatTable', () => {
  it('clips a request longer than 40 characters to 39 and an ellipsis', () => {
    const path = `/${'a'.repeat(60)}`
    const table = formatTable(report(result({ request: { method: 'POST', path } })), false)
    const clipped = `POST ${path}`.slice(0, 39)
    expect(table).toContain(`${clipped}…`)
    expect(table).not.toContain(`POST ${path.slice(0, 36)}`)
  })
})

describe('runCheck', () => {
  it('sends nothing for a route that leads off the checked origin, and says so', async () => {
    const service = await nodeService((_request, response) => response.writeHead(404).end())
    try {
      const checked = await runCheck({
        baseUrl: new URL(service.url),
        routes: [{ method: 'POST', path: '//example.com/users' }],
        headers: {},
        timeoutMs: 5000,
        bodyLimit: 16,
        correlationIdHeader: 'x-correlation-id',
      })
      const offOrigin = checked.results.filter((probe) => probe.reason?.includes('example.com') === true)
      expect(offOrigin.map((probe) => probe.probe)).toEqual(['method-not-allowed', 'malformed-json', 'unsupported-media-type', 'payload-too-large'])
      for (const probe of offOrigin) {
        expect(probe).toMatchObject({ verdict: 'error', broken: [], reason: '//example.com/users leads off the checked origin: not sent' })
      }
      expect(service.requests.every((line) => !line.includes('example.com'))).toBe(true)
    } finally {
      await service.close()
    }
  })
})
