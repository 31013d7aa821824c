// The size budget's rules on their own (the measurement itself runs after the build in npm test).
import { describe, expect, it } from 'vitest'
import { overBudget, testFilesIn } from '../../scripts/size-budget.js'

const budget = { tarballBytes: 1000, unpackedBytes: 4000, entryPointBytes: 500 }
const within = { tarballBytes: 1000, unpackedBytes: 4000, entryPoints: [{ specifier: 'p', esmBytes: 500, cjsBytes: 500 }], problems: [] }

describe('overBudget', () => {
  it('passes at the budget and names every measure over it', () => {
    expect(overBudget(within, budget)).toEqual([])
    expect(overBudget({ ...within, tarballBytes: 1001, unpackedBytes: 4001, entryPoints: [{ specifier: 'p/x', esmBytes: 501, cjsBytes: 499 }] }, budget)).toEqual([
      'tarball 1.0 kB > budget 1.0 kB',
      'unpacked 4.0 kB > budget 4.0 kB',
      'p/x (ESM) loads 0.5 kB of JS > budget 0.5 kB',
    ])
  })
})

describe('testFilesIn', () => {
  it('finds test and benchmark files, not the build', () => {
    expect(testFilesIn(['dist/index.js', 'dist/testing.js', 'README.md', 'test/a.test.ts', 'dist/x.test.js', 'bench/run.ts', 'src/a.spec.ts', 'test/t.test-d.ts'])).toEqual([
      'test/a.test.ts is a test or benchmark file: keep it out of package.json "files"',
      'dist/x.test.js is a test or benchmark file: keep it out of package.json "files"',
      'bench/run.ts is a test or benchmark file: keep it out of package.json "files"',
      'src/a.spec.ts is a test or benchmark file: keep it out of package.json "files"',
      'test/t.test-d.ts is a test or benchmark file: keep it out of package.json "files"',
    ])
  })
})

describe('README "Installed size"', () => {
  it('states the budget that size-budget.json holds', async () => {
    const { readFileSync } = await import('node:fs')
    const readme = readFileSync('README.md', 'utf8')
    const section = readme.slice(readme.indexOf('## Installed size'), readme.indexOf('\n## ', readme.indexOf('## Installed size') + 1))
    const stated = JSON.parse(readFileSync('size-budget.json', 'utf8')) as Record<string, number>
    const kB = (bytes: number) => `${(bytes / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`
    for (const [name, bytes] of Object.entries(stated)) expect(section, name).toContain(`| ${kB(bytes)} |`)
  })
})
