// Re-checks Stryker's survivors by hand: `npm run mutate:verify -- [report.json] [--only <path part>] [--own-tests-only]`.
//
// Why: Stryker 9.6's vitest runner records some mutants as Survived although the tests it lists as
// covering them fail once the mutant is in the code (stryker-js#6192, #6073, #6213). Its scores are
// then lower bounds, and its survivor list mixes real gaps with mutants the suite already kills. This
// script applies each survivor to the source file itself, runs the test files Stryker named as
// covering it with plain vitest, and puts the file back. A failing run is a kill; a passing one is a
// real survivor, to be killed by a test or marked equivalent (CONTRIBUTING.md "Mutation testing").
//
// The covering test files run in two stages: the source file's own tests first (those whose name
// starts with the source file's name), which kill most mutants in seconds, then the rest, which can
// be tens of integration test files and minutes per mutant. `--own-tests-only` stops after the first
// stage: a quick triage whose "survives" means "survives its own tests", not yet a real survivor.
//
// It edits files under src/: run it in a clean worktree, never beside uncommitted work. The original
// text is written back after every mutant, and on Ctrl-C or SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

interface Position {
  line: number
  column: number
}

export interface ReportMutant {
  mutatorName: string
  replacement: string
  status: string
  coveredBy?: string[]
  location: { start: Position; end: Position }
}

export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>
  testFiles?: Record<string, { tests: { id: string }[] }>
}

interface Settings {
  reportPath: string
  /** Only the report's files whose path contains this. */
  only: string | undefined
  /** Stop after the source file's own tests. */
  ownTestsOnly: boolean
}

const VERDICTS = {
  killed: 'killed by hand',
  survives: 'survives',
  survivesOwnTests: 'survives its own tests (not run: the rest)',
  noOwnTests: 'not checked: the file has no test of its own (run without --own-tests-only)',
  changed: 'not checked: the source changed since the run',
} as const

type Verdict = (typeof VERDICTS)[keyof typeof VERDICTS]

/** One survivor and what running its covering tests against it by hand said. */
interface Checked {
  file: string
  verdict: Verdict
  description: string
}

// A run of one mutant's test files; a hang is a kill, as Stryker counts a timeout. Generous: a
// widely used file is covered by tens of integration test files, on two shared cores.
const RUN_TIMEOUT_MS = 900_000

function parseArguments(argv: string[]): Settings {
  const settings: Settings = { reportPath: 'reports/mutation/mutation.json', only: undefined, ownTestsOnly: false }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    if (argument === '--only') settings.only = argv[++index]
    else if (argument === '--own-tests-only') settings.ownTestsOnly = true
    else if (argument.startsWith('--')) throw new RangeError(`unknown option ${argument}: use --only <path part> or --own-tests-only`)
    else settings.reportPath = argument
  }
  return settings
}

/** The offset in `source` of a report position (lines and columns both count from 1). */
function offsetOf(source: string, position: Position): number {
  let offset = 0
  for (let line = 1; line < position.line; line++) offset = source.indexOf('\n', offset) + 1
  return offset + position.column - 1
}

export function applyMutant(source: string, mutant: ReportMutant): string {
  return source.slice(0, offsetOf(source, mutant.location.start)) + mutant.replacement + source.slice(offsetOf(source, mutant.location.end))
}

/** The test files of the given test ids, from the report's own table. */
export function testFilesOf(report: MutationReport, testIds: readonly string[]): string[] {
  const wanted = new Set(testIds)
  return Object.entries(report.testFiles ?? {})
    .filter(([, { tests }]) => tests.some((test) => wanted.has(test.id)))
    .map(([file]) => file)
}

/** The source file's own tests (named after it: `normalize-rules.test.ts` for `normalize.ts`), and the rest. */
export function stagesOf(sourceFile: string, testFiles: string[]): { own: string[]; rest: string[] } {
  const name = basename(sourceFile, '.ts')
  const own = testFiles.filter((testFile) => basename(testFile).startsWith(name))
  return { own, rest: testFiles.filter((testFile) => !own.includes(testFile)) }
}

// What an interrupt must undo: the vitest run going on, and the mutated source file. The runs are
// spawned asynchronously so that a signal is handled while one goes on.
let running: ChildProcess | undefined
let restoreOnInterrupt: (() => void) | undefined

/** True when the test files pass: the suite does not notice the code as it is now. */
function testsPass(testFiles: string[]): Promise<boolean> {
  if (testFiles.length === 0) return Promise.resolve(true)
  return new Promise((resolvePass) => {
    const vitest = ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.mutate.config.ts', '--bail=1', '--reporter=dot', ...testFiles]
    const child = spawn(process.execPath, vitest, { stdio: 'ignore', timeout: RUN_TIMEOUT_MS })
    running = child
    child.on('close', (code) => {
      running = undefined
      resolvePass(code === 0)
    })
  })
}

