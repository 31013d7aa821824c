/**
 * The server side of `npm run bench:profile`: V8's sampling CPU profiler through `node:inspector`,
 * started and stopped on the harness's request, so a profile covers exactly the measured load and
 * neither start-up nor warm-up.
 */
import { Session } from 'node:inspector/promises'

/** Microseconds between samples: fine enough to see functions that take a few µs per request. */
const SAMPLING_INTERVAL_US = 50

let session: Session | undefined

/** Starts sampling (once; a second call while sampling is refused by the inspector). */
export async function startProfiling(): Promise<void> {
  session ??= new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US })
  await session.post('Profiler.start')
}

/** Stops sampling and returns the profile as `.cpuprofile` JSON. */
export async function stopProfiling(): Promise<string> {
  if (session === undefined) throw new Error('the profiler was not started')
  const { profile } = await session.post('Profiler.stop')
  session.disconnect()
  session = undefined
  return JSON.stringify(profile)
}
