/**
 * `npm run bench:profile`: where a variant's server spends its CPU, per request. Each selected
 * variant runs alone, pinned like in `npm run bench`; after a warm-up, V8's sampling profiler
 * covers one timed load run, and the table gives each function's self time divided by the
 * requests answered in that run: µs of server CPU per request, comparable across variants.
 * Profiles are written to `.bench-results/<variant>.cpuprofile` (open them in Chrome DevTools).
 *
 * Settings: BENCH_ONLY (variant ids, exact, comma-separated; required), BENCH_DURATION,
 * BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_MAX_SECONDS, PROFILE_TOP (rows per variant, default 25).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { readConfig } from './config.js'
import { loadServer } from './load.js'
import { pinProcesses } from './pin.js'
import { summarize } from './profile-summary.js'
import { ask, runBounded, startServer, stopAll } from './servers.js'
import { allVariants } from './variants.js'

const RESULTS_DIR = new URL('../.bench-results/', import.meta.url)

async function profileAll(): Promise<void> {
  const config = readConfig()
  const top = Number(process.env.PROFILE_TOP ?? 25)
  const variants = allVariants().filter((variant) => config.only.includes(variant.id))
  if (variants.length === 0) throw new Error('BENCH_ONLY must name variant ids exactly, e.g. BENCH_ONLY=ours-throw,plain')
  const pinning = pinProcesses(config.serverCpu, config.clientCpu)
  mkdirSync(RESULTS_DIR, { recursive: true })
  for (const variant of variants) {
    const server = await startServer(variant, pinning.serverPrefix)
    try {
      if (config.warmup > 0) await loadServer(server, config.warmup, config.connections)
      await ask(server, { type: 'profile-start' }, 'profiling')
      const outcome = await loadServer(server, config.duration, config.connections)
      const answer = await ask(server, { type: 'profile-stop' }, 'profile', 60_000)
      const profile = (answer as { profile: string }).profile
      writeFileSync(new URL(`${variant.id}.cpuprofile`, RESULTS_DIR), profile)
      const requests = Math.round(outcome.rps * config.duration)
      console.log(`\n## ${variant.id}: ${Math.round(outcome.rps)} req/s, ${requests} requests, bad ${outcome.faults}`)
      console.log(summarize(JSON.parse(profile), requests, top))
    } finally {
      await stopAll()
    }
  }
}

runBounded(readConfig().maxSeconds, profileAll)
