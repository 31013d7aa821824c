// The command line: misuse exits 2, --help, colour and NO_COLOR, the progress line, --junit,
// --openapi from a file and from the service, skipped probes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROBES } from '../../src/check/probes.js'
import type { CliIo } from '../../src/cli/io.js'
import { main } from '../../src/cli/main.js'
import { fastifyWithPlugin, nodeService, runCli, type Service } from './helpers.js'

let service: Service
let plain: Service
let dir: string
beforeAll(async () => {
  service = await fastifyWithPlugin()
  plain = await nodeService((_request, response) => {
    // Everything a report must escape: markup, quotes, ampersands, control characters.
    response.writeHead(404, { 'content-type': 'text/html' }).end(`<p class="x">a & b 'c' \u0001\u001b[31m</p>`)
  })
  dir = await mkdtemp(join(tmpdir(), 'http-problems-check-'))
})
afterAll(() => Promise.all([service.close(), plain.close()]))

describe('misuse exits 2 with a message on stderr', () => {
  it.each([
    [[], 'a command is required'],
    [['nope'], 'unknown command "nope"'],
    [['check'], 'expected one <base-url>, received 0'],
    [['check', 'http://a', 'http://b'], 'expected one <base-url>, received 2'],
    [['check', 'not a url'], '<base-url> must be an absolute http(s) URL'],
    [['check', 'ftp://127.0.0.1'], '<base-url> must use http or https'],
    [['check', 'http://127.0.0.1/?q=1'], 'must not have a query'],
    [['check', 'http://127.0.0.1', '--nope'], "Unknown option '--nope'"],
    [['check', 'http://127.0.0.1', '--route', 'users'], '--route must be "METHOD /path"'],
    [['check', 'http://127.0.0.1', '--route', 'POST users'], '--route must be "METHOD /path"'],
    [['check', 'http://127.0.0.1', '--header', 'Authorization'], '--header must be "Name: value"'],
    [['check', 'http://127.0.0.1', '--header', 'Bad Name: x'], '--header must be "Name: value"'],
    [['check', 'http://127.0.0.1', '--timeout', '0'], '--timeout must be an integer from 1 to 600000'],
    [['check', 'http://127.0.0.1', '--timeout', '1.5'], '--timeout must be an integer'],
    [['check', 'http://127.0.0.1', '--body-limit', 'big'], '--body-limit must be an integer'],
    [['check', 'http://127.0.0.1', '--correlation-header', 'x id'], '--correlation-header must be a header name'],
    [['check', 'http://127.0.0.1', '--openapi', 'http://example.com/openapi.json'], '--openapi: http://example.com is not the checked origin'],
    [['check', 'http://127.0.0.1', '--openapi', 'missing.json'], '--openapi: cannot read missing.json: ENOENT\n'],
    [['check', 'http://127.0.0.1', '--openapi', 'http://'], '--openapi: "http://" is not a URL'],
    [['check', 'http://127.0.0.1/#top'], '<base-url> must not have a query or a fragment'],
    [['check', 'http://127.0.0.1', '--header', ': value'], '--header must be "Name: value"'],
    [['check', 'http://127.0.0.1', '--header', 'X-Key: a\u0001b'], '--header x-key: the value has characters a header cannot carry'],
    [['check', 'http://127.0.0.1', '--timeout', '600001'], '--timeout must be an integer from 1 to 600000, received "600001"'],
  ])('%j', async (args, message) => {
    const run = await runCli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stdout).toBe('')
  })

  it('never repeats a --header value in its message', async () => {
    const run = await runCli(['check', 'http://127.0.0.1', '--header', 'Authorization: Bearer a\u0001secret'])
    expect(run.code).toBe(2)
    expect(run.stderr).not.toContain('secret')
  })

  it('a --junit file that cannot be written', async () => {
    const path = join(dir, 'missing-dir', 'report.xml')
    const run = await runCli(['check', service.url, '--junit', path])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`cannot write --junit ${path}: ENOENT\n`)
  })
})

