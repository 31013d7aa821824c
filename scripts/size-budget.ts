/**
 * What a user installs, against the budget in size-budget.json. Run after `npm run build` (it is
 * part of `npm test`); reads `npm pack --json --dry-run`, so it measures the files npm would publish.
 *
 * - the tarball and its unpacked size;
 * - the JS each entry point loads (package.json `exports`, ESM and CJS): its file and every chunk
 *   it imports, followed through relative imports/requires;
 * - every shipped JS file is loaded by some entry point or the bin (no dead copies), and nothing
 *   from tests or benchmarks is shipped.
 *
 * Exit 1 with the reason when a rule or a budget fails. `--json` prints the measurement.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { pathToFileURL } from 'node:url'
import { entryPoints, readPackageJson } from './entry-points.js'

interface PackedFile {
  readonly path: string
  readonly size: number
}

interface Packed {
  readonly size: number
  readonly unpackedSize: number
  readonly files: readonly PackedFile[]
}

export interface Budget {
  readonly tarballBytes: number
  readonly unpackedBytes: number
  /** The most JS any one entry point may load, in either format. */
  readonly entryPointBytes: number
}

export interface EntryPointSize {
  readonly specifier: string
  readonly esmBytes: number
  readonly cjsBytes: number
}

const NOT_SHIPPED = /(^|\/)(test|tests|__tests__|bench|coverage)\/|\.(test|spec|bench)(-d)?\.[cm]?[jt]s$/
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'](\.\.?\/[^"']+)["']/g

function pack(): Packed {
  const output = execFileSync('npm', ['pack', '--json', '--dry-run', '--ignore-scripts'], { encoding: 'utf8' })
  return (JSON.parse(output) as Packed[])[0]!
}

/** A problem for each packed path that belongs to tests or benchmarks. */
export function testFilesIn(paths: readonly string[]): string[] {
  return paths.filter((path) => NOT_SHIPPED.test(path)).map((path) => `${path} is a test or benchmark file: keep it out of package.json "files"`)
}

/** The file and every file it reaches through relative imports, as paths relative to the package. */
function loadedFiles(start: string, shipped: ReadonlyMap<string, number>): Set<string> {
  const seen = new Set<string>()
  const pending = [start]
  while (pending.length > 0) {
    const file = pending.pop()!
    if (seen.has(file)) continue
    if (!shipped.has(file)) throw new Error(`${file} is loaded but not in the package`)
    seen.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) pending.push(normalize(join(dirname(file), match[1]!)))
  }
  return seen
}

function sum(files: Iterable<string>, shipped: ReadonlyMap<string, number>): number {
  let total = 0
  for (const file of files) total += shipped.get(file)!
  return total
}

export function measure(packed: Packed = pack()): { tarballBytes: number; unpackedBytes: number; entryPoints: EntryPointSize[]; problems: string[] } {
  const shipped = new Map(packed.files.map((file) => [file.path, file.size]))
  const problems = testFilesIn([...shipped.keys()])

  const reached = new Set<string>()
  const sizes = entryPoints().map((entry) => {
    const esm = loadedFiles(entry.esm, shipped)
    const cjs = loadedFiles(entry.cjs, shipped)
    for (const file of [...esm, ...cjs]) reached.add(file)
    return { specifier: entry.specifier, esmBytes: sum(esm, shipped), cjsBytes: sum(cjs, shipped) }
  })
  for (const file of Object.values(readPackageJson().bin ?? {})) for (const loaded of loadedFiles(normalize(file), shipped)) reached.add(loaded)
  for (const file of shipped.keys()) {
    if (/\.c?js$/.test(file) && file.startsWith('dist/') && !reached.has(file)) problems.push(`${file} is shipped but no entry point or bin loads it`)
  }
  return { tarballBytes: packed.size, unpackedBytes: packed.unpackedSize, entryPoints: sizes, problems }
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`

export function overBudget(result: ReturnType<typeof measure>, budget: Budget): string[] {
  const over: string[] = []
  if (result.tarballBytes > budget.tarballBytes) over.push(`tarball ${kb(result.tarballBytes)} > budget ${kb(budget.tarballBytes)}`)
  if (result.unpackedBytes > budget.unpackedBytes) over.push(`unpacked ${kb(result.unpackedBytes)} > budget ${kb(budget.unpackedBytes)}`)
  for (const entry of result.entryPoints) {
    for (const [format, bytes] of [['ESM', entry.esmBytes], ['CJS', entry.cjsBytes]] as const) {
      if (bytes > budget.entryPointBytes) over.push(`${entry.specifier} (${format}) loads ${kb(bytes)} of JS > budget ${kb(budget.entryPointBytes)}`)
    }
  }
  return over
}

function main(): void {
  const budget = JSON.parse(readFileSync('size-budget.json', 'utf8')) as Budget
  const result = measure()
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2))
  } else {
    console.log(`size: tarball ${kb(result.tarballBytes)} (budget ${kb(budget.tarballBytes)}), unpacked ${kb(result.unpackedBytes)} (budget ${kb(budget.unpackedBytes)})`)
    for (const entry of result.entryPoints) console.log(`size: ${entry.specifier} loads ${kb(entry.esmBytes)} ESM, ${kb(entry.cjsBytes)} CJS (budget ${kb(budget.entryPointBytes)} each)`)
  }
  const failures = [...result.problems, ...overBudget(result, budget)]
  if (failures.length > 0) {
    console.error(`size: ${failures.length} problem(s):\n${failures.map((line) => `  - ${line}`).join('\n')}`)
    console.error('Cut the size back, or, if the growth is worth it, raise size-budget.json in the same commit and say why (README "Installed size").')
    process.exitCode = 1
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) main()
