/**
 * `npm run bench:gc -- <variant> <variant> ...`: garbage collections per 10,000 answers of each
 * variant over real sockets (127.0.0.1), under the load `npm run bench:paired` puts on a server
 * (`BENCH_CONNECTIONS` connections, each pipelining `BENCH_PIPELINING` requests). Each server is
 * its own process; a fixed number of answers (`GC_ANSWERS`, after `GC_WARMUP` unrecorded ones)
 * is sent, so the counts depend on what the answers allocate, not on how fast the machine is.
 *
 * Why it exists: in-process runs (`bench:ab`, `bench:instructions`) answer one request at a time,
 * so each answer's objects die young. Over sockets many requests are in flight, a collection finds
 * more of them alive, and what survives two scavenges is promoted: an answer that allocates more
 * can then fill the old generation and cause full mark-compact collections, which no in-process
 * figure shows (BENCHMARKS.md, "Hono and Koa: the wire shape and the library").
 *
 * Bounded: each load run stops after its answers; the run stops after BENCH_MAX_SECONDS; it ends
 * only the servers it started.
 */
import autocannon from 'autocannon'
import { readConfig } from './config.js'
import { fixed } from './report.js'
import type { GcCounts } from './server.js'
import { ask, runBounded, startServer } from './servers.js'
import { allVariants, LOAD_PATH } from './variants.js'

function integerFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1 || value > 10_000_000) throw new RangeError(`${name} must be an integer from 1 to 10000000`)
  return value
}

async function main(): Promise<void> {
  const ids = process.argv.slice(2)
  const variants = ids.map((id) => allVariants().find((variant) => variant.id === id))
  if (ids.length === 0 || variants.includes(undefined)) {
    throw new RangeError(`name variants of ${allVariants().map((variant) => variant.id).join(', ')}`)
  }
  const config = readConfig()
  const pipelining = integerFromEnv('BENCH_PIPELINING', 4)
  const answers = integerFromEnv('GC_ANSWERS', 40_000)
  const warmup = integerFromEnv('GC_WARMUP', 20_000)
  const per = (count: number) => fixed((count * 10_000) / answers, 1)
  console.log(`${answers} answers after ${warmup} unrecorded, ${config.connections} connections, pipelining ${pipelining}`)
  console.log('| variant | scavenges per 10,000 answers | mark-compacts | other | GC ms per 10,000 (rough) | bad |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const variant of variants as NonNullable<(typeof variants)[number]>[]) {
    const server = await startServer(variant, [])
    const load = (amount: number) =>
      autocannon({ url: `http://127.0.0.1:${server.port}${LOAD_PATH}`, connections: config.connections, pipelining, amount })
    await load(warmup)
    const before = ((await ask(server, { type: 'gc' }, 'gc')) as { counts: GcCounts }).counts
    const result = await load(answers)
    const after = ((await ask(server, { type: 'gc' }, 'gc')) as { counts: GcCounts }).counts
    const expected = result.statusCodeStats?.[`${variant.status}` as `${number}`]?.count ?? 0
    const bad = result.requests.total - expected + result.errors + result.timeouts
    console.log(
      `| ${variant.id} | ${per(after.minor - before.minor)} | ${per(after.major - before.major)} | ${per(after.other - before.other)} | ` +
        `${fixed(((after.ms - before.ms) * 10_000) / answers, 1)} | ${bad} |`,
    )
    server.child.kill('SIGTERM')
  }
}

runBounded(Number(process.env.BENCH_MAX_SECONDS ?? 900), main)