describe('what the options mean', () => {
  it('takes an https base URL, the bounds of --timeout, and a header name with spaces around it', async () => {
    const closed = await nodeService(() => undefined)
    const port = new URL(closed.url).port
    await closed.close()
    for (const args of [[`https://127.0.0.1:${port}`], [closed.url, '--timeout', '1'], [closed.url, '--timeout', '600000'], [closed.url, '--header', ' X-Key : v ']]) {
      const run = await runCli(['check', ...args])
      // Not a misuse: the probes ran, and got no answer.
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stdout).toContain('0 passed, 0 failed, 4 skipped, 7 errors')
    }
  })

  it('redacts a --header value the service echoes, whatever spaces surround it on the command line', async () => {
    const echo = await nodeService((request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`token ${String(request.headers.authorization)}`)
    })
    try {
      const run = await runCli(['check', echo.url, '--json', '--header', 'Authorization:   Bearer s3cret  '])
      expect(run.stdout).toContain('token [redacted]')
      expect(run.stdout).not.toContain('s3cret')
    } finally {
      await echo.close()
    }
  })

  it('exits 1 when probes failed and as many got no answer', async () => {
    // Answers a bare 404 to some probes (failed) and nothing to those asking for a media type, to HEAD and to traceparent (errors).
    const split = await nodeService((request, response) => {
      if (request.headers.accept === undefined && request.headers.traceparent === undefined && request.method !== 'HEAD') response.writeHead(404).end()
    })
    try {
      const run = await runCli(['check', split.url, '--route', 'GET /users', '--timeout', '300'])
      expect(run.stdout).toContain('0 passed, 4 failed, 3 skipped, 4 errors')
      expect(run.code).toBe(1)
    } finally {
      await split.close()
    }
  })

  it('names the correlation header in lower case in its findings', async () => {
    const plainService = await nodeService((_request, response) => response.writeHead(404).end())
    try {
      const run = await runCli(['check', plainService.url, '--json', '--correlation-header', 'X-Request-Id'])
      expect(run.stdout).toContain('x-request-id header is undefined')
      expect(run.stdout).not.toContain('X-Request-Id')
    } finally {
      await plainService.close()
    }
  })
})

