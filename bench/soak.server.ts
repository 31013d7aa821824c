/**
 * The soak's server: `node --expose-gc --import tsx bench/soak.server.ts`, started by bench/soak.ts
 * with an IPC channel. It serves the soak app on 127.0.0.1, logs through pino into /dev/null (the
 * logging costs CPU, not disk), answers heap queries after a full collection, counts unhandled
 * rejections, and exits as soon as the channel closes, so a driver that dies leaves nothing behind.
 */
import pino from 'pino'
import { buildSoakApp } from './soak.app.js'

/** Messages from the server to the driver. */
export type SoakServerMessage =
  | { type: 'listening'; port: number }
  | { type: 'heap'; heapUsed: number; unhandledRejections: number; problems: number }
  | { type: 'failed'; message: string }

let unhandledRejections = 0
let problems = 0

/** Live heap after full collections: what survives is what the requests left behind. */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('start the soak server with --expose-gc')
  // Twice: the first pass can leave objects whose finalizers free more.
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

async function main(): Promise<void> {
  const send = process.send?.bind(process)
  if (send === undefined) throw new Error('bench/soak.server.ts is started by bench/soak.ts (it needs an IPC channel)')
  process.on('disconnect', () => process.exit(0))
  process.on('unhandledRejection', () => void (unhandledRejections += 1))
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'heap') send({ type: 'heap', heapUsed: heapAfterGc(), unhandledRejections, problems } satisfies SoakServerMessage)
  })
  const app = await buildSoakApp(pino.destination({ dest: '/dev/null', sync: false }), () => void (problems += 1))
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  send({ type: 'listening', port } satisfies SoakServerMessage)
}

main().catch((error: unknown) => {
  process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  process.exitCode = 1
  process.disconnect?.()
})