/**
 * The test files under `test/`, as paths from the project root. A test file named after the source
 * file joins its own stage even when Stryker did not list it: it may have been written after the
 * run, to kill the survivors being checked.
 */
function testFilesOnDisk(): string[] {
  return readdirSync('test', { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `test/${name}`)
}

async function verdictOf(sourceFile: string, testFiles: string[], ownTestsOnly: boolean): Promise<Verdict> {
  const onDisk = stagesOf(sourceFile, testFilesOnDisk()).own
  const { own, rest } = stagesOf(sourceFile, [...new Set([...testFiles, ...onDisk])])
  if (ownTestsOnly && own.length === 0) return VERDICTS.noOwnTests
  if (!(await testsPass(own))) return VERDICTS.killed
  if (ownTestsOnly) return VERDICTS.survivesOwnTests
  return (await testsPass(rest)) ? VERDICTS.survives : VERDICTS.killed
}

async function checkFile(report: MutationReport, file: string, settings: Settings): Promise<Checked[]> {
  const { source, mutants } = report.files[file]!
  const survivors = mutants.filter((mutant) => mutant.status === 'Survived')
  const describe = (mutant: ReportMutant): string => {
    const original = source.slice(offsetOf(source, mutant.location.start), offsetOf(source, mutant.location.end))
    const oneLine = (text: string): string => text.replace(/\s+/g, ' ').slice(0, 160)
    return `${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName}: ${oneLine(original)} => ${oneLine(mutant.replacement)}`
  }
  const path = resolve(file)
  if (readFileSync(path, 'utf8') !== source) return survivors.map((mutant) => ({ file, verdict: VERDICTS.changed, description: describe(mutant) }))

  const restore = (): void => writeFileSync(path, source)
  restoreOnInterrupt = restore
  try {
    // The unmutated code must pass first, or every failure below would be counted as a kill.
    const allTestFiles = testFilesOf(report, survivors.flatMap((mutant) => mutant.coveredBy ?? []))
    const stages = stagesOf(file, [...new Set([...allTestFiles, ...testFilesOnDisk()])])
    if (!(await testsPass(settings.ownTestsOnly ? stages.own : [...stages.own, ...allTestFiles]))) {
      throw new Error(`${file}: its covering test files fail without any mutant; fix them first`)
    }
    const checked: Checked[] = []
    for (const mutant of survivors) {
      writeFileSync(path, applyMutant(source, mutant))
      const verdict = await verdictOf(file, testFilesOf(report, mutant.coveredBy ?? []), settings.ownTestsOnly)
      restore()
      checked.push({ file, verdict, description: describe(mutant) })
      console.log(`${verdict === VERDICTS.killed ? 'killed  ' : 'SURVIVES'} ${describe(mutant)}`)
    }
    return checked
  } finally {
    restore()
    restoreOnInterrupt = undefined
  }
}

function printSummary(checked: Checked[]): void {
  const files = [...new Set(checked.map((entry) => entry.file))]
  console.log('\n| file | Stryker survivors | killed by hand | survivors left | not checked |\n|---|---:|---:|---:|---:|')
  for (const file of files) {
    const entries = checked.filter((entry) => entry.file === file)
    const count = (...verdicts: Verdict[]): number => entries.filter((entry) => verdicts.includes(entry.verdict)).length
    console.log(`| \`${file}\` | ${entries.length} | ${count(VERDICTS.killed)} | ${count(VERDICTS.survives, VERDICTS.survivesOwnTests)} | ${count(VERDICTS.changed, VERDICTS.noOwnTests)} |`)
  }
  const left = checked.filter((entry) => entry.verdict !== VERDICTS.killed)
  if (left.length > 0) console.log(`\nLeft (kill with a test that states behaviour, or mark equivalent):\n${left.map((entry) => `- ${entry.description} (${entry.verdict})`).join('\n')}`)
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      running?.kill('SIGKILL')
      restoreOnInterrupt?.()
      process.exit(130)
    })
  }
  const settings = parseArguments(process.argv.slice(2))
  const report = JSON.parse(readFileSync(settings.reportPath, 'utf8')) as MutationReport
  const checked: Checked[] = []
  for (const file of Object.keys(report.files)) {
    if (settings.only !== undefined && !file.includes(settings.only)) continue
    checked.push(...(await checkFile(report, file, settings)))
  }
  printSummary(checked)
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