describe('help', () => {
  it('http-problems --help lists the commands', async () => {
    const run = await runCli(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^ {2}check {2}probe a running service/m)
  })

  // Exit 2 is for what the user typed only (our usage errors and parseArgs's): a stream that
  // fails is the tool's failure, left to runOnProcess (exit 1, "unexpected failure").
  it.each([
    ['an Error', new Error('write EPIPE')],
    ["a TypeError that is not parseArgs's", new TypeError('the stream was destroyed')],
  ])('check --help on a stdout that throws %s: the failure propagates, no misuse', async (_name, failure) => {
    let stderr = ''
    const io: CliIo = {
      stdout: {
        write: () => {
          throw failure
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      cwd: dir,
    }
    await expect(main(['check', '--help'], io)).rejects.toBe(failure)
    expect(stderr).toBe('')
  })

  it('check --help shows the options, every probe and an example', async () => {
    const run = await runCli(['check', '--help'])
    expect(run.code).toBe(0)
    // One probe a line, the descriptions in one column.
    const width = Math.max(...PROBES.map((probe) => probe.name.length))
    for (const probe of PROBES) expect(run.stdout).toContain(`\n  ${probe.name.padEnd(width)}  ${probe.description}\n`)
    expect(run.stdout).toContain(`Sends ${PROBES.length} requests`)
    expect(run.stdout).toContain("Example:\n  npx http-problems check https://users.internal.example.com --route 'POST /users'")
  })
})

describe('output', () => {
  it('skips the probes no route is given for, and says so on stderr; skipped is not failed', async () => {
    const run = await runCli(['check', service.url])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^method-not-allowed +- +- +skip +needs a known route: give one with --route or --openapi$/m)
    expect(run.stdout).toContain(`${PROBES.length} probes: ${PROBES.length - 4} passed, 0 failed, 4 skipped, 0 errors`)
    expect(run.stderr).toBe("4 probe(s) skipped: name a route with --route 'POST /users' or --openapi <url|file>\n")
  })

  it('colours verdicts on a terminal, not with NO_COLOR, not when piped', async () => {
    const args = ['check', service.url]
    expect((await runCli(args, { tty: true })).stdout).toContain('\u001b[32mpass')
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[')
    expect((await runCli(args, { tty: false })).stdout).not.toContain('\u001b[')
  })

  it('writes a progress line on a terminal only, cleared before the report', async () => {
    const onTerminal = await runCli(['check', service.url, '--route', 'POST /users'], { tty: true })
    // Each probe rewrites the line; it is cleared once, after the last.
    const lines = PROBES.map((probe, index) => `\r\u001b[K[${index + 1}/${PROBES.length}] ${probe.name}`).join('')
    expect(onTerminal.stderr).toBe(`${lines}\r\u001b[K`)
    expect((await runCli(['check', service.url, '--route', 'POST /users'])).stderr).toBe('')
  })

  it('keeps control characters a service sent out of the terminal table', async () => {
    const garbling = await nodeService((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/problem+json', 'x-correlation-id': 'c-1', vary: 'Accept' }).end('\u001b[2J\u0007\u009b31mnot json')
    })
    try {
      const run = await runCli(['check', garbling.url])
      // JSON.stringify escapes C0 controls; C1 ones (U+009B is a terminal's CSI) need the table's care.
      expect(run.stdout).toContain('the body is not JSON: "\\u001b[2J\\u0007 31mnot json"')
      // eslint-disable-next-line no-control-regex
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
    } finally {
      await garbling.close()
    }
  })
})

describe('--junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' })

  it('writes valid JUnit XML with one test case per probe', async () => {
    const file = join(dir, 'pass.xml')
    const run = await runCli(['check', service.url, '--junit', file])
    expect(run.code).toBe(0)
    const xml = await readFile(file, 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const suite = parser.parse(xml).testsuites.testsuite
    expect(suite).toMatchObject({ tests: String(PROBES.length), failures: '0', errors: '0', skipped: '4' })
    expect(suite.testcase.map((test: { name: string }) => test.name)).toEqual(PROBES.map((probe) => probe.name))
    expect(suite.testcase.find((test: { name: string }) => test.name === 'method-not-allowed').skipped.message).toBe(
      'needs a known route: give one with --route or --openapi',
    )
  })

  it('escapes everything a service sent, and reports failures and errors', async () => {
    const file = join(dir, 'fail.xml')
    expect((await runCli(['check', plain.url, '--junit', file, '--route', 'POST /users'])).code).toBe(1)
    const xml = await readFile(file, 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const suite = parser.parse(xml).testsuites.testsuite
    expect(suite).toMatchObject({ failures: String(PROBES.length), errors: '0', skipped: '0' })
    const failure = suite.testcase[0].failure
    expect(failure).toMatchObject({ type: 'content-type', message: 'content-type is "text/html", expected application/problem+json' })
    expect(failure['#text']).toContain(`the body is not JSON: "<p class=\\"x\\">a & b 'c' \\u0001\\u001b[31m</p>"`)
  })

  it('reports a probe without an answer as an error', async () => {
    const file = join(dir, 'error.xml')
    await runCli(['check', 'http://127.0.0.1:1', '--junit', file, '--timeout', '500'])
    const suite = parser.parse(await readFile(file, 'utf8')).testsuites.testsuite
    expect(suite.errors).toBe(String(PROBES.length - 4))
    expect(suite.testcase[0].error.message).toBe('the connection was refused (ECONNREFUSED)')
  })
})

describe('--openapi', () => {
  const document = {
    openapi: '3.1.0',
    info: { title: 'users', version: '1' },
    paths: {
      '/users/{id}': { get: { responses: {} }, parameters: [] },
      '/users': { post: { responses: {} } },
    },
  }

  it('reads routes from a JSON file', async () => {
    const file = join(dir, 'openapi.json')
    await writeFile(file, JSON.stringify(document))
    const report = JSON.parse((await runCli(['check', service.url, '--openapi', 'openapi.json', '--json'], { cwd: dir })).stdout)
    expect(report.summary).toMatchObject({ passed: PROBES.length, skipped: 0 })
    expect(report.probes[1]).toMatchObject({ probe: 'method-not-allowed', request: { method: 'TRACE', path: '/users/http-problems-check' } })
  })

  it('reads routes from a URL on the checked origin, with the --header values', async () => {
    const seen: (string | undefined)[] = []
    const api = await nodeService((request, response) => {
      seen.push(`${request.url} ${String(request.headers.authorization)}`)
      response.writeHead(request.url === '/openapi.json' ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(document))
    })
    try {
      const run = await runCli(['check', api.url, '--openapi', `${api.url}/openapi.json`, '--header', 'Authorization: Basic x', '--json'])
      expect(seen[0]).toBe('/openapi.json Basic x')
      expect(JSON.parse(run.stdout).summary.skipped).toBe(0)
      expect(api.requests).toHaveLength(PROBES.length + 1)
    } finally {
      await api.close()
    }
  })

  it.each([
    ['YAML', 'openapi: 3.1.0\npaths: {}\n', 'is not JSON (YAML is not supported'],
    ['no paths', '{"openapi":"3.1.0"}', 'has no "paths" object'],
  ])('refuses %s with exit code 2', async (_name, text, message) => {
    const file = join(dir, 'bad.json')
    await writeFile(file, text)
    const run = await runCli(['check', service.url, '--openapi', file])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })

  it('refuses a URL that does not answer 200', async () => {
    const run = await runCli(['check', service.url, '--openapi', `${service.url}/openapi.json`])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--openapi: GET /openapi.json answered 404, not 200')
  })
})
