// The report of a Stryker run from its per-mutant event files (scripts/partial-report.ts), which is
// what is left of a run stopped before its end: paths from the project root, each mutant once, the
// scores counted as Stryker counts them.
import { describe, expect, it } from 'vitest'
import { projectPath, reportFromEvents, scoresOf, survivorRanges, type MutantEvent } from '../../scripts/partial-report.js'

const ROOT = '/work/project'

function mutant(id: string, fileName: string, status: string): MutantEvent {
  return {
    id,
    fileName,
    status,
    mutatorName: 'ConditionalExpression',
    replacement: 'false',
    coveredBy: ['t1'],
    location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
  }
}

describe('projectPath', () => {
  it('names a file from the project root, whether given absolute or relative', () => {
    expect(projectPath('/work/project/src/render.ts', ROOT)).toBe('src/render.ts')
    expect(projectPath('src/render.ts', ROOT)).toBe('src/render.ts')
  })

  it('drops the sandbox prefix of a test file that ran in one', () => {
    expect(projectPath('/work/project/.stryker-tmp/sandbox-AbC123/test/render.test.ts', ROOT)).toBe('test/render.test.ts')
    expect(projectPath('C:\\p\\.stryker-tmp\\sandbox-x\\test\\a.test.ts', ROOT)).toBe('test/a.test.ts')
  })
})

describe('reportFromEvents', () => {
  const sources: Record<string, string> = { 'src/a.ts': 'const a = 1\n', 'src/b.ts': 'const b = 2\n' }
  const read = (path: string): string => sources[path]!

  it('groups the mutants by file, with the source their positions refer to', () => {
    const report = reportFromEvents(
      [mutant('1', '/work/project/src/a.ts', 'Killed'), mutant('2', 'src/b.ts', 'Survived'), mutant('3', 'src/a.ts', 'NoCoverage')],
      [],
      10,
      read,
      ROOT,
    )
    expect(Object.keys(report.files)).toEqual(['src/a.ts', 'src/b.ts'])
    expect(report.files['src/a.ts']).toMatchObject({ language: 'typescript', source: 'const a = 1\n' })
    expect(report.files['src/a.ts']!.mutants.map((entry) => [entry.id, entry.status, entry.fileName])).toEqual([
      ['1', 'Killed', 'src/a.ts'],
      ['3', 'NoCoverage', 'src/a.ts'],
    ])
    expect(report.progress).toEqual({ tested: 3, planned: 10 })
    expect(report.schemaVersion).toBe('2')
  })

  it('keeps one result per mutant, the last one written', () => {
    const report = reportFromEvents([mutant('1', 'src/a.ts', 'Survived'), mutant('1', 'src/a.ts', 'Killed')], [], undefined, read, ROOT)
    expect(report.files['src/a.ts']!.mutants.map((entry) => entry.status)).toEqual(['Killed'])
    expect(report.progress).toEqual({ tested: 1, planned: undefined })
  })

  it('lists the dry run\'s tests by file, so covering test ids lead to files', () => {
    const report = reportFromEvents(
      [],
      [
        { id: 't1', name: 'a one', fileName: '/work/project/.stryker-tmp/sandbox-1/test/a.test.ts' },
        { id: 't2', name: 'a two', fileName: '/work/project/.stryker-tmp/sandbox-1/test/a.test.ts' },
        { id: 't3', name: 'b', fileName: '/work/project/test/b.test.ts' },
        { id: 't4', name: 'nowhere' },
      ],
      0,
      read,
      ROOT,
    )
    expect(report.testFiles).toEqual({
      'test/a.test.ts': { tests: [{ id: 't1', name: 'a one' }, { id: 't2', name: 'a two' }] },
      'test/b.test.ts': { tests: [{ id: 't3', name: 'b' }] },
      '(unknown file)': { tests: [{ id: 't4', name: 'nowhere' }] },
    })
  })
})

describe('scoresOf', () => {
  it('counts timeouts as detected, and leaves ignored mutants and errors out of the score', () => {
    const statuses = ['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'RuntimeError', 'CompileError']
    const files = { 'src/a.ts': { language: 'typescript' as const, source: '', mutants: statuses.map((status, index) => mutant(String(index), 'src/a.ts', status)) } }
    expect(scoresOf({ files })).toEqual([{ file: 'src/a.ts', killed: 2, timedOut: 1, survived: 1, noCoverage: 1, notCounted: 3, score: 3 / 5 }])
  })

  it('has no score for a file whose mutants are all ignored, and lists files in path order', () => {
    const files = {
      'src/z.ts': { language: 'typescript' as const, source: '', mutants: [mutant('1', 'src/z.ts', 'Killed')] },
      'src/a.ts': { language: 'typescript' as const, source: '', mutants: [mutant('2', 'src/a.ts', 'Ignored')] },
    }
    expect(scoresOf({ files }).map((row) => [row.file, row.score])).toEqual([
      ['src/a.ts', undefined],
      ['src/z.ts', 1],
    ])
  })
})

describe('survivorRanges', () => {
  function at(id: string, fileName: string, status: string, start: number, end = start): MutantEvent {
    return { ...mutant(id, fileName, status), location: { start: { line: start, column: 1 }, end: { line: end, column: 9 } } }
  }

  it('gives the lines of survivors and uncovered mutants as --mutate ranges, joining adjacent and overlapping ones', () => {
    const report = reportFromEvents(
      [
        at('1', 'src/b.ts', 'Survived', 40),
        at('2', 'src/b.ts', 'NoCoverage', 10, 12),
        at('3', 'src/b.ts', 'Survived', 13),
        at('4', 'src/b.ts', 'Survived', 11),
        at('5', 'src/b.ts', 'Killed', 20),
        at('6', 'src/a.ts', 'Survived', 5),
        at('7', 'src/a.ts', 'Timeout', 6),
      ],
      [],
      7,
      () => '',
      ROOT,
    )
    expect(survivorRanges(report)).toBe('src/a.ts:5-5,src/b.ts:10-13,src/b.ts:40-40')
  })

  it('is empty when every mutant was detected or ignored', () => {
    expect(survivorRanges(reportFromEvents([mutant('1', 'src/a.ts', 'Killed'), mutant('2', 'src/a.ts', 'Ignored')], [], 2, () => '', ROOT))).toBe('')
  })
})
