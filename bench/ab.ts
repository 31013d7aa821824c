/**
 * `npm run bench:ab -- <app> <app> ...`: server CPU per answer of the benchmark apps (Fastify's
 * `FASTIFY_APPS`, the Express, Hono and Koa variants), in one process, through `inject()` (Fastify's
 * own, light-my-request for the others' Node request listeners: no sockets), batches of the apps interleaved so that the
 * swings of a shared core hit each app alike; the median batch per app, and each app's throughput
 * relative to the first one. What it shows is the error path's own cost, without the kernel's and
 * the HTTP parser's share that a socket run adds to both sides (so ratios here are further from 1
 * than over sockets). `LOG=1` gives every app pino at info to /dev/null.
 * Settings: AB_BATCH (answers per batch, default 500), AB_ROUNDS (default 20).
 */
import { inject } from 'light-my-request'
import { EXPRESS_APP_NAMES, buildExpress } from './apps/express-apps.js'
import { FASTIFY_APPS, type FastifyAppName } from './apps/fastify-apps.js'
import { BENCH_PATH } from './apps/members.js'
import { WEB_FRAMEWORK_LISTENERS } from './apps/web-framework-apps.js'
import { median } from './stats.js'

// tsx turns source maps on; production stack handling runs without them.
process.setSourceMapsEnabled(false)

/** One app under test: answers one request, in process; closes when done. */
interface InProcessApp {
  answer(): Promise<unknown>
  close(): Promise<unknown>
}

async function inProcessApp(name: string, logging: boolean): Promise<InProcessApp> {
  if (name in FASTIFY_APPS) {
    const app = await FASTIFY_APPS[name as FastifyAppName](logging)
    await app.ready()
    return { answer: () => app.inject({ method: 'GET', url: BENCH_PATH }), close: () => app.close() }
  }
  const listener = EXPRESS_APP_NAMES.includes(name) ? buildExpress(name, logging) : WEB_FRAMEWORK_LISTENERS[name]?.(logging)
  if (listener === undefined) throw new RangeError(`unknown app ${name}`)
  return { answer: () => inject(listener, { method: 'GET', url: BENCH_PATH }), close: async () => undefined }
}

const known = [...Object.keys(FASTIFY_APPS), ...EXPRESS_APP_NAMES, ...Object.keys(WEB_FRAMEWORK_LISTENERS)]
const names = process.argv.slice(2)
const unknown = names.filter((name) => !known.includes(name))
if (names.length === 0 || unknown.length > 0) {
  throw new RangeError(`name apps of ${known.join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`)
}
const batch = Number(process.env.AB_BATCH ?? 500)
const rounds = Number(process.env.AB_ROUNDS ?? 20)
if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) throw new RangeError('AB_BATCH must be 1..100000')
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000) throw new RangeError('AB_ROUNDS must be 1..1000')

const apps: InProcessApp[] = []
for (const name of names) apps.push(await inProcessApp(name, process.env.LOG === '1'))
const costs: number[][] = names.map(() => [])
// Three unrecorded rounds first: every app warmed up and optimized before anything counts.
for (let round = -3; round < rounds; round++) {
  for (const [index, app] of apps.entries()) {
    const start = process.cpuUsage()
    for (let answer = 0; answer < batch; answer++) await app.answer()
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
