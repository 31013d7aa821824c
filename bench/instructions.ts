/**
 * `npm run bench:instructions`: instructions per answer, counted by callgrind, as ratios to the
 * plain reply of the same bytes. Wall-clock runs swing by ±30 % on shared machines; instruction
 * counts of a deterministic process do not, so this is the cost check that can guard CI.
 *
 * What makes a count repeat (BENCHMARKS.md, "Instruction counts", has the spread of 5 runs):
 * - V8 flags: `--single-threaded` (no concurrent compiler or GC threads), `--predictable` and
 *   `--predictable-gc-schedule` (tier-up and GC by counts, not by time), fixed `--random-seed` and
 *   `--hash-seed`, no memory reducer (it runs on timers). `--predictable-gc-schedule` also fixes
 *   the young generation at 4 MB, so scavenges fall at the same answers in every run.
 * - One bundled ES module, no TypeScript loader thread; `inject()`, no sockets.
 * - Only the counted answers are counted: the driver zeroes callgrind's counters right before them
 *   and dumps them right after (bench/instructions/driver.ts); start-up and warm-up, which vary
 *   with timers, never enter the figure.
 * - A full GC right before the counted answers, in every process: otherwise a major GC lands in
 *   one app's window and not another's, which repeats run after run but moves with any change.
 *
 * Modes:
 * - default: every Fastify app of `INSTRUCTION_APPS` (or those `BENCH_APPS` names, with their bases,
 *   which may be Express, Hono and Koa apps too), each process building all of them, `BENCH_RUNS` times (default 1; 5 shows the spread). Ratios are to
 *   each app's base: the plain reply, or for the `+log` apps the plain reply with the same pino.
 * - `--check`: the plain reply and the throw path only (each process builds those two), with the
 *   baseline's settings; fails when the throw path's ratio is more than `TOLERANCE` worse than the
 *   baseline in `bench/instructions-baseline.json`. Part of `npm test`.
 * - `--update-baseline`: measures what `--check` measures, `BENCH_RUNS` times (default 1), and
 *   writes the medians as the baseline (do it on purpose, and say why in the commit).
 *
 * The table also shows each figure outside V8's compilers: after 1,000 warm-up requests half of the
 * counted window is still TurboFan, Maglev and the bytecode compiler at work on the main thread
 * (`--single-threaded`), which a server does on background threads. That figure is what an answer
 * costs, but the check does not read it: over five runs it repeats less well than the whole window
 * (BENCHMARKS.md, "Half the counted window is V8 compiling").
 * Settings: BENCH_APPS, BENCH_ATTRIBUTE (two apps: where their instructions differ, per function;
 * see printAttribution), BENCH_RUNS,
 * BENCH_WARMUP_REQUESTS (per app, default 1000), BENCH_COUNT (measured answers, default 1000).
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'tsup'
import { COUNTED_WINDOW, EMPTY_WINDOW, INSTRUCTION_APPS, isInstructionApp, type InstructionApp } from './instructions/apps.js'
import { attributedProfile, COMPILER_FUNCTION, flatProfile, type FlatEntry } from './instructions/flat-profile.js'
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
  // No semi-space flags: `--predictable-gc-schedule` fixes the young generation at 4 MB whatever
  // `--min/max-semi-space-size` say (v8.getHeapSpaceStatistics() under these flags), so scavenges
  // fall inside the counted answers, at the same points in every run of the same code: the count
  // includes what an answer allocates.
  // The driver collects garbage once before the counted answers (see driver.ts).
  '--expose-gc',
]

/** What `--check` and the baseline measure: the throw path against the plain reply. */
const CHECKED_APPS: readonly InstructionApp[] = ['plain', 'ours-throw']

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
  /** How many runs the medians below are of (absent: one). */
  runs?: number
  /** The apps each process built (the same in every process). */
  built: readonly InstructionApp[]
  /** Instructions per answer of each app (median over the runs). */
  perAnswer: Record<string, number>
  /** Each app's instructions per answer divided by the plain reply's (median over the runs): what `--check` compares. */
  ratios: Record<string, number>
  /** Instructions per answer outside V8's compilers, for reference (absent in older baselines). */
  perAnswerOutsideCompilers?: Record<string, number>
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

