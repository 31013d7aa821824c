/**
 * The process `npm run bench:instructions` runs under callgrind. It builds every measured app,
 * answers `WARMUP` requests on each (the same work in every process), then `COUNT` more on one
 * app. The harness runs it once with no measured app (the base) and once per app, so that
 * subtracting the base leaves the instructions of `COUNT` answers of that app alone: start-up,
 * module loading and warm-up cancel out.
 *
 * It is bundled by the harness into one ES module (bench/.build/) before it runs, so that no
 * TypeScript loader (tsx compiles on a worker thread) makes the count depend on timing.
 * Requests go through `inject()`: in-process, no sockets, nothing the kernel does is counted.
 */
import type { FastifyInstance } from 'fastify'
import { FASTIFY_APPS } from '../apps/fastify-apps.js'
import { BENCH_PATH } from '../apps/members.js'
import { INSTRUCTION_APPS, type InstructionApp } from './apps.js'

async function answer(app: FastifyInstance, expected: number, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const response = await app.inject({ method: 'GET', url: BENCH_PATH })
    if (response.statusCode !== expected) throw new Error(`expected ${expected}, received ${response.statusCode}`)
  }
}

/** `gc()` as `--expose-gc` provides it. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (typeof gc !== 'function') throw new Error('the driver needs node --expose-gc')
  gc()
}

async function main(): Promise<void> {
  const [warmupArg, countArg, measured] = process.argv.slice(2)
  const warmup = Number(warmupArg)
  const count = Number(countArg)
  if (!Number.isInteger(warmup) || !Number.isInteger(count) || warmup < 0 || count < 0) {
    throw new RangeError('usage: driver WARMUP COUNT [APP]')
  }
  if (measured !== undefined && !(measured in INSTRUCTION_APPS)) throw new RangeError(`unknown app ${measured}`)
  const apps = new Map<string, { app: FastifyInstance; expected: number }>()
  for (const [name, { expected }] of Object.entries(INSTRUCTION_APPS)) {
    const app = await FASTIFY_APPS[name as InstructionApp](false)
    await app.ready()
    apps.set(name, { app, expected })
  }
  for (const { app, expected } of apps.values()) await answer(app, expected, warmup)
  // A full collection here, in the base process and in each app's: without it, whether one major
  // GC falls inside an app's counted answers depended on how much everything before had allocated,
  // and moved an app's count by up to 25 % after unrelated changes (measured).
  collectGarbage()
  if (measured !== undefined) {
    const { app, expected } = apps.get(measured)!
    await answer(app, expected, count)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
