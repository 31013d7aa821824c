// Turns the results of a Stryker run, finished or not, into a report:
// `npm run mutate:partial [-- <events dir> [<report.json>]]`.
//
// Why: Stryker writes its JSON report and its incremental file only when a run ends, so a run
// stopped before the end (the session is over, the machine is needed) leaves nothing, however many
// mutants it tested. The most-covered files here (render.ts, problem.ts) take hours. The
// event-recorder reporter, on in stryker.config.mjs, writes each mutant's result to its own file as
// soon as it is known; this script reads those files back and writes a report in the schema of
// `reports/mutation/mutation.json` (mutation-testing-report-schema 2), which `npm run
// mutate:verify` and the HTML report read, with the mutants not yet tested left out, and prints the
// scores per file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { MutationReport, ReportMutant } from './verify-survivors.js'

/** What the event-recorder reporter wrote for one tested mutant (the fields read here). */
export interface MutantEvent extends ReportMutant {
  id: string
  fileName: string
  killedBy?: string[]
  static?: boolean
}

/** A test of the dry run, as the event-recorder reporter wrote it. */
export interface DryRunTest {
  id: string
  name: string
  fileName?: string
}

/** The counts of one file's mutants by outcome, and its score. */
export interface FileScore {
  file: string
  killed: number
  timedOut: number
  survived: number
  noCoverage: number
  /** Ignored (static, or marked with a `Stryker disable` comment) and errors: not in the score. */
  notCounted: number
  /** (killed + timed out) ÷ (killed + timed out + survived + no coverage), as Stryker counts it; `undefined` with no mutant counted. */
  score: number | undefined
}

/** `reports/mutation/partial.json`: the report, and how much of the planned run it holds. */
export interface PartialReport extends MutationReport {
  schemaVersion: '2'
  thresholds: { high: number; low: number }
  files: Record<string, { language: 'typescript'; source: string; mutants: MutantEvent[] }>
  testFiles: Record<string, { tests: { id: string; name: string }[] }>
  /** Mutants with a result, and mutants the run planned (`undefined` when the plan event is missing). */
  progress: { tested: number; planned: number | undefined }
}

/**
 * A path as the report names it: from the project root, with a sandbox's own prefix removed
 * (tests run in `.stryker-tmp/sandbox-…/`, mutants are named from the project).
 */
export function projectPath(fileName: string, root: string): string {
  const inSandbox = /[\\/]\.stryker-tmp[\\/]sandbox-[^\\/]+[\\/](.*)$/.exec(fileName)
  const path = inSandbox === null ? relative(root, resolve(root, fileName)) : inSandbox[1]!
  return path.split('\\').join('/')
}

/**
 * The report for the results so far. A mutant reported twice (it cannot be, but a partial
 * directory could hold a later run's files) keeps its last result. `readSource` gives a source
 * file's text; the report must hold the text the mutants' positions refer to.
 */
export function reportFromEvents(
  mutants: readonly MutantEvent[],
  tests: readonly DryRunTest[],
  planned: number | undefined,
  readSource: (path: string) => string,
  root: string,
): PartialReport {
  const byId = new Map(mutants.map((mutant) => [mutant.id, mutant]))
  const files: PartialReport['files'] = {}
  for (const mutant of byId.values()) {
    const path = projectPath(mutant.fileName, root)
    files[path] ??= { language: 'typescript', source: readSource(path), mutants: [] }
    files[path].mutants.push({ ...mutant, fileName: path })
  }
  const testFiles: PartialReport['testFiles'] = {}
  for (const test of tests) {
    const path = test.fileName === undefined ? '(unknown file)' : projectPath(test.fileName, root)
    ;(testFiles[path] ??= { tests: [] }).tests.push({ id: test.id, name: test.name })
  }
  return { schemaVersion: '2', thresholds: { high: 90, low: 80 }, files, testFiles, progress: { tested: byId.size, planned } }
}

/** Each file's counts and score, in path order. */
export function scoresOf(report: Pick<PartialReport, 'files'>): FileScore[] {
  return Object.entries(report.files)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, { mutants }]) => {
      const count = (status: string): number => mutants.filter((mutant) => mutant.status === status).length
      const [killed, timedOut, survived, noCoverage] = [count('Killed'), count('Timeout'), count('Survived'), count('NoCoverage')]
      const counted = killed + timedOut + survived + noCoverage
      return {
        file,
        killed,
        timedOut,
        survived,
        noCoverage,
        notCounted: mutants.length - counted,
        score: counted === 0 ? undefined : (killed + timedOut) / counted,
      }
    })
}

/**
 * The lines of each file that hold a survivor or an uncovered mutant, as `--mutate` ranges
 * (`src/render.ts:174-174,src/render.ts:210-211`): a run of the whole suite over only those lines
 * checks what a run of the unit tests alone (`npm run mutate:unit`) left.
 */
export function survivorRanges(report: Pick<PartialReport, 'files'>): string {
  const ranges: string[] = []
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const open = mutants.filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage')
    const spans = open.map((mutant) => [mutant.location.start.line, mutant.location.end.line] as const).sort((a, b) => a[0] - b[0])
    let current: [number, number] | undefined
    for (const [start, end] of spans) {
      if (current !== undefined && start <= current[1] + 1) current[1] = Math.max(current[1], end)
      else {
        if (current !== undefined) ranges.push(`${file}:${current[0]}-${current[1]}`)
        current = [start, end]
      }
    }
    if (current !== undefined) ranges.push(`${file}:${current[0]}-${current[1]}`)
  }
  return ranges.join(',')
}

/** The event files of one kind (`onMutantTested`, `onDryRunCompleted`, …), in the order they were written. */
function eventsOf<T>(directory: string, kind: string): T[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(`-${kind}.json`))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as T)
}

function main(): void {
  const [directory = 'reports/mutation/events', output = 'reports/mutation/partial.json'] = process.argv.slice(2)
  const root = process.cwd()
  const dryRun = eventsOf<{ result?: { tests?: DryRunTest[] } }>(directory, 'onDryRunCompleted')[0]
  const plan = eventsOf<{ mutantPlans?: unknown[] }>(directory, 'onMutationTestingPlanReady')[0]
  const mutants = eventsOf<MutantEvent>(directory, 'onMutantTested')
  const report = reportFromEvents(mutants, dryRun?.result?.tests ?? [], plan?.mutantPlans?.length, (path) => readFileSync(resolve(root, path), 'utf8'), root)
  writeFileSync(output, `${JSON.stringify(report)}\n`)
  const planned = report.progress.planned === undefined ? 'an unknown number' : String(report.progress.planned)
  console.log(`${report.progress.tested} of ${planned} mutants have a result; wrote ${output}`)
  console.log('\n| file | score | killed | timed out | survived | no coverage | not counted (ignored, errors) |\n|---|---:|---:|---:|---:|---:|---:|')
  for (const row of scoresOf(report)) {
    const score = row.score === undefined ? '–' : `${(row.score * 100).toFixed(1)}%`
    console.log(`| \`${row.file}\` | ${score} | ${row.killed} | ${row.timedOut} | ${row.survived} | ${row.noCoverage} | ${row.notCounted} |`)
  }
  const ranges = survivorRanges(report)
  if (ranges !== '') console.log(`\nLines with a survivor or an uncovered mutant, for a run of the whole suite over them:\nnpm run mutate -- --mutate '${ranges}'`)
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) main()
