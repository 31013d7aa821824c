// The one list of entry points (package.json exports) the build, the API reports, the size budget
// and the JSDoc test read: its convention and its refusals.
import { describe, expect, it } from 'vitest'
import { binEntries, entryPoints, readPackageJson } from '../../scripts/entry-points.js'

const target = (name: string) => ({
  import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
})

describe('entryPoints', () => {
  it('maps "." to src/index.ts and "./name" to src/name/index.ts, skipping plain files', () => {
    const pkg = { name: 'pkg', exports: { '.': target('index'), './fetch': target('fetch'), './package.json': './package.json' } }
    expect(entryPoints(pkg)).toEqual([
      { specifier: 'pkg', name: 'index', source: 'src/index.ts', esm: 'dist/index.js', cjs: 'dist/index.cjs', types: 'dist/index.d.ts' },
      { specifier: 'pkg/fetch', name: 'fetch', source: 'src/fetch/index.ts', esm: 'dist/fetch.js', cjs: 'dist/fetch.cjs', types: 'dist/fetch.d.ts' },
    ])
  })

  it('refuses an entry without both conditions, outside dist/, or with files of two names', () => {
    expect(() => entryPoints({ name: 'p', exports: { '.': { import: target('index').import } } })).toThrow(/exports\["\."\] needs both "import" and "require"/)
    expect(() => entryPoints({ name: 'p', exports: { '.': { ...target('index'), import: { types: './lib/index.d.ts', default: './lib/index.js' } } } })).toThrow(
      /"\.\/lib\/index\.js" is not a \.\/dist\/<name>/,
    )
    expect(() => entryPoints({ name: 'p', exports: { './a': { ...target('a'), require: target('b').require } } })).toThrow(/"\.\/dist\/b\.cjs" does not match \.\/dist\/a\.\*/)
  })

  it('reads this package: every entry point has its source file', async () => {
    const { existsSync } = await import('node:fs')
    const points = entryPoints(readPackageJson())
    expect(points.map((point) => point.specifier)).toContain('http-problems/express')
    for (const point of points) expect(existsSync(point.source), point.source).toBe(true)
  })
})

describe('binEntries', () => {
  it('builds dist/<name>.js from src/<name>/bin.ts', () => {
    expect(binEntries({ name: 'p', exports: {}, bin: { tool: './dist/cli.js' } })).toEqual([{ name: 'cli', source: 'src/cli/bin.ts' }])
    expect(binEntries({ name: 'p', exports: {} })).toEqual([])
  })
})
