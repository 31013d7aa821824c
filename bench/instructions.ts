/**
 * `npm run bench:instructions`: instructions per answer, counted by callgrind, as ratios to the
 * plain reply of the same bytes. Wall-clock runs swing by ±30 % on shared machines; instruction
 * counts of a deterministic process do not, so this is the cost check that can guard CI.
 *
 * What makes a count repeat (measured: two runs of the same process differ by < 0.01 %):
 * - V8 flags: `--single-threaded` (no concurrent compiler or GC threads), `--predictable` and
 *   `--predictable-gc-schedule` (tier-up and GC by counts, not by time), fixed `--random-seed` and
 *   `--hash-seed`, no memory reducer (it runs on timers).
 * - One bundled ES module, no TypeScript loader thread; `inject()`, no sockets.
 * - Subtraction: each app's process minus a base process that did the same start-up and warm-up.
 * - A full GC right before the counted answers, in every process: otherwise a major GC lands in
 *   one app's window and not another's, which repeats run after run but moves with any change.
 *
 * Modes:
 * - default: every app of `INSTRUCTION_APPS`, `BENCH_RUNS` times (default 1; 5 shows the spread).
 * - `--check`: the plain reply and the throw path only; fails when the throw path's ratio is more
 *   than `TOLERANCE` worse than the baseline in `bench/instructions-baseline.json`.
 * - `--update-baseline`: measures every app and writes the baseline (do it on purpose, and say why
 *   in the commit).
 * Settings: BENCH_RUNS, BENCH_WARMUP_REQUESTS (per app, default 300), BENCH_COUNT (measured
 * answers, default 1000).
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { build } from 'tsup'
import { INSTRUCTION_APPS, type InstructionApp } from './instructions/apps.js'
import { fixed } from './report.js'
import { median } from './stats.js'

/** How much worse than the baseline the throw path's ratio may get before `--check` fails. */
export const TOLERANCE = 0.05

const V8_FLAGS = [
  '--single-threaded',
  '--predictable',
  '--predictable-gc-schedule',
  '--random-seed=1',
  '--hash-seed=1',
  '--no-memory-reducer',
  // The driver collects garbage once before the counted answers (see driver.ts).
  '--expose-gc',
]

/** Longest one process may run under callgrind before it is killed and the run fails. */
const PROCESS_TIMEOUT_MS = 15 * 60_000

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const BUNDLE = here('./.build/instructions-driver.mjs')
const BASELINE = here('./instructions-baseline.json')

interface Baseline {
  recorded: string
  node: string
  warmup: number
  count: number
  /** Instructions per answer of each app. */
  perAnswer: Record<string, number>
  /** `perAnswer` of each app divided by the plain reply's. */
  ratios: Record<string, number>
}

function integerFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, received ${JSON.stringify(raw)}`)
  }
  return value
}

/** Bundles the driver (and the bench apps it imports) into one module; packages stay external. */
async function bundleDriver(): Promise<void> {
  await build({
    config: false,
    entry: { 'instructions-driver': here('./instructions/driver.ts') },
    outDir: here('./.build'),
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    outExtension: () => ({ js: '.mjs' }),
    skipNodeModulesBundle: true,
    dts: false,
    sourcemap: false,
    silent: true,
  })
}

/** Instructions callgrind counted for one run of the driver. */
function countInstructions(warmup: number, count: number, app: InstructionApp | undefined): Promise<number> {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...V8_FLAGS, BUNDLE, String(warmup), String(count)]
  if (app !== undefined) args.push(app)
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-64_000)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_TIMEOUT_MS)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      const collected = /Collected : (\d+)/.exec(stderr)
      if (code !== 0 || collected === null) reject(new Error(`callgrind run of ${app ?? 'the base'} failed (exit ${code}):\n${stderr}`))
      else resolve(Number(collected[1]))
    })
  })
}

/** Runs the jobs at most `limit` at a time (callgrind is single-threaded; one per core). */
async function limited<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length)
  let next = 0
  async function worker(): Promise<void> {
    while (next < jobs.length) {
      const index = next++
      results[index] = await jobs[index]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker))
  return results
}

/** Instructions per answer of each app, for one run (one base process and one per app). */
async function measureRun(apps: readonly InstructionApp[], warmup: number, count: number): Promise<Record<string, number>> {
  const totals = await limited(
    [undefined, ...apps].map((app) => () => countInstructions(warmup, count, app)),
    Math.max(1, Math.min(2, availableParallelism())),
  )
  const base = totals[0]!
  return Object.fromEntries(apps.map((app, index) => [app, (totals[index + 1]! - base) / count]))
}

function ratiosOf(perAnswer: Record<string, number>): Record<string, number> {
  const plain = perAnswer.plain!
  return Object.fromEntries(Object.entries(perAnswer).map(([app, value]) => [app, value / plain]))
}

function readBaseline(): Baseline {
  return JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline
}

function printTable(runs: Record<string, number>[]): void {
  const ratios = runs.map(ratiosOf)
  console.log(`| app | instructions per answer (median of ${runs.length}) | ratio to plain | spread of the ratio over runs |`)
  console.log('|---|---:|---:|---:|')
  for (const app of Object.keys(runs[0]!)) {
    const values = ratios.map((run) => run[app]!)
    const spread = (Math.max(...values) - Math.min(...values)) / median(values)
    console.log(
      `| ${app}: ${INSTRUCTION_APPS[app as InstructionApp].description} | ${Math.round(median(runs.map((run) => run[app]!))).toLocaleString('en-US')} | ` +
        `${fixed(median(values), 3)}x | ${fixed(spread * 100, 2)}% |`,
    )
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2]
  if (mode !== undefined && mode !== '--check' && mode !== '--update-baseline') {
    throw new RangeError(`unknown argument ${mode}: use --check, --update-baseline or nothing`)
  }
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    const message = 'bench:instructions: valgrind was not found (apt-get install valgrind), so the instruction check did not run'
    if (process.env.CI !== undefined) throw new Error(message)
    console.log(`${message}; skipped.`)
    return
  }
  const baseline = mode === '--check' ? readBaseline() : undefined
  const warmup = baseline?.warmup ?? integerFromEnv('BENCH_WARMUP_REQUESTS', 300, 0, 100_000)
  const count = baseline?.count ?? integerFromEnv('BENCH_COUNT', 1000, 10, 100_000)
  const apps: InstructionApp[] = mode === '--check' ? ['plain', 'ours-throw'] : (Object.keys(INSTRUCTION_APPS) as InstructionApp[])
  const runCount = mode === undefined ? integerFromEnv('BENCH_RUNS', 1, 1, 20) : 1
  await bundleDriver()
  const runs: Record<string, number>[] = []
  for (let run = 0; run < runCount; run++) {
    process.stderr.write(`bench:instructions: run ${run + 1} of ${runCount} (${apps.length + 1} processes under callgrind)\n`)
    runs.push(await measureRun(apps, warmup, count))
  }
  console.log(`Node ${process.version}, ${warmup} warm-up requests per app, ${count} counted answers, V8 ${V8_FLAGS.join(' ')}`)
  printTable(runs)

  if (mode === '--update-baseline') {
    const perAnswer = runs[0]!
    const recorded: Baseline = { recorded: new Date().toISOString().slice(0, 10), node: process.version, warmup, count, perAnswer, ratios: ratiosOf(perAnswer) }
    writeFileSync(BASELINE, `${JSON.stringify(recorded, null, 2)}\n`)
    console.log(`wrote ${BASELINE}`)
  } else if (baseline !== undefined) {
    const ratio = ratiosOf(runs[0]!)['ours-throw']!
    const allowed = baseline.ratios['ours-throw']! * (1 + TOLERANCE)
    const verdict = `throw path ${fixed(ratio, 3)}x the plain reply's instructions; baseline ${fixed(baseline.ratios['ours-throw']!, 3)}x (recorded ${baseline.recorded} on Node ${baseline.node}), allowed up to ${fixed(allowed, 3)}x`
    if (ratio > allowed) {
      throw new Error(
        `bench:instructions: the throw path got more than ${TOLERANCE * 100}% costlier: ${verdict}.\n` +
          'If the cost is wanted, record a new baseline on purpose with `npm run bench:instructions -- --update-baseline` and say why in the commit.',
      )
    }
    console.log(`bench:instructions: ok, ${verdict}`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
