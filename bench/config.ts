/**
 * Benchmark settings, all from the environment so a quick run and a careful run use the same
 * harness. Every value is bounded: the harness must stop by itself, whatever is configured.
 */

/** Settings of one `npm run bench` run. */
export interface BenchConfig {
  /** Seconds of load per measured round of one variant. */
  duration: number
  /** Seconds of untimed load per variant before the first round (lets the JIT settle). */
  warmup: number
  /** Interleaved rounds: A B C ... A B C ...; the table shows medians. */
  rounds: number
  /** Concurrent connections autocannon keeps open. */
  connections: number
  /** CPU the servers are pinned to, and the CPU the load generator is pinned to. */
  serverCpu: number
  clientCpu: number
  /** Only variants whose id contains one of these strings (comma-separated), or all. */
  only: string[]
  /** Hard limit for the whole run, in seconds; the run aborts and cleans up when reached. */
  maxSeconds: number
  /** Where to write the results as JSON, or undefined. */
  jsonOut: string | undefined
}

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a number from ${min} to ${max}, received ${JSON.stringify(raw)}`)
  }
  return value
}

/** Reads `BENCH_*` variables; throws on a value out of range rather than guessing. */
export function readConfig(): BenchConfig {
  return {
    duration: numberFromEnv('BENCH_DURATION', 3, 1, 60),
    warmup: numberFromEnv('BENCH_WARMUP', 2, 0, 60),
    rounds: numberFromEnv('BENCH_ROUNDS', 3, 1, 25),
    connections: numberFromEnv('BENCH_CONNECTIONS', 50, 1, 1000),
    serverCpu: numberFromEnv('BENCH_SERVER_CPU', 0, 0, 1023),
    clientCpu: numberFromEnv('BENCH_CLIENT_CPU', 1, 0, 1023),
    only: (process.env.BENCH_ONLY ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
    maxSeconds: numberFromEnv('BENCH_MAX_SECONDS', 900, 10, 7200),
    jsonOut: process.env.BENCH_JSON === '' ? undefined : process.env.BENCH_JSON,
  }
}
