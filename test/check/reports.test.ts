// The reports of a check made from hand-built results: what each format says of a result with no
// reason, of a long request, and of a route that would lead off the checked origin.
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { formatJunit } from '../../src/check/report-junit.js'
import { formatTable } from '../../src/check/report-table.js'
import { runCheck, type CheckOptions, type CheckReport, type ProbeResult } from '../../src/check/run-check.js'
import { nodeService } from './helpers.js'

const result = (overrides: Partial<ProbeResult>): ProbeResult => ({ probe: 'p', description: 'd', verdict: 'pass', broken: [], durationMs: 1, ...overrides })
const report = (...results: ProbeResult[]): CheckReport => ({ target: 'http://127.0.0.1/', results })

const SAMPLE = report(
  result({ probe: 'unknown-path', description: 'GET of no path', request: { method: 'GET', path: '/x' }, status: 404, durationMs: 1500 }),
  result({
    probe: 'accept-json',
    description: 'JSON <please>',
    request: { method: 'GET', path: '/y' },
    verdict: 'fail',
    status: 404,
    broken: [{ rule: 'content-type', message: 'content type is "text/html"' }, { rule: 'vary', message: 'no vary' }],
    durationMs: 250,
  }),
  result({ probe: 'payload-too-large', verdict: 'skip', reason: 'needs a route', durationMs: 0 }),
)

