/**
 * The process `npm run bench:instructions` runs under callgrind, once per measured app. It builds
 * the listed apps (the same list in every process of a run, so that each starts its counted
 * answers from the same kind of heap), answers `WARMUP` requests on each, collects garbage, then
 * counts only its window: it asks callgrind itself (`callgrind_control`, through valgrind's
 * gdbserver) to zero the counters, answers `COUNT` requests on the measured app, and to dump them.
 * Start-up, module loading and warm-up are never counted, so no base process is subtracted: the
 * base varied by 0.2 % from run to run (timers, the OS random source behind the UUIDs), which was
 * 3 to 5 % of a plain answer after the subtraction.
 *
 * Each `callgrind_control` call starts a child process; the instructions that costs on this side
 * of the zero and of the dump are counted too, so the driver first dumps an empty window (zero,
 * dump), and the harness subtracts it.
 *
 * It is bundled by the harness into one ES module (bench/.build/) before it runs, so that no
 * TypeScript loader (tsx compiles on a worker thread) makes the count depend on timing.
 * Requests go through `inject()` (Fastify's, or light-my-request's for the Node request listeners
 * of Express, Hono and Koa): in-process, no sockets, nothing the kernel does is counted. Those
 * frameworks' apps are imported only by a process that builds one, so a run of Fastify apps alone
 * loads the same code as before they were added.
 */
import { execFileSync } from 'node:child_process'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { FASTIFY_APPS } from '../apps/fastify-apps.js'
import { BENCH_PATH } from '../apps/members.js'
import { COUNTED_WINDOW, EMPTY_WINDOW, INSTRUCTION_APPS, isInstructionApp, type InstructionApp, type InstructionAppSpec } from './apps.js'

/** One request to the app, answered in-process: its status. */
type Answer = () => Promise<{ statusCode: number }>

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown

async function buildApp(spec: InstructionAppSpec): Promise<Answer> {
  if ('app' in spec) {
    const app = await FASTIFY_APPS[spec.app](spec.logging)
    await app.ready()
    return () => app.inject({ method: 'GET', url: BENCH_PATH })
  }
  const { inject } = await import('light-my-request')
  let listener: Listener | undefined
  if (spec.listener === 'express') {
    const { buildExpress } = await import('../apps/express-apps.js')
    listener = buildExpress(spec.variant, spec.logging)
  } else {
    const { WEB_FRAMEWORK_LISTENERS } = await import('../apps/web-framework-apps.js')
    listener = WEB_FRAMEWORK_LISTENERS[spec.variant]?.(spec.logging)
  }
  if (listener === undefined) throw new RangeError(`unknown ${spec.listener} variant ${spec.variant}`)
  const dispatch = listener
  return () => inject(dispatch, { method: 'GET', url: BENCH_PATH })
}

async function answer(app: Answer, expected: number, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const response = await app()
    if (response.statusCode !== expected) throw new Error(`expected ${expected}, received ${response.statusCode}`)
  }
}

/** `gc()` as `--expose-gc` provides it. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (typeof gc !== 'function') throw new Error('the driver needs node --expose-gc')
  gc()
}

/** Sends callgrind a command about this process; returns once callgrind has carried it out. */
function callgrind(...command: string[]): void {
  execFileSync('callgrind_control', [...command, String(process.pid)], { stdio: 'ignore' })
}

async function main(): Promise<void> {
  const [warmupArg, countArg, measured, builtArg] = process.argv.slice(2)
  const warmup = Number(warmupArg)
  const count = Number(countArg)
  const built = (builtArg ?? '').split(',')
  if (!Number.isInteger(warmup) || !Number.isInteger(count) || warmup < 0 || count < 1 || measured === undefined) {
    throw new RangeError('usage: driver WARMUP COUNT APP BUILT_APPS (comma-separated, APP among them)')
  }
  if (!built.every(isInstructionApp) || !isInstructionApp(measured) || !built.includes(measured)) {
    throw new RangeError(`unknown app, or ${measured} not among the built apps ${builtArg}`)
  }
  const apps = new Map<InstructionApp, Answer>()
  for (const name of built) apps.set(name, await buildApp(INSTRUCTION_APPS[name]))
  for (const [name, app] of apps) await answer(app, INSTRUCTION_APPS[name].expected, warmup)
  // A full collection right before the window, in every process: without it, whether a major GC
  // fell inside an app's counted answers depended on how much everything before had allocated.
  collectGarbage()
  // The harness starts callgrind with instrumentation off (`--instr-atstart=no`): start-up and
  // warm-up then run several times faster, and are not counted anyway.
  callgrind('--instr=on')
  callgrind('--zero')
  callgrind(`--dump=${EMPTY_WINDOW}`)
  callgrind('--zero')
  await answer(apps.get(measured)!, INSTRUCTION_APPS[measured].expected, count)
  callgrind(`--dump=${COUNTED_WINDOW}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
