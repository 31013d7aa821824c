// The hand check of Stryker's survivors (scripts/verify-survivors.ts) on its own: where a mutant
// goes in the source, and which test files run first. Running vitest against mutants is what
// `npm run mutate:verify` does; it is not repeated here.
import { describe, expect, it } from 'vitest'
import { applyMutant, stagesOf, testFilesOf, type MutationReport, type ReportMutant } from '../../scripts/verify-survivors.js'

function mutant(start: [number, number], end: [number, number], replacement: string): ReportMutant {
  return {
    mutatorName: 'ConditionalExpression',
    replacement,
    status: 'Survived',
    location: { start: { line: start[0], column: start[1] }, end: { line: end[0], column: end[1] } },
  }
}

describe('applyMutant', () => {
  const source = 'const a = 1\nif (a > 0 && b) run()\n'

  it('replaces the span the report names (lines and columns count from 1, the end excluded)', () => {
    expect(applyMutant(source, mutant([2, 5], [2, 10], 'false'))).toBe('const a = 1\nif (false && b) run()\n')
    expect(applyMutant(source, mutant([1, 1], [1, 6], ''))).toBe(' a = 1\nif (a > 0 && b) run()\n')
  })

  it('a span over several lines', () => {
    expect(applyMutant(source, mutant([1, 11], [2, 15], '2; b'))).toBe('const a = 2; b) run()\n')
  })
})

describe('testFilesOf', () => {
  const report: MutationReport = {
    files: {},
    testFiles: {
      'test/a.test.ts': { tests: [{ id: '1' }, { id: '2' }] },
      'test/b.test.ts': { tests: [{ id: '3' }] },
      'test/c.test.ts': { tests: [{ id: '4' }] },
    },
  }

  it('the files holding the given tests, each once', () => {
    expect(testFilesOf(report, ['2', '1', '4'])).toEqual(['test/a.test.ts', 'test/c.test.ts'])
    expect(testFilesOf(report, [])).toEqual([])
    expect(testFilesOf({ files: {} }, ['1'])).toEqual([])
  })
})

describe('stagesOf', () => {
  it('the tests named after the source file first, whatever their folder; the rest after', () => {
    const files = ['test/fastify/plugin.test.ts', 'test/normalize-rules.test.ts', 'test/perf/normalize-to-members.test.ts', 'test/normalize.test.ts']
    expect(stagesOf('src/normalize.ts', files)).toEqual({
      own: ['test/normalize-rules.test.ts', 'test/perf/normalize-to-members.test.ts', 'test/normalize.test.ts'],
      rest: ['test/fastify/plugin.test.ts'],
    })
  })

  it('a name that only contains the source file\'s name is not its own', () => {
    expect(stagesOf('src/clip.ts', ['test/hardening/clip.test.ts', 'test/paperclip.test.ts'])).toEqual({
      own: ['test/hardening/clip.test.ts'],
      rest: ['test/paperclip.test.ts'],
    })
  })
})
