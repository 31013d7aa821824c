/**
 * CPU seconds a process has used, from /proc (Linux). The harness reports the server's CPU use
 * during each run: near 100% means the server was the bottleneck, as intended; much lower means
 * the load generator or the machine was, and the ratios understate the differences.
 */
import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ). */
const USER_HZ = 100

/** User + system CPU seconds of `pid`, or `undefined` where /proc is not available. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15 of the full line, i.e. 11 and 12 after the name.
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ
  } catch {
    return undefined
  }
}
