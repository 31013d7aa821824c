/**
 * `npm run bench:paired`: the issue-4 targets measured in pairs, both servers of a pair loaded at
 * the same time on the same CPU. On a shared VM the speed of a core swings by tens of percent
 * within seconds (see BENCHMARKS.md), which a sequential run (`npm run bench`) can only average
 * out; here both sides of a ratio run through the same swings together, so the ratio of their
 * cost per request (requests per CPU-second) holds still.
 *
 * Both servers must be saturated for that to hold, and one load generator on one core cannot
 * keep two servers busy with one request in flight per connection, so each connection
 * pipelines `BENCH_PIPELINING` requests (default 4). That is a different load than a keep-alive
 * client's: this run complements `npm run bench`, it does not replace it.
 *
 * Settings: BENCH_REPLICAS (fresh process pairs per target, default 3), BENCH_ROUNDS, BENCH_DURATION,
 * BENCH_WARMUP, BENCH_CONNECTIONS (per server), BENCH_PIPELINING, BENCH_ONLY (parts of target
 * numerators, e.g. `ours-throw`), BENCH_MAX_SECONDS.
 */
import { readConfig } from './config.js'
import { loadServer } from './load.js'
import { pinProcesses } from './pin.js'
import { fixed } from './report.js'
import { median } from './stats.js'
import { TARGETS, type Target } from './targets.js'
import { runBounded, startServer, stopAll, type RunningServer } from './servers.js'
import { allVariants } from './variants.js'

/** Two processes of the very same app: how far from 1.00x this mode's noise alone moves a ratio. */
const CONTROL: Target = { description: 'control: the plain reply against itself', numerator: 'plain-control', denominator: 'plain', min: 0 }

interface PairResult {
  target: Target
  ratios: number[]
  /** The median ratio of each replica (a fresh pair of processes). */
  replicaRatios: number[]
  /** Server CPU µs per request of the numerator and of the denominator, per round. */
  costs: [number[], number[]]
  cpu: number[]
  faults: number
}

/**
 * Measures one pair: `replicas` times a fresh process of each side (two processes of the very
 * same app differ by up to ±15 % in this machine's sequential runs: memory layout and JIT
 * decisions are per process), each warmed up and then loaded for `rounds` rounds.
 */
async function measurePair(target: Target, prefix: readonly string[], replicas: number): Promise<PairResult> {
  const config = readConfig()
  const pipelining = Number(process.env.BENCH_PIPELINING ?? 4)
  const variants = [target.numerator, target.denominator].map((id) => allVariants().find((variant) => variant.id === id)!)
  const result: PairResult = { target, ratios: [], replicaRatios: [], costs: [[], []], cpu: [], faults: 0 }
  for (let replica = 0; replica < replicas; replica++) {
    const servers: RunningServer[] = []
    for (const variant of variants) servers.push(await startServer(variant, prefix))
    const loadBoth = (seconds: number) =>
      Promise.all(servers.map((server) => loadServer(server, seconds, config.connections, pipelining)))
    try {
      if (config.warmup > 0) await loadBoth(config.warmup)
      const ratios: number[] = []
      for (let round = 0; round < config.rounds; round++) {
        const [numerator, denominator] = await loadBoth(config.duration)
        ratios.push(numerator!.perCpuSecond / denominator!.perCpuSecond)
        result.costs[0].push(1e6 / numerator!.perCpuSecond)
        result.costs[1].push(1e6 / denominator!.perCpuSecond)
        result.cpu.push((numerator!.serverCpu ?? Number.NaN) + (denominator!.serverCpu ?? Number.NaN))
        result.faults += numerator!.faults + denominator!.faults
      }
      result.ratios.push(...ratios)
      result.replicaRatios.push(median(ratios))
    } finally {
      await stopAll()
    }
  }
  return result
}

async function measureAll(): Promise<void> {
  const config = readConfig()
  const pinning = pinProcesses(config.serverCpu, config.clientCpu)
  if (!pinning.pinned) throw new Error(`the paired run needs pinning (${pinning.reason}): both servers must share one CPU`)
  const targets = [CONTROL, ...TARGETS].filter(
    (target) => config.only.length === 0 || config.only.some((part) => target.numerator.includes(part)),
  )
  const replicas = Number(process.env.BENCH_REPLICAS ?? 3)
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 20) throw new RangeError('BENCH_REPLICAS must be an integer from 1 to 20')
  const results: PairResult[] = []
  for (const target of targets) {
    process.stderr.write(`${target.numerator} with ${target.denominator}\n`)
    results.push(await measurePair(target, pinning.serverPrefix, replicas))
  }
  console.log(
    `${replicas} replicas (fresh processes) x ${config.rounds} rounds of ${config.duration}s per pair, both servers on CPU ${config.serverCpu} at once, ` +
      `${config.connections} connections each, pipelining ${process.env.BENCH_PIPELINING ?? 4}`,
  )
  console.log('')
  console.log('| target | µs/request | ratio (req per CPU-s) | range of rounds | per replica | CPU of the pair | needed | met | bad |')
  console.log('|---|---:|---:|---|---|---:|---:|---|---:|')
  for (const { target, ratios, replicaRatios, costs, cpu, faults } of results) {
    const ratio = median(ratios)
    console.log(
      `| ${target.description} (${target.numerator} / ${target.denominator}) | ` +
        `${fixed(median(costs[0]), 1)} / ${fixed(median(costs[1]), 1)} | ${fixed(ratio)}x | ` +
        `${fixed(Math.min(...ratios))}–${fixed(Math.max(...ratios))} | ${replicaRatios.map((value) => fixed(value)).join(', ')} | ` +
        `${Math.round(median(cpu) * 100)}% | ` +
        `${target === CONTROL ? 'noise' : `≥ ${target.min}x`} | ${target === CONTROL ? '' : ratio >= target.min ? 'yes' : 'NO'} | ${faults} |`,
    )
  }
}

runBounded(readConfig().maxSeconds, measureAll)
