/**
 * The soak benchmark: `npm run bench:soak` (not part of `npm test`). At least 500,000 failing
 * requests of mixed kinds (bench/soak.app.ts) over real sockets with autocannon, in rounds; after
 * each round the server's heap after a full GC and the round's throughput. Targets: heap growth
 * under 5 MB, no falling throughput, zero non-problem responses, zero unhandled rejections.
 *
 *   npm run bench:soak                          the full run, prints a report
 *   npm run bench:soak -- --write               also replaces the "## Soak" section of BENCHMARKS.md
 *   npm run bench:soak -- --requests 50000      a shorter run (rounds scale with it)
 *
 * Load goes to 127.0.0.1 only; the run is bounded (a request count, plus a watchdog) and stops by
 * itself; the only process it ends is the server it started.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { SOAK_REQUESTS } from './soak.app.js'
import { soakPass } from './soak.load.js'
import type { SoakServerMessage } from './soak.server.js'

const ROUNDS = 10
const CONNECTIONS = 10
const WARMUP = 20_000
const HEAP_BUDGET = 5 * 1024 * 1024
/** The last rounds' mean throughput must stay above this share of the first rounds'. */
const THROUGHPUT_FLOOR = 0.85
/** A whole run that takes longer than this is stopped: something is wrong, not slow. */
const WATCHDOG_MS = 30 * 60 * 1000

interface Round {
  requests: number
  rps: number
  heapUsed: number
  nonProblems: number
  errors: number
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name)
  const value = index === -1 ? undefined : Number(process.argv[index + 1])
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : fallback
}

/** Starts the server with --expose-gc and waits for its port. */
function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const entry = fileURLToPath(new URL('./soak.server.ts', import.meta.url))
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', entry], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the soak server exited early (code ${code})`)))
    child.on('message', (message: SoakServerMessage) => {
      if (message.type === 'listening') resolve({ child, port: message.port })
      if (message.type === 'failed') reject(new Error(message.message))
    })
  })
}

function serverHeap(child: ChildProcess): Promise<Extract<SoakServerMessage, { type: 'heap' }>> {
  return new Promise((resolve) => {
    const onMessage = (message: SoakServerMessage): void => {
      if (message.type !== 'heap') return
      child.off('message', onMessage)
      resolve(message)
    }
    child.on('message', onMessage)
    child.send({ type: 'heap' })
  })
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`
const count = (value: number): string => value.toLocaleString('en-US')

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

async function run(): Promise<void> {
  const total = option('--requests', 500_000)
  const perRound = Math.ceil(total / ROUNDS)
  const { child, port } = await startServer()
  const watchdog = setTimeout(() => {
    console.error('soak: watchdog fired, stopping the server')
    child.kill()
    process.exit(2)
  }, WATCHDOG_MS)
  watchdog.unref()
  try {
    const origin = `http://127.0.0.1:${port}`
    const warmup = await soakPass(origin, WARMUP, CONNECTIONS)
    const baseline = await serverHeap(child)
    console.log(`soak: warm-up ${count(warmup.responses)} requests; heap after GC ${mb(baseline.heapUsed)}`)
    const rounds: Round[] = []
    for (let index = 0; index < ROUNDS; index++) {
      const pass = await soakPass(origin, perRound, CONNECTIONS)
      const heap = await serverHeap(child)
      const nonProblems = [...pass.nonProblems.values()].reduce((sum, value) => sum + value, 0)
      for (const [reason, times] of pass.nonProblems) console.error(`soak: ${times} non-problem responses: ${reason}`)
      rounds.push({ requests: pass.responses, rps: pass.rps, heapUsed: heap.heapUsed, nonProblems, errors: pass.errors })
      console.log(`soak: round ${index + 1}/${ROUNDS}: ${count(pass.responses)} requests, ${count(Math.round(pass.rps))} req/s, heap ${mb(heap.heapUsed)}`)
    }
    const final = await serverHeap(child)
    const report = reportOf(rounds, baseline.heapUsed, final, warmup.responses)
    console.log(`\n${report.markdown}`)
    if (process.argv.includes('--write')) writeSection(report.markdown)
    process.exitCode = report.passed ? 0 : 1
  } finally {
    clearTimeout(watchdog)
    child.disconnect()
  }
}

