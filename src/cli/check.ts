/**
 * `http-problems check <base-url>`: runs the probes against a running service and reports which
 * of its error answers break the rules of a correct problem answer. Results on stdout (a table,
 * or `--json`), the progress line and diagnostics on stderr, `--junit <file>` for CI.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_CORRELATION_HEADER } from '../correlation.js'
import { openApiRoutes } from '../check/openapi-source.js'
import { PROBES } from '../check/probes.js'
import { formatJson } from '../check/report-json.js'
import { formatJunit } from '../check/report-junit.js'
import { formatTable } from '../check/report-table.js'
import { parseRoute } from '../check/routes.js'
import { runCheck, verdictCounts, type CheckOptions, type CheckReport } from '../check/run-check.js'
import { UsageError } from '../usage-error.js'
import { EXIT, wantsColour, type CliIo, type Command } from './io.js'

const DEFAULT_TIMEOUT_MS = 5000
const DEFAULT_BODY_LIMIT = 1024 * 1024
const MAX_TIMEOUT_MS = 10 * 60 * 1000
const MAX_BODY_LIMIT = 64 * 1024 * 1024
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
// eslint-disable-next-line no-control-regex
const HEADER_VALUE = /^[^\u0000-\u0008\u000a-\u001f\u007f]*$/

const OPTIONS = {
  route: { type: 'string', multiple: true },
  openapi: { type: 'string' },
  header: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'body-limit': { type: 'string' },
  'correlation-header': { type: 'string' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** The `check` subcommand. */
export const checkCommand: Command = {
  summary: 'probe a running service and report the error answers that are not correct problems',
  run: runCheckCommand,
}

async function runCheckCommand(args: readonly string[], io: CliIo): Promise<number> {
  let options: CheckOptions
  let values: ReturnType<typeof parse>['values']
  try {
    const parsed = parse(args)
    values = parsed.values
    if (values.help === true) {
      io.stdout.write(helpText())
      return EXIT.ok
    }
    options = await readOptions(parsed.positionals, values, io.cwd)
  } catch (error) {
    if (!isMisuse(error)) throw error
    io.stderr.write(`http-problems check: ${error.message}\nRun http-problems check --help for the options.\n`)
    return EXIT.misuse
  }

  const report = await runCheck(options, progressLine(io))
  io.stdout.write(values.json === true ? formatJson(report) : formatTable(report, wantsColour(io.stdout, io.env)))
  if (values.junit !== undefined) {
    const written = await writeJunit(resolve(io.cwd, values.junit), report, io)
    if (!written) return EXIT.misuse
  }
  return exitCodeOf(report, io)
}

function parse(args: readonly string[]) {
  return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true })
}

async function readOptions(positionals: readonly string[], values: ReturnType<typeof parse>['values'], cwd: string): Promise<CheckOptions> {
  if (positionals.length !== 1) throw misuse(`expected one <base-url>, received ${positionals.length}`)
  const baseUrl = readBaseUrl(positionals[0]!)
  const headers = Object.fromEntries((values.header ?? []).map(readHeader))
  const timeoutMs = readInteger('--timeout', values.timeout, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS)
  const correlationIdHeader = (values['correlation-header'] ?? DEFAULT_CORRELATION_HEADER).toLowerCase()
  if (!TOKEN.test(correlationIdHeader)) throw misuse(`--correlation-header must be a header name, received ${JSON.stringify(correlationIdHeader)}`)
  const routes = (values.route ?? []).map(parseRoute)
  if (values.openapi !== undefined) routes.push(...(await openApiRoutes({ source: values.openapi, baseUrl, headers, timeoutMs, cwd })))
  return {
    baseUrl,
    routes,
    headers,
    timeoutMs,
    bodyLimit: readInteger('--body-limit', values['body-limit'], DEFAULT_BODY_LIMIT, MAX_BODY_LIMIT),
    correlationIdHeader,
  }
}

function readBaseUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw misuse(`<base-url> must be an absolute http(s) URL, received ${JSON.stringify(text)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw misuse(`<base-url> must use http or https, received ${url.protocol}`)
  if (url.search !== '' || url.hash !== '') throw misuse('<base-url> must not have a query or a fragment')
  return url
}

function readHeader(text: string): [string, string] {
  const colon = text.indexOf(':')
  const name = text.slice(0, colon).trim().toLowerCase()
  const value = text.slice(colon + 1).trim()
  // The value is a secret as often as not: never repeat it in a message.
  if (colon === -1 || !TOKEN.test(name)) throw misuse('--header must be "Name: value", e.g. "Authorization: Bearer $TOKEN"')
  if (!HEADER_VALUE.test(value)) throw misuse(`--header ${name}: the value has characters a header cannot carry`)
  return [name, value]
}

function readInteger(option: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < 1 || value > max) throw misuse(`${option} must be an integer from 1 to ${max}, received ${JSON.stringify(text)}`)
  return value
}

/** A progress line on stderr while probes run, only on a terminal (it rewrites itself). */
function progressLine(io: CliIo): ((index: number, total: number, probe: string) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined
  return (index, total, probe) => {
    io.stderr.write(`\r\u001b[K[${index + 1}/${total}] ${probe}`)
    if (index + 1 === total) io.stderr.write('\r\u001b[K') // cleared before the last: the report follows at once
  }
}

async function writeJunit(path: string, report: CheckReport, io: CliIo): Promise<boolean> {
  try {
    await writeFile(path, formatJunit(report))
    return true
  } catch (error) {
    io.stderr.write(`http-problems check: cannot write --junit ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
    return false
  }
}

function exitCodeOf(report: CheckReport, io: CliIo): number {
  const counts = verdictCounts(report)
  if (counts.skip > 0) io.stderr.write(`${counts.skip} probe(s) skipped: name a route with --route 'POST /users' or --openapi <url|file>\n`)
  return counts.fail + counts.error === 0 ? EXIT.ok : EXIT.failed
}

function misuse(message: string): UsageError {
  // Stryker disable next-line StringLiteral: the command prints only the message (and exits 2), never the code
  return new UsageError('ERR_HTTP_PROBLEMS_INVALID_OPTION', message)
}

/** Our own usage errors, and `parseArgs`'s (unknown option, missing value). */
function isMisuse(error: unknown): error is Error {
  return error instanceof UsageError || (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'))
}

function helpText(): string {
  const width = Math.max(...PROBES.map((probe) => probe.name.length))
  return `Usage: http-problems check <base-url> [options]

Sends ${PROBES.length} requests (one per probe, one at a time; one more to download an --openapi URL) to
<base-url> and checks each error answer with the rules expectProblem uses: RFC 9457 members and
types, status equal to the wire, content type, the headers each status requires, a correlation id,
nothing internal in a 5xx, HEAD without a body, instance without the query.

Only <base-url>'s origin is contacted; redirects are never followed. No probe changes data: the
POST/PUT/PATCH route you name gets only bodies that cannot pass parsing (malformed JSON, an unknown
media type, a body over the limit).

Options:
  --route 'METHOD /path'     a route the service serves, e.g. 'POST /users' (repeatable)
  --openapi <url|file>       routes from an OpenAPI 3.0/3.1 JSON document (a URL must be on <base-url>'s origin)
  --header 'Name: value'     sent with every request, e.g. auth (repeatable; values never printed)
  --timeout <ms>             per request, default ${DEFAULT_TIMEOUT_MS}
  --body-limit <bytes>       the service's body limit; the 413 probe sends one byte more (default ${DEFAULT_BODY_LIMIT})
  --correlation-header <h>   default ${DEFAULT_CORRELATION_HEADER}
  --json                     the report as JSON on stdout
  --junit <file>             also write the report as JUnit XML
  -h, --help                 this text

Probes:
${PROBES.map((probe) => `  ${probe.name.padEnd(width)}  ${probe.description}`).join('\n')}

Exit code: 0 nothing failed, 1 a probe failed or got no answer, 2 misuse. NO_COLOR is honoured.

Example:
  npx http-problems check https://users.internal.example.com --route 'POST /users' \\
    --header "Authorization: Bearer $TOKEN" --junit problems.xml
`
}
