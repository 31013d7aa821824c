/**
 * Import time of each entry point, as a user pays it: a fresh `node` process loads the built
 * package by name (`import` and `require`), timed around the load only (Node's own start-up left
 * out): wall time (performance.now()) and CPU time (process.cpuUsage()), each cell `wall / CPU`, the
 * medians of IMPORT_RUNS processes (default 11).
 *
 * IMPORT_ROOTS (default `.`, this package) is a comma-separated list of package copies (a
 * package.json and its dist/) to compare, an older build beside the current one: their samples are
 * taken in turn (A B A B ...), so a machine that slows down slows both sides alike, and each other
 * root gets a column with the ratio of its CPU median to the first root's (below 1: faster). To
 * make a copy of a build: `mkdir /tmp/old && cp -r package.json dist /tmp/old && ln -s "$PWD/node_modules" /tmp/old`.
 *
 *   npm run build && node --import tsx scripts/import-time.ts
 *   IMPORT_ROOTS=/tmp/old-build,. node --import tsx scripts/import-time.ts
 *
 * Not part of `npm test`: a timing on a shared machine is a measurement, not a check.
 */
import { execFileSync } from 'node:child_process'
import { entryPoints, readPackageJson } from './entry-points.js'

const RUNS = Number(process.env.IMPORT_RUNS ?? 11)
const ROOTS = (process.env.IMPORT_ROOTS ?? '.').split(',')
const FORMATS = ['esm', 'cjs'] as const

/** Wall and CPU milliseconds of one load in a fresh process. */
function timedLoad(root: string, specifiers: readonly string[], format: (typeof FORMATS)[number]): [number, number] {
  const load = specifiers
    .map((specifier) => (format === 'esm' ? `await import(${JSON.stringify(specifier)})` : `require(${JSON.stringify(specifier)})`))
    .join('; ')
  // CPU time (user + system) of the load beside wall time: on a shared machine the wall clock mostly
  // measures the other processes, CPU time what loading costs this one.
  const program = `const cpu = process.cpuUsage(); const start = performance.now(); ${load}; const wall = performance.now() - start; const used = process.cpuUsage(cpu); process.stdout.write(JSON.stringify([wall, (used.user + used.system) / 1000]))`
  const args = format === 'esm' ? ['--input-type=module', '-e', program] : ['-e', program]
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', cwd: root })) as [number, number]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const columns = FORMATS.flatMap((format) => {
  const verb = format === 'esm' ? 'import' : 'require'
  return [...ROOTS.map((root) => `${verb} (${root}), ms wall / CPU`), ...ROOTS.slice(1).map((root) => `${verb} CPU ${root} / ${ROOTS[0]}`)]
})
console.log(`| entry point | ${columns.join(' | ')} |`)
console.log(`|---|${columns.map(() => '---:').join('|')}|`)
// The entry points of the first root (every root must have them), each alone, then all in one
// process, as a service that uses several of them loads them.
const specifiers = entryPoints(readPackageJson(ROOTS[0])).map((entry) => entry.specifier)
for (const row of [...specifiers.map((specifier) => [specifier]), specifiers]) {
  const cells = FORMATS.flatMap((format) => {
    const samples = ROOTS.map((): [number, number][] => [])
    for (let run = 0; run < RUNS; run++) ROOTS.forEach((root, index) => samples[index]!.push(timedLoad(root, row, format)))
    const cpu = samples.map((pairs) => median(pairs.map(([, used]) => used)))
    return [
      ...samples.map((pairs, index) => `${median(pairs.map(([wall]) => wall)).toFixed(1)} / ${cpu[index]!.toFixed(1)}`),
      ...cpu.slice(1).map((used) => `${(used / cpu[0]!).toFixed(2)}x`),
    ]
  })
  console.log(`| ${row.length === 1 ? `\`${row[0]}\`` : 'all of them'} | ${cells.join(' | ')} |`)
}