function reportOf(
  rounds: Round[],
  baselineHeap: number,
  final: Extract<SoakServerMessage, { type: 'heap' }>,
  warmupRequests: number,
): { markdown: string; passed: boolean } {
  const requests = rounds.reduce((sum, round) => sum + round.requests, 0)
  const nonProblems = rounds.reduce((sum, round) => sum + round.nonProblems, 0)
  const errors = rounds.reduce((sum, round) => sum + round.errors, 0)
  const growth = final.heapUsed - baselineHeap
  const first = mean(rounds.slice(0, 3).map((round) => round.rps))
  const last = mean(rounds.slice(-3).map((round) => round.rps))
  const ratio = last / first
  const checks: [string, string, boolean][] = [
    ['heap growth (after GC, warm-up to end)', `${growth >= 0 ? '+' : ''}${mb(growth)} (budget ${mb(HEAP_BUDGET)})`, growth < HEAP_BUDGET],
    ['throughput, last 3 rounds vs first 3', `${(ratio * 100).toFixed(1)} % (floor ${THROUGHPUT_FLOOR * 100} %)`, ratio >= THROUGHPUT_FLOOR],
    ['non-problem responses', count(nonProblems), nonProblems === 0],
    ['unhandled rejections (server)', count(final.unhandledRejections), final.unhandledRejections === 0],
    ['connection errors and timeouts', count(errors), errors === 0],
    ['problems reported to onProblem', `${count(final.problems)} of ${count(requests + warmupRequests)}`, final.problems === requests + warmupRequests],
  ]
  const passed = checks.every(([, , ok]) => ok)
  const lines = [
    '## Soak',
    '',
    `${count(requests)} failing requests (after a ${count(warmupRequests)}-request warm-up) of ${SOAK_REQUESTS.length} kinds`,
    '(bench/soak.app.ts: our problems, plain errors, thrown strings and null, http-errors with an injected header,',
    'boom, a hostile Proxy, unserializable extensions, validation and media-type failures, a failing hook, an',
    'onSend hook that fails on every payload, unknown routes and methods, bad correlation ids) over real sockets,',
    `autocannon with ${CONNECTIONS} connections, server and client on one machine (${os.cpus().length} cores, load average`,
    `${os.loadavg()[0]!.toFixed(1)} at the end, Node ${process.version}),`,
    'Fastify logging through pino at info into /dev/null. Every response is checked, not sampled.',
    '',
    `Command: \`npm run bench:soak\` (${new Date().toISOString().slice(0, 10)}). Server heap is measured after a full GC (\`--expose-gc\`).`,
    '',
    '| round | requests | req/s | heap after GC |',
    '|---:|---:|---:|---:|',
    `| warm-up | ${count(warmupRequests)} | | ${mb(baselineHeap)} |`,
    ...rounds.map((round, index) => `| ${index + 1} | ${count(round.requests)} | ${count(Math.round(round.rps))} | ${mb(round.heapUsed)} |`),
    '',
    '| target | result | |',
    '|---|---|---|',
    ...checks.map(([name, result, ok]) => `| ${name} | ${result} | ${ok ? 'met' : '**missed**'} |`),
    '',
  ]
  return { markdown: lines.join('\n'), passed }
}

/** Replaces the "## Soak" section of BENCHMARKS.md (to the next "## " heading), or appends it. */
function writeSection(section: string): void {
  const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url))
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
  const start = text.search(/^## Soak\s*$/m)
  if (start === -1) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`)
    return
  }
  const rest = text.slice(start + 1)
  const next = rest.search(/^## /m)
  const end = next === -1 ? text.length : start + 1 + next
  writeFileSync(file, `${text.slice(0, start)}${section}${next === -1 ? '' : '\n'}${text.slice(end)}`)
}

run().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
