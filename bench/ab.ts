/**
 * `npm run bench:ab -- <app> <app> ...`: server CPU per answer of Fastify apps (`FASTIFY_APPS`),
 * in one process, through `inject()` (no sockets), batches of the apps interleaved so that the
 * swings of a shared core hit each app alike; the median batch per app, and each app's throughput
 * relative to the first one. What it shows is the error path's own cost, without the kernel's and
 * the HTTP parser's share that a socket run adds to both sides (so ratios here are further from 1
 * than over sockets). `LOG=1` gives every app pino at info to /dev/null.
 * Settings: AB_BATCH (answers per batch, default 500), AB_ROUNDS (default 20).
 */
import { FASTIFY_APPS, type FastifyAppName } from './apps/fastify-apps.js'
import { BENCH_PATH } from './apps/members.js'
import { median } from './stats.js'

// tsx turns source maps on; production stack handling runs without them.
process.setSourceMapsEnabled(false)

const names = process.argv.slice(2) as FastifyAppName[]
const unknown = names.filter((name) => !(name in FASTIFY_APPS))
if (names.length === 0 || unknown.length > 0) {
  throw new RangeError(`name apps of ${Object.keys(FASTIFY_APPS).join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`)
}
const batch = Number(process.env.AB_BATCH ?? 500)
const rounds = Number(process.env.AB_ROUNDS ?? 20)
if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) throw new RangeError('AB_BATCH must be 1..100000')
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000) throw new RangeError('AB_ROUNDS must be 1..1000')

const apps = []
for (const name of names) {
  const app = await FASTIFY_APPS[name](process.env.LOG === '1')
  await app.ready()
  apps.push(app)
}
const costs: number[][] = names.map(() => [])
// Three unrecorded rounds first: every app warmed up and optimized before anything counts.
for (let round = -3; round < rounds; round++) {
  for (const [index, app] of apps.entries()) {
    const start = process.cpuUsage()
    for (let answer = 0; answer < batch; answer++) await app.inject({ method: 'GET', url: BENCH_PATH })
    const used = process.cpuUsage(start)
    if (round >= 0) costs[index]!.push((used.user + used.system) / batch)
  }
}
const first = median(costs[0]!)
console.log(`| app | µs CPU per answer (median of ${rounds} batches of ${batch}) | throughput vs ${names[0]} |`)
console.log('|---|---:|---:|')
for (const [index, name] of names.entries()) {
  const cost = median(costs[index]!)
  console.log(`| ${name} | ${cost.toFixed(1)} | ${(first / cost).toFixed(3)}x |`)
}
for (const app of apps) await app.close()
