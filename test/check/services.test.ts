// The check command against real services: ours pass every probe, plain frameworks fail by name,
// broken services (hanging, resetting, HTML) get clear verdicts in bounded time.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { PROBES } from '../../src/check/probes.js'
import { expressWithAdapter, fastifyWithPlugin, nodeService, plainExpress, plainFastify, runCli, stable, tcpService, type Service } from './helpers.js'

const services: Service[] = []
async function start(make: () => Promise<Service>): Promise<Service> {
  const service = await make()
  services.push(service)
  return service
}
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()))
})

interface JsonReport {
  summary: Record<string, number>
  probes: { probe: string; verdict: string; status?: number; broken: { rule: string; message: string }[]; reason?: string }[]
}
const jsonOf = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport

describe.each([
  ['Fastify with the plugin', fastifyWithPlugin],
  ['Express with the adapter', expressWithAdapter],
])('%s', (_name, make) => {
  it('passes every probe, exit code 0, and no probe reaches a handler that changes data', async () => {
    const service = await start(make)
    const run = await runCli(['check', service.url, '--route', 'POST /users', '--route', 'GET /users/{id}', '--json'])
    const report = jsonOf(run.stdout)
    expect(report.probes.filter((probe) => probe.verdict !== 'pass')).toEqual([])
    expect(report.summary).toEqual({ probes: PROBES.length, passed: PROBES.length, failed: 0, skipped: 0, errors: 0 })
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(service.created.count).toBe(0)
    // A fixed number of requests: one per probe.
    expect(service.requests).toHaveLength(PROBES.length)
  })
})

describe('plain frameworks, without the library', () => {
  it('plain Fastify: the report names the failures, exit code 1', async () => {
    const service = await start(plainFastify)
    const run = await runCli(['check', service.url, '--route', 'POST /users'])
    expect(run.code).toBe(1)
    expect(stable(run.stdout, service)).toMatchSnapshot()
    expect(service.created.count).toBe(0)
  })

  it('plain Express: the report names the failures, exit code 1; the README shows this report', async () => {
    const service = await start(plainExpress)
    const run = await runCli(['check', service.url, '--route', 'POST /users'])
    expect(run.code).toBe(1)
    expect(stable(run.stdout, service)).toMatchSnapshot()
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const shown = /A plain Express 5 app without this library:\n\n```text\n([^`]*)```/.exec(readme)?.[1]
    expect(shown).toBe(run.stdout.split(service.url).join('https://users.internal.example.com'))
  })

  it('lists every broken rule in --json, the missing Allow among them', async () => {
    const service = await start(plainFastify)
    const report = jsonOf((await runCli(['check', service.url, '--route', 'POST /users', '--json'])).stdout)
    const rules = (probe: string) => report.probes.find((result) => result.probe === probe)!.broken.map((broken) => broken.message)
    expect(rules('method-not-allowed')).toEqual(expect.arrayContaining(['status is 404, expected 405', 'allow header is missing (RFC 9110 15.5.6)']))
    expect(rules('unknown-path')).toContain('x-correlation-id header is undefined, expected a valid correlation id')
    expect(rules('unknown-path').some((message) => message.includes('missing required member(s) type, title, status, instance'))).toBe(true)
    expect(report.summary).toMatchObject({ failed: PROBES.length, passed: 0 })
  })
})

describe('services that misbehave', () => {
  it('a service that never answers: every probe an error within the timeout, exit code 1', async () => {
    const service = await start(() => tcpService(() => undefined))
    const started = Date.now()
    const run = await runCli(['check', service.url, '--route', 'POST /users', '--timeout', '200', '--json'])
    expect(Date.now() - started).toBeLessThan(PROBES.length * 200 + 5000)
    expect(run.code).toBe(1)
    const report = jsonOf(run.stdout)
    expect(new Set(report.probes.map((probe) => probe.verdict))).toEqual(new Set(['error']))
    expect(report.probes[0]!.reason).toBe('no complete answer within 200 ms')
  })

  it('a service that resets every connection: errors that say so, exit code 1', async () => {
    const service = await start(() => tcpService((socket) => socket.resetAndDestroy()))
    const run = await runCli(['check', service.url, '--json'])
    expect(run.code).toBe(1)
    const report = jsonOf(run.stdout)
    expect(report.probes.find((probe) => probe.probe === 'unknown-path')!.reason).toBe('the connection was reset before a complete answer (ECONNRESET)')
    expect(report.summary).toMatchObject({ errors: PROBES.length - 4, skipped: 4 })
  })

  it('a service that answers half a response, then hangs: bounded by the timeout', async () => {
    const service = await start(() => tcpService((socket) => socket.write('HTTP/1.1 404 Not Found\r\ncontent-length: 100\r\n\r\n{"ty')))
    const report = jsonOf((await runCli(['check', service.url, '--timeout', '200', '--json'])).stdout)
    expect(report.probes[0]).toMatchObject({ verdict: 'error', reason: 'no complete answer within 200 ms' })
  })

  it('a service that answers HTML: each probe fails on its content type', async () => {
    const service = await start(() =>
      nodeService((_request, response) => {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><h1>Not Found</h1>')
      }),
    )
    const run = await runCli(['check', service.url, '--json'])
    expect(run.code).toBe(1)
    const unknown = jsonOf(run.stdout).probes[0]!
    expect(unknown).toMatchObject({ probe: 'unknown-path', verdict: 'fail', status: 404 })
    expect(unknown.broken.map((broken) => broken.message)).toEqual(
      expect.arrayContaining(['content-type is "text/html", expected application/problem+json', 'the body is not JSON: "<!doctype html><h1>Not Found</h1>"']),
    )
  })

  it('a 5xx with a stack trace, a reflected query and a reflected invalid correlation id: named', async () => {
    const service = await start(() =>
      nodeService((request, response) => {
        const body = {
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          instance: request.url,
          code: 'INTERNAL',
          correlationId: 'c-1',
          detail: `failed for ${String(request.headers['x-correlation-id'])}\n    at handler (/srv/app.js:10:5)`,
        }
        response.writeHead(500, { 'content-type': 'application/problem+json', 'x-correlation-id': 'c-1', vary: 'Accept' }).end(JSON.stringify(body))
      }),
    )
    const report = jsonOf((await runCli(['check', service.url, '--json'])).stdout)
    const messages = report.probes.find((probe) => probe.probe === 'correlation-id-invalid')!.broken.map((broken) => `${broken.rule}: ${broken.message}`)
    expect(messages).toEqual([
      'status: status is 500, expected 404',
      'instance-path: body instance "/http-problems-check?token=check" is not a path-absolute URI reference without query (RFC 9457 3.1.5, RFC 3986 4.2), and carries the query string',
      `no-internals-in-5xx: a 5xx body shows the server's internals: "at handler (/srv/app.js:10:5)"`,
      'correlation-id-not-reflected: the invalid correlation id "http-problems check <invalid id>" is reflected in the body',
    ])
  })
})

