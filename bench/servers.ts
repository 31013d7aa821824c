/**
 * Starting and stopping the benchmark servers. Every child is tracked by its PID and only those
 * PIDs are ever signalled; a server also exits by itself when its IPC channel to the harness closes.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ServerMessage } from './server.js'
import type { Variant } from './variants.js'

/** A started server. */
export interface RunningServer {
  variant: Variant
  child: ChildProcess
  pid: number
  port: number
}

const SERVER_ENTRY = fileURLToPath(new URL('./server.ts', import.meta.url))
const START_TIMEOUT_MS = 30_000
const STOP_GRACE_MS = 2_000

const started = new Set<ChildProcess>()

function nextMessage(child: ChildProcess, type: ServerMessage['type'], timeoutMs: number): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs)
    const onMessage = (message: ServerMessage): void => {
      if (message.type === 'failed') finish(new Error(message.message))
      else if (message.type === type) finish(undefined, message)
    }
    const onExit = (code: number | null): void => finish(new Error(`server exited (code ${code}) before "${type}"`))
    function finish(error: Error | undefined, message?: ServerMessage): void {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (error) reject(error)
      else resolve(message!)
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/** Starts the server for `variant` (pinned through `prefix`) and waits until it listens. */
export async function startServer(variant: Variant, prefix: readonly string[]): Promise<RunningServer> {
  const node = [process.execPath, '--expose-gc', '--import', 'tsx', SERVER_ENTRY, variant.id]
  const [command, ...args] = [...prefix, ...node]
  const child = spawn(command!, args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  started.add(child)
  child.once('exit', () => started.delete(child))
  if (child.pid === undefined) throw new Error(`could not start ${variant.id}`)
  const message = await nextMessage(child, 'listening', START_TIMEOUT_MS)
  return { variant, child, pid: child.pid, port: (message as { port: number }).port }
}

/** Sends `request` to the server and resolves its answer of type `answer`. */
export async function ask(
  server: RunningServer,
  request: { type: string },
  answer: ServerMessage['type'],
  timeoutMs = 10_000,
): Promise<ServerMessage> {
  const reply = nextMessage(server.child, answer, timeoutMs)
  server.child.send(request)
  return reply
}

/** The server's live heap in bytes after a forced full GC. */
export async function heapUsed(server: RunningServer): Promise<number> {
  return ((await ask(server, { type: 'heap' }, 'heap')) as { heapUsed: number }).heapUsed
}

/** Stops every server this harness started: SIGTERM to each PID, SIGKILL after a grace period. */
export async function stopAll(): Promise<void> {
  const children = [...started]
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
          child.once('exit', () => {
            clearTimeout(timer)
            resolve()
          })
          child.kill('SIGTERM')
        }),
    ),
  )
}

/**
 * Runs a harness's `main` bounded by `maxSeconds` and stopped by SIGINT/SIGTERM: whichever way it
 * ends, every server it started is stopped. A failure is printed and sets exit code 1.
 */
export function runBounded(maxSeconds: number, main: () => Promise<void>): void {
  const deadline = setTimeout(() => {
    process.stderr.write(`BENCH_MAX_SECONDS (${maxSeconds}s) reached: stopping\n`)
    void stopAll().then(() => process.exit(2))
  }, maxSeconds * 1000)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(130)))
  }
  main()
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = 1
    })
    .finally(() => {
      clearTimeout(deadline)
      return stopAll()
    })
}