/** The callgrind dump the driver named `name`, among the dumps in `dir`, and its `totals:` figure. */
function findDump(dir: string, name: string): { file: string; total: number } | undefined {
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8')
    if (!new RegExp(`^desc: Trigger: .*\\b${name}$`, 'm').test(text)) continue
    const totals = /^totals: (\d+)/m.exec(text)
    return totals === null ? undefined : { file: join(dir, file), total: Number(totals[1]) }
  }
  return undefined
}

/**
 * Instructions of a dump spent in V8's compilers, from its flat profile. The counted window still
 * compiles after the warm-up (half its instructions at 1,000 warm-up requests; BENCHMARKS.md
 * "Instruction counts"), and that share moves with JIT heuristics rather than with the cost of the
 * code, so the table shows it beside each figure.
 */
function compilerInstructions(entries: readonly FlatEntry[]): number {
  let sum = 0
  for (const { name, instructions } of entries) if (COMPILER_FUNCTION.test(name)) sum += instructions
  return sum
}

/**
 * Instructions of `count` answers of `app`, in a driver process that built `built`: the counted
 * window minus the empty one (what asking callgrind costs; see driver.ts). With `attribute`, node
 * also runs with `--perf-basic-prof`, and the window's instructions are named per function.
 */
function countInstructions(warmup: number, count: number, app: InstructionApp, built: readonly InstructionApp[], attribute: boolean): Promise<WindowCount> {
  const dir = mkdtempSync(join(tmpdir(), 'http-problems-callgrind-'))
  const node = [process.execPath, ...V8_FLAGS, ...(attribute ? ['--perf-basic-prof'] : [])]
  const args = ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${join(dir, 'callgrind.out')}`, ...node, BUNDLE, String(warmup), String(count), app, built.join(',')]
  let perfMap: string | undefined
  return new Promise<WindowCount>((resolve, reject) => {
    // In its own directory: --perf-basic-prof also writes a V8 log into the working directory.
    const child = spawn('valgrind', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
    // valgrind runs node in its own process, so V8 names the map after valgrind's PID.
    perfMap = child.pid === undefined ? undefined : `/tmp/perf-${child.pid}.map`
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-64_000)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_TIMEOUT_MS)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      const empty = findDump(dir, EMPTY_WINDOW)
      const counted = findDump(dir, COUNTED_WINDOW)
      if (code !== 0 || empty === undefined || counted === undefined) {
        reject(new Error(`callgrind run of ${app} failed (exit ${code}, dumps ${readdirSync(dir).join(', ')}):\n${stderr}`))
        return
      }
      const profile = flatProfile(counted.file)
      resolve({
        instructions: counted.total - empty.total,
        compiling: compilerInstructions(profile),
        functions: attribute && perfMap !== undefined ? attributedProfile(profile, perfMap) : undefined,
      })
    })
  }).finally(() => {
    rmSync(dir, { recursive: true, force: true })
    if (perfMap !== undefined) rmSync(perfMap, { force: true })
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

/** What one process counted in its window: all instructions, and those of V8's compilers among them. */
interface WindowCount {
  instructions: number
  compiling: number
  /** With `BENCH_ATTRIBUTE`: the window's instructions per function name (see flat-profile.ts). */
  functions?: Map<string, number> | undefined
}

/** One run: instructions per answer of each app, the whole window and outside V8's compilers. */
interface Run {
  perAnswer: Record<string, number>
  outsideCompilers: Record<string, number>
}

/** One run (one process per app, each building all of `apps`). */
async function measureRun(apps: readonly InstructionApp[], warmup: number, count: number): Promise<Run> {
  const windows = await limited(
    apps.map((app) => () => countInstructions(warmup, count, app, apps, false)),
    Math.max(1, Math.min(2, availableParallelism())),
  )
  return {
    perAnswer: Object.fromEntries(apps.map((app, index) => [app, windows[index]!.instructions / count])),
    outsideCompilers: Object.fromEntries(apps.map((app, index) => [app, (windows[index]!.instructions - windows[index]!.compiling) / count])),
  }
}

/** Each app's instructions per answer divided by its base's (the plain reply with the same logging). */
function ratiosOf(perAnswer: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(perAnswer).map(([app, value]) => [app, value / perAnswer[INSTRUCTION_APPS[app as InstructionApp].base]!]),
  )
}

/**
 * The apps a default run counts: all of them, or those `BENCH_APPS` names (comma-separated) with
 * the bases their ratios need.
 */
function selectedApps(): InstructionApp[] {
  const raw = process.env.BENCH_APPS
  // By default the Fastify apps; the Express, Hono and Koa ones when BENCH_APPS names them, so
  // that the default run's processes load what they always loaded.
  if (raw === undefined || raw === '') return (Object.keys(INSTRUCTION_APPS) as InstructionApp[]).filter((name) => 'app' in INSTRUCTION_APPS[name])
  const names = raw.split(',').map((name) => name.trim())
  const unknown = names.filter((name) => !isInstructionApp(name))
  if (unknown.length > 0) throw new RangeError(`BENCH_APPS names unknown apps (${unknown.join(', ')}); known: ${Object.keys(INSTRUCTION_APPS).join(', ')}`)
  const chosen = new Set<InstructionApp>()
  for (const name of names as InstructionApp[]) chosen.add(INSTRUCTION_APPS[name].base).add(name)
  return [...chosen]
}

function readBaseline(): Baseline {
  return JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline
}

/** Median and spread (max - min, relative to the median) of one app's figure over the runs. */
function summary(values: readonly number[]): { median: number; spread: number } {
  const middle = median([...values])
  return { median: middle, spread: (Math.max(...values) - Math.min(...values)) / middle }
}

/** The medians over the runs of one per-app figure. */
function medians(runs: readonly Run[], figure: (run: Run) => Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(figure(runs[0]!)).map((app) => [app, median(runs.map((run) => figure(run)[app]!))]))
}

/** The two apps `BENCH_ATTRIBUTE` names (`numerator,denominator`), both among `apps`; `undefined` when unset. */
function attributedPair(apps: readonly InstructionApp[]): [InstructionApp, InstructionApp] | undefined {
  const raw = process.env.BENCH_ATTRIBUTE
  if (raw === undefined || raw === '') return undefined
  const names = raw.split(',').map((name) => name.trim())
  if (names.length !== 2 || !names.every((name) => isInstructionApp(name) && apps.includes(name))) {
    throw new RangeError(`BENCH_ATTRIBUTE names two of the counted apps (${apps.join(', ')}), e.g. ours-500,default-500; received ${JSON.stringify(raw)}`)
  }
  return names as [InstructionApp, InstructionApp]
}

/** Rows shown of each side of the attribution table. */
const ATTRIBUTED_ROWS = 25

/**
 * One more process for each app of the pair, with `--perf-basic-prof`, and a table of where the
 * first app's instructions per answer differ from the second's, per function, outside V8's
 * compilers: the functions that cost it more, then those that cost it less. `--perf-basic-prof`
 * makes V8 log every piece of code it makes, which costs instructions of its own: these processes'
 * totals are not the table's above.
 */
async function printAttribution(pair: [InstructionApp, InstructionApp], apps: readonly InstructionApp[], warmup: number, count: number): Promise<void> {
  const [first, second] = await limited(pair.map((app) => () => countInstructions(warmup, count, app, apps, true)), 2)
  const perAnswer = (window: WindowCount | undefined, name: string): number => (window?.functions?.get(name) ?? 0) / count
  const names = new Set([...first!.functions!.keys(), ...second!.functions!.keys()].filter((name) => !COMPILER_FUNCTION.test(name)))
  const rows = [...names].map((name) => ({ name, a: perAnswer(first, name), b: perAnswer(second, name) })).sort((x, y) => y.a - y.b - (x.a - x.b))
  const total = rows.reduce((sum, row) => sum + row.a - row.b, 0)
  const show = (value: number): string => Math.round(value).toLocaleString('en-US')
  console.log(`\nWhere ${pair[0]}'s instructions per answer differ from ${pair[1]}'s, outside V8's compilers (one process each, --perf-basic-prof): ${show(total)} in all`)
  console.log(`| function (self cost) | ${pair[0]} | ${pair[1]} | difference |`)
  console.log('|---|---:|---:|---:|')
  const shown = [...rows.slice(0, ATTRIBUTED_ROWS), ...rows.slice(-ATTRIBUTED_ROWS).reverse().filter((row) => row.a - row.b < 0)]
  for (const row of shown) console.log(`| ${row.name.replaceAll('|', '\\|').slice(0, 120)} | ${show(row.a)} | ${show(row.b)} | ${show(row.a - row.b)} |`)
}

