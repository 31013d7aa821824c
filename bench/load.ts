/**
 * One timed load run with autocannon against one server on 127.0.0.1, and what the table needs
 * from it: completed requests per second, p99 latency, the server's CPU use and whether every
 * response had the status the variant must answer with.
 */
import autocannon from 'autocannon'
import { cpuSeconds } from './cpu-time.js'
import type { RunningServer } from './servers.js'
import { LOAD_PATH } from './variants.js'

/** The outcome of one run. */
export interface LoadResult {
  /** Completed responses per second. */
  rps: number
  /** 99th percentile latency, ms. */
  p99: number
  /** Server CPU use during the run, 0..1 (of one core), when /proc is available. */
  serverCpu: number | undefined
  /**
   * Requests per CPU-second of the server (its cost per request, inverted): less sensitive than
   * req/s to other processes taking CPU time from the server's core. NaN without /proc.
   */
  perCpuSecond: number
  /** Responses with another status than expected, plus connection errors and timeouts. */
  faults: number
}

/**
 * Loads `server` for `seconds` with `connections` connections, each sending `pipelining`
 * requests before it waits for an answer (1, like a keep-alive client, unless asked otherwise).
 */
export async function loadServer(
  server: RunningServer,
  seconds: number,
  connections: number,
  pipelining = 1,
): Promise<LoadResult> {
  const cpuBefore = cpuSeconds(server.pid)
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}${LOAD_PATH}`,
    connections,
    duration: seconds,
    pipelining,
  })
  const cpuAfter = cpuSeconds(server.pid)
  const expected = result.statusCodeStats?.[`${server.variant.status}` as `${number}`]?.count ?? 0
  const responses = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx']
  const rps = result.requests.total / result.duration
  const serverCpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / result.duration
  return {
    rps,
    p99: result.latency.p99,
    serverCpu,
    perCpuSecond: serverCpu === undefined || serverCpu === 0 ? Number.NaN : rps / serverCpu,
    faults: responses - expected + result.errors + result.timeouts,
  }
}
