/**
 * One benchmark server: `node --expose-gc --import tsx bench/server.ts <variant-id>`. Started by
 * bench/run.ts with an IPC channel; it reports its port, answers heap queries, and exits as soon
 * as the channel closes, so a harness that dies never leaves a server behind.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks'
import type { FastifyAppName } from './apps/fastify-apps.js'
import { startProfiling, stopProfiling } from './profiler.js'
import { allVariants, type Variant } from './variants.js'

/** Messages between harness and server. */
export type ServerMessage =
  | { type: 'listening'; port: number }
  | { type: 'heap'; heapUsed: number }
  | { type: 'failed'; message: string }
  | { type: 'profiling' }
  | { type: 'profile'; profile: string }
  | { type: 'gc'; counts: GcCounts }

/** Garbage collections since the server started, by kind, and the time they took. */
export interface GcCounts {
  /** Young-generation collections (scavenges): as many as what the answers allocate fills new space. */
  minor: number
  /** Full mark-sweep-compact collections: the old generation filled, with objects promoted from the young. */
  major: number
  /** Incremental marking steps and other kinds. */
  other: number
  /** Milliseconds all of them took (wall time: on a shared core, only a rough figure). */
  ms: number
}

const gcCounts: GcCounts = { minor: 0, major: 0, other: 0, ms: 0 }

/** Counts every collection from now on (`npm run bench:gc` reads them). */
function countCollections(): void {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = ((entry as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gcCounts.minor++
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gcCounts.major++
      else gcCounts.other++
      gcCounts.ms += entry.duration
    }
  }).observe({ entryTypes: ['gc'] })
}

/** Loads only the framework the variant needs, so a Fastify server never has Express, Hono or Koa in memory. */
async function listen(variant: Variant): Promise<number> {
  if (variant.framework === 'fastify') {
    const { listenFastify } = await import('./apps/fastify-apps.js')
    return listenFastify(variant.app as FastifyAppName, variant.logging)
  }
  if (variant.framework === 'express') {
    const { listenExpress } = await import('./apps/express-apps.js')
    return listenExpress(variant.app, variant.logging)
  }
  const { listenWebFramework } = await import('./apps/web-framework-apps.js')
  return listenWebFramework(variant.app, variant.logging)
}

/** Live heap after a full collection, so the harness can see whether errors leave garbage that survives. */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  return process.memoryUsage().heapUsed
}

async function main(): Promise<void> {
  // tsx turns source maps on; they make every stack formatting (each logged 5xx, each stack the
  // default handlers log) far slower than in production, which would skew the comparison.
  process.setSourceMapsEnabled(false)
  const send = process.send?.bind(process)
  if (send === undefined) throw new Error('bench/server.ts is started by bench/run.ts (it needs an IPC channel)')
  process.on('disconnect', () => process.exit(0))
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'heap') send({ type: 'heap', heapUsed: heapAfterGc() } satisfies ServerMessage)
    if (message.type === 'gc') send({ type: 'gc', counts: { ...gcCounts } } satisfies ServerMessage)
    if (message.type === 'profile-start') void startProfiling().then(() => send({ type: 'profiling' } satisfies ServerMessage))
    if (message.type === 'profile-stop') {
      void stopProfiling().then((profile) => send({ type: 'profile', profile } satisfies ServerMessage))
    }
  })
  const id = process.argv[2]
  const variant = allVariants().find((candidate) => candidate.id === id)
  if (variant === undefined) throw new Error(`unknown variant ${JSON.stringify(id)}`)
  const port = await listen(variant)
  countCollections()
  send({ type: 'listening', port } satisfies ServerMessage)
}

main().catch((error: unknown) => {
  process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  process.exitCode = 1
  process.disconnect?.()
})