function printTable(runs: Run[]): void {
  const count = (value: number): string => Math.round(value).toLocaleString('en-US')
  console.log(
    `| app | instructions per answer (median of ${runs.length}) | ratio to its base (plain or plain+log; the check's figure) | spread of the ratio over runs | ` +
      "share spent in V8's compilers | outside the compilers, per answer | ratio | spread |",
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
  for (const app of Object.keys(runs[0]!.perAnswer)) {
    const whole = summary(runs.map((run) => ratiosOf(run.perAnswer)[app]!))
    const outside = summary(runs.map((run) => ratiosOf(run.outsideCompilers)[app]!))
    const compiling = median(runs.map((run) => 1 - run.outsideCompilers[app]! / run.perAnswer[app]!))
    console.log(
      `| ${app}: ${INSTRUCTION_APPS[app as InstructionApp].description} | ${count(median(runs.map((run) => run.perAnswer[app]!)))} | ` +
        `${fixed(whole.median, 3)}x | ${fixed(whole.spread * 100, 2)}% | ${fixed(compiling * 100, 0)}% | ` +
        `${count(median(runs.map((run) => run.outsideCompilers[app]!)))} | ${fixed(outside.median, 3)}x | ${fixed(outside.spread * 100, 2)}% |`,
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
  if (baseline !== undefined && baseline.built?.join(',') !== CHECKED_APPS.join(',')) {
    throw new Error(`bench:instructions: the baseline was recorded with other apps built (${String(baseline.built)}); record it again with \`npm run bench:instructions -- --update-baseline\``)
  }
  const warmup = baseline?.warmup ?? integerFromEnv('BENCH_WARMUP_REQUESTS', 1000, 0, 100_000)
  const count = baseline?.count ?? integerFromEnv('BENCH_COUNT', 1000, 10, 100_000)
  const apps = mode === undefined ? selectedApps() : CHECKED_APPS
  const runCount = mode === '--check' ? 1 : integerFromEnv('BENCH_RUNS', 1, 1, 20)
  const pair = mode === undefined ? attributedPair(apps) : undefined
  await bundleDriver()
  const runs: Run[] = []
  for (let run = 0; run < runCount; run++) {
    process.stderr.write(`bench:instructions: run ${run + 1} of ${runCount} (${apps.length} processes under callgrind)\n`)
    runs.push(await measureRun(apps, warmup, count))
  }
  console.log(`Node ${process.version}, ${warmup} warm-up requests per app, ${count} counted answers, V8 ${V8_FLAGS.join(' ')}`)
  printTable(runs)
  if (pair !== undefined) await printAttribution(pair, apps, warmup, count)

  if (mode === '--update-baseline') {
    const recorded: Baseline = {
      recorded: new Date().toISOString().slice(0, 10),
      node: process.version,
      warmup,
      count,
      runs: runs.length,
      built: apps,
      perAnswer: medians(runs, (run) => run.perAnswer),
      ratios: medians(runs, (run) => ratiosOf(run.perAnswer)),
      perAnswerOutsideCompilers: medians(runs, (run) => run.outsideCompilers),
    }
    writeFileSync(BASELINE, `${JSON.stringify(recorded, null, 2)}\n`)
    console.log(`wrote ${BASELINE}`)
  } else if (baseline !== undefined) {
    const ratio = ratiosOf(runs[0]!.perAnswer)['ours-throw']!
    const allowed = baseline.ratios['ours-throw']! * (1 + TOLERANCE)
    const verdict = `throw path ${fixed(ratio, 3)}x the plain reply's instructions; baseline ${fixed(baseline.ratios['ours-throw']!, 3)}x (recorded ${baseline.recorded} on Node ${baseline.node}), allowed up to ${fixed(allowed, 3)}x`
    if (ratio > allowed) {
      throw new Error(
        `bench:instructions: the throw path got more than ${TOLERANCE * 100}% costlier: ${verdict}.\n` +
          'If the cost is wanted, record a new baseline on purpose with `npm run bench:instructions -- --update-baseline` and say why in the commit.',
      )
    }
    console.log(`bench:instructions: ok, ${verdict}`)
    if (ratio < baseline.ratios['ours-throw']! * (1 - TOLERANCE)) {
      console.log('bench:instructions: the throw path got cheaper; `npm run bench:instructions -- --update-baseline` keeps the gain guarded.')
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
