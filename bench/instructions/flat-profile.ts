/**
 * callgrind's flat profile of a counted window, read with `callgrind_annotate`: instructions per
 * function, self cost. Functions of node's own binary (V8's compilers, builtins, the garbage
 * collector) come named; JIT-compiled JavaScript has no symbol, and shows as a bare address.
 * With node's `--perf-basic-prof`, V8 writes `/tmp/perf-<pid>.map` (start, size, name of every
 * piece of code it makes), which names those addresses: `JS:renderOrThrow file:///…/dist/index.js`,
 * `RegExp:…`, `Builtin:…`. That is how `BENCH_ATTRIBUTE` says which JavaScript function an
 * answer's instructions went to.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Functions of V8's compilers (TurboFan, Maglev, the bytecode compiler and their zone memory), by the names callgrind reads from node's symbols. */
export const COMPILER_FUNCTION = /v8::internal::(compiler|maglev|interpreter)::|v8::internal::Compiler::|Pipeline|OptimizedCompilationJob|v8::internal::Zone::/

/** One function's self cost in a dump, as `callgrind_annotate` names it (`???:0x… [???]` for JIT code). */
export interface FlatEntry {
  name: string
  instructions: number
}

/** The flat profile of `dumpFile` (every function, no threshold). */
export function flatProfile(dumpFile: string): FlatEntry[] {
  const annotate = spawnSync('callgrind_annotate', ['--auto=no', '--inclusive=no', '--threshold=100', dumpFile], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (annotate.status !== 0) throw new Error(`callgrind_annotate failed on ${dumpFile}: ${annotate.stderr}`)
  const entries: FlatEntry[] = []
  for (const line of annotate.stdout.split('\n')) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line)
    if (match !== null && !match[2]!.includes('PROGRAM TOTALS')) entries.push({ name: match[2]!, instructions: Number(match[1]!.replaceAll(',', '')) })
  }
  return entries
}

/** Code V8 made: from a `--perf-basic-prof` map file, in the order V8 wrote them. */
interface CodeRange {
  start: number
  end: number
  name: string
}

function readPerfMap(file: string): CodeRange[] {
  const ranges: CodeRange[] = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line)
    if (match === null) continue
    const start = Number.parseInt(match[1]!, 16)
    ranges.push({ start, end: start + Number.parseInt(match[2]!, 16), name: match[3]! })
  }
  return ranges
}

/**
 * The code holding `address`: the last range V8 wrote that covers it. The map is only ever
 * appended to, and V8 reuses the memory of code it collected, so an older range can cover the
 * same address with code that no longer exists there.
 */
function rangeOf(ranges: readonly CodeRange[], address: number): CodeRange | undefined {
  for (let index = ranges.length - 1; index >= 0; index--) {
    const range = ranges[index]!
    if (address >= range.start && address < range.end) return range
  }
  return undefined
}

/**
 * The flat profile with JIT addresses named from `perfMapFile` and every name shortened (no
 * argument lists, no binary path; V8's tier marks `*`, `~`, `^`, `+` dropped, so a function's
 * optimized and unoptimized code add up). Instructions per function name.
 */
export function attributedProfile(entries: readonly FlatEntry[], perfMapFile: string): Map<string, number> {
  const ranges = readPerfMap(perfMapFile)
  const byName = new Map<string, number>()
  for (const { name: raw, instructions } of entries) {
    const address = /^\?\?\?:0x([0-9a-f]+)/.exec(raw)
    let name: string
    if (address !== null) {
      name = rangeOf(ranges, Number.parseInt(address[1]!, 16))?.name.replace(/^JS:[*~^+]?/, 'JS:') ?? '(JIT code without a name)'
    } else {
      name = raw.replace(/^\?\?\?:/, '').replace(/ \[[^\]]*\]$/, '').replace(/\(.*$/s, '')
    }
    byName.set(name, (byName.get(name) ?? 0) + instructions)
  }
  return byName
}
