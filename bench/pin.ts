/**
 * CPU pinning with util-linux `taskset`: the servers on one CPU and the load generator on another,
 * so a server never competes with autocannon for its core. Where taskset or a second CPU is
 * missing, the run still works, unpinned, and says so.
 */
import { spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

/** How processes are placed on CPUs in this run. */
export interface Pinning {
  /** True when both the servers and the load generator are pinned. */
  pinned: boolean
  /** Why pinning is off, when it is. */
  reason?: string
  /** Prefix for a server command line, e.g. `['taskset', '-c', '0']`, or empty. */
  serverPrefix: string[]
}

function hasTaskset(): boolean {
  return spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0
}

/**
 * Pins this process (all its threads, so autocannon too) to `clientCpu`, and returns the prefix
 * that starts a server on `serverCpu`.
 */
export function pinProcesses(serverCpu: number, clientCpu: number): Pinning {
  const cpus = availableParallelism()
  if (!hasTaskset()) return { pinned: false, reason: 'taskset not found', serverPrefix: [] }
  if (serverCpu === clientCpu || Math.max(serverCpu, clientCpu) >= cpus) {
    return { pinned: false, reason: `needs two distinct CPUs below ${cpus}`, serverPrefix: [] }
  }
  const self = spawnSync('taskset', ['-a', '-p', '-c', String(clientCpu), String(process.pid)], { stdio: 'ignore' })
  if (self.status !== 0) return { pinned: false, reason: 'taskset could not pin the harness', serverPrefix: [] }
  return { pinned: true, serverPrefix: ['taskset', '-c', String(serverCpu)] }
}