describe('safe for production', () => {
  it('never follows a redirect: the other origin gets no request', async () => {
    const elsewhere = await start(() => nodeService((_request, response) => response.end('{}')))
    const service = await start(() =>
      nodeService((_request, response) => {
        response.writeHead(302, { location: `${elsewhere.url}/login` }).end()
      }),
    )
    const report = jsonOf((await runCli(['check', service.url, '--route', 'POST /users', '--json'])).stdout)
    expect(report.probes[0]!.broken[0]!.message).toBe('status is 302, expected 404')
    expect(elsewhere.requests).toEqual([])
    expect(service.requests).toHaveLength(PROBES.length)
  })

  it('sends --header with every request and never prints its value, even when the service echoes it', async () => {
    const seen: (string | undefined)[] = []
    const service = await start(() =>
      nodeService((request, response) => {
        seen.push(request.headers.authorization)
        response.writeHead(404, { 'content-type': 'application/problem+json', 'x-correlation-id': String(request.headers.authorization) }).end(`token ${String(request.headers.authorization)}`)
      }),
    )
    const secret = 'Bearer s3cr3t-t0ken'
    for (const format of [[], ['--json']]) {
      const run = await runCli(['check', service.url, '--header', `Authorization: ${secret}`, ...format])
      expect(run.stdout).toContain('[redacted]')
      expect(run.stdout + run.stderr).not.toContain('s3cr3t')
    }
    expect(new Set(seen)).toEqual(new Set([secret]))
  })

  it('keeps requests under the base URL path', async () => {
    const service = await start(fastifyWithPlugin)
    await runCli(['check', `${service.url}/api/v1`, '--route', 'POST /users'])
    expect(service.requests.every((request) => request.split(' ')[1]!.startsWith('/api/v1/'))).toBe(true)
  })
})