describe('formatJunit', () => {
  it('writes one suite with the counts and total seconds, and one case per probe', () => {
    expect(formatJunit(SAMPLE)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites>',
        '  <testsuite name="http-problems check http://127.0.0.1/" tests="3" failures="1" errors="0" skipped="1" time="1.750">',
        '    <testcase classname="http-problems check" name="unknown-path" time="1.500"/>',
        '    <testcase classname="http-problems check" name="accept-json" time="0.250">',
        '      <failure message="content type is &quot;text/html&quot;" type="content-type">JSON &lt;please&gt;',
        'content-type: content type is &quot;text/html&quot;',
        'vary: no vary</failure>',
        '    </testcase>',
        '    <testcase classname="http-problems check" name="payload-too-large" time="0.000">',
        '      <skipped message="needs a route"/>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  })

  it('gives a skipped or errored probe without a reason an empty message', () => {
    const xml = formatJunit(report(result({ probe: 'a', verdict: 'skip' }), result({ probe: 'b', verdict: 'error' })))
    expect(xml).toContain('<skipped message=""/>')
    expect(xml).toContain('<error message=""/>')
  })
})

describe('formatTable', () => {
  it('pads every column but the last, and colours only the verdicts of the rows', () => {
    const rows = [
      'PROBE              REQUEST  STATUS  VERDICT  FIRST BROKEN RULE',
      'unknown-path       GET /x   404     \u001b[32mpass   \u001b[0m',
      'accept-json        GET /y   404     \u001b[31mfail   \u001b[0m  content type is "text/html"',
      'payload-too-large  -        -       \u001b[33mskip   \u001b[0m  needs a route',
    ]
    const summary = '3 probes: 1 passed, 1 failed, 1 skipped, 0 errors'
    expect(formatTable(SAMPLE, true)).toBe(['http-problems check http://127.0.0.1/', '', ...rows, '', summary, ''].join('\n'))
    // Without colour, the same text: the last column's padding is trimmed with the line.
    const plain = rows.map((row) => row.replaceAll('\u001b[32m', '').replaceAll('\u001b[31m', '').replaceAll('\u001b[33m', '').replaceAll('\u001b[0m', '').trimEnd())
    expect(formatTable(SAMPLE, false)).toBe(['http-problems check http://127.0.0.1/', '', ...plain, '', summary, ''].join('\n'))
  })

  it('clips a request longer than 40 characters to 39 and an ellipsis', () => {
    const path = `/${'a'.repeat(60)}`
    const table = formatTable(report(result({ request: { method: 'POST', path } })), false)
    const clipped = `POST ${path}`.slice(0, 39)
    expect(table).toContain(`${clipped}…`)
    expect(table).not.toContain(`POST ${path.slice(0, 36)}`)
    // Exactly 40 fits.
    const fits = `/${'b'.repeat(34)}`
    expect(formatTable(report(result({ request: { method: 'POST', path: fits } })), false)).toContain(`POST ${fits}  `)
  })
})

describe('runCheck', () => {
  it('sends nothing for a route that leads off the checked origin, and says so, secrets redacted', async () => {
    const service = await nodeService((_request, response) => response.writeHead(404).end())
    try {
      const checked = await runCheck({
        baseUrl: new URL(service.url),
        routes: [{ method: 'POST', path: '//example.com/users/tok3n' }],
        headers: { 'x-key': 'tok3n' },
        timeoutMs: 5000,
        bodyLimit: 16,
        correlationIdHeader: 'x-correlation-id',
      })
      const offOrigin = checked.results.filter((probe) => probe.reason?.includes('example.com') === true)
      expect(offOrigin.map((probe) => probe.probe)).toEqual(['method-not-allowed', 'malformed-json', 'unsupported-media-type', 'payload-too-large'])
      for (const probe of offOrigin) {
        expect(probe).toMatchObject({ verdict: 'error', broken: [], reason: '//example.com/users/[redacted] leads off the checked origin: not sent' })
      }
      expect(service.requests.every((line) => !line.includes('example.com'))).toBe(true)
    } finally {
      await service.close()
    }
  })
})

describe('runCheck against a plain service', () => {
  const options = (url: string, headers: Record<string, string> = {}): CheckOptions => ({
    baseUrl: new URL(url),
    routes: [{ method: 'POST', path: '/users' }],
    headers,
    timeoutMs: 5000,
    bodyLimit: 16,
    correlationIdHeader: 'x-correlation-id',
  })

  it('names itself, sends a body with its length, times each probe, and redacts --header values the service echoes', async () => {
    const seen: Record<string, string | string[] | undefined>[] = []
    const service = await nodeService((request, response) => {
      seen.push(request.headers)
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`token ${String(request.headers.authorization)}`)
    })
    try {
      const started = performance.now()
      const checked = await runCheck(options(service.url, { authorization: 'Bearer s3cret', 'x-empty': '' }))
      const elapsed = performance.now() - started
      expect(seen.every((headers) => headers['user-agent'] === 'http-problems-check')).toBe(true)
      const withBody = seen.filter((headers) => headers['content-type'] !== undefined)
      expect(withBody.length).toBe(3)
      for (const headers of withBody) {
        expect(headers['transfer-encoding']).toBeUndefined()
        expect(Number(headers['content-length'])).toBeGreaterThan(0)
      }
      for (const probe of checked.results) {
        expect(probe.durationMs).toBeGreaterThanOrEqual(0)
        expect(probe.durationMs).toBeLessThanOrEqual(elapsed)
      }
      const messages = checked.results.flatMap((probe) => probe.broken.map((broken) => broken.message))
      expect(messages.some((message) => message.includes('token [redacted]'))).toBe(true)
      // An empty value is no secret: nothing else is touched.
      expect(messages.every((message) => !message.includes('s3cret') && message.split('[redacted]').length <= 2)).toBe(true)
    } finally {
      await service.close()
    }
  })

  it('reports a probe without an answer as an error with the reason and no broken rule', async () => {
    const service = await nodeService(() => undefined)
    const url = service.url
    await service.close()
    const checked = await runCheck(options(url))
    const sent = checked.results.filter((probe) => probe.verdict !== 'skip')
    expect(sent.length).toBeGreaterThan(0)
    for (const probe of sent) expect(probe).toMatchObject({ verdict: 'error', broken: [], reason: 'the connection was refused (ECONNREFUSED)' })
  })
})
