/**
 * `npm run bench`: starts every variant as its own server process pinned to one CPU, loads each
 * from this process pinned to another, in interleaved rounds (A B C ... A B C ...), and prints
 * median req/s, p99 latency, ratios and the issue-4 targets. Bounded by BENCH_MAX_SECONDS; it
 * only ever signals the PIDs it started. Settings: see bench/config.ts.
 */
import { cpus, loadavg } from 'node:os'
import { writeFileSync } from 'node:fs'
import { LIBRARY_SOURCE } from './apps/library.js'
import { readConfig } from './config.js'
import { loadServer } from './load.js'
import { pinProcesses } from './pin.js'
import { targetTable, variantTable, type VariantResults } from './report.js'
import { heapUsed, runBounded, startServer, type RunningServer } from './servers.js'
import { hasExpressAdapter, selectVariants } from './variants.js'

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
}

async function measure(): Promise<void> {
  const config = readConfig()
  const pinning = pinProcesses(config.serverCpu, config.clientCpu)
  const variants = selectVariants(config.only)
  const estimate = Math.ceil(variants.length * (config.warmup + config.rounds * config.duration) * 1.1 + variants.length)
  log(
    `${variants.length} variants, ${config.rounds} rounds of ${config.duration}s, ${config.connections} connections, ` +
      `about ${estimate}s; ${pinning.pinned ? `servers on CPU ${config.serverCpu}, load on CPU ${config.clientCpu}` : `unpinned (${pinning.reason})`}`,
  )
  if (estimate > config.maxSeconds) log(`warning: that is more than BENCH_MAX_SECONDS (${config.maxSeconds}s); the run will be cut off`)
  if (!hasExpressAdapter()) log('src/express does not exist: the Express pair is skipped')
  const loadBefore = loadAverage()

  const servers: RunningServer[] = []
  for (const variant of variants) servers.push(await startServer(variant, pinning.serverPrefix))
  const results = new Map<string, VariantResults>(
    servers.map((server) => [
      server.variant.id,
      { variant: server.variant, rps: [], p99: [], serverCpu: [], efficiency: [], faults: 0, heapGrowth: undefined, requests: 0 },
    ]),
  )

  if (config.warmup > 0) {
    for (const server of servers) await loadServer(server, config.warmup, config.connections)
  }
  const heapBefore = new Map<string, number>()
  for (const server of servers) heapBefore.set(server.variant.id, await heapUsed(server))

  for (let round = 1; round <= config.rounds; round++) {
    log(`round ${round}/${config.rounds} (load average ${loadAverage()})`)
    for (const server of servers) {
      const outcome = await loadServer(server, config.duration, config.connections)
      const result = results.get(server.variant.id)!
      result.rps.push(outcome.rps)
      result.p99.push(outcome.p99)
      result.serverCpu.push(outcome.serverCpu)
      result.efficiency.push(outcome.perCpuSecond)
      result.faults += outcome.faults
      result.requests += outcome.rps * config.duration
    }
  }
  for (const server of servers) {
    const result = results.get(server.variant.id)!
    result.heapGrowth = (await heapUsed(server)) - heapBefore.get(server.variant.id)!
  }

  const all = [...results.values()]
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log(`Node ${process.version}, ${cpu}, ${cpus().length} CPUs; load average before ${loadBefore}, after ${loadAverage()}`)
  console.log(`http-problems loaded from ${LIBRARY_SOURCE}`)
  console.log(
    `${config.rounds} interleaved rounds of ${config.duration}s after ${config.warmup}s warm-up, ${config.connections} connections, ` +
      (pinning.pinned ? `servers pinned to CPU ${config.serverCpu}, autocannon to CPU ${config.clientCpu}` : `unpinned: ${pinning.reason}`),
  )
  console.log('')
  console.log(variantTable(all))
  console.log('')
  console.log(targetTable(all))
  if (config.jsonOut !== undefined) writeFileSync(config.jsonOut, `${JSON.stringify({ config, results: all }, null, 2)}\n`)
}

runBounded(readConfig().maxSeconds, measure)
