/**
 * The package's entry points, read from package.json `exports` and `bin`: the one list the build
 * (tsup.config.ts), the API reports (scripts/api-report.ts), the size budget
 * (scripts/size-budget.ts), the import-time measurement and the JSDoc test all use. Adding an
 * entry point is adding it to `exports`; nothing else keeps a list.
 *
 * The convention that ties a subpath to its source: `.` is `src/index.ts` and `./name` is
 * `src/name/index.ts`, built to `dist/name.js` (ESM) and `dist/name.cjs` (CJS); a bin built to
 * `dist/name.js` comes from `src/name/bin.ts`.
 */
import { readFileSync } from 'node:fs'

/** One `exports` subpath as the build and the checks see it. */
export interface EntryPoint {
  /** What a user writes: `http-problems`, `http-problems/express`. */
  readonly specifier: string
  /** The file name in `dist/` without extension, and the tsup entry key: `index`, `express`. */
  readonly name: string
  /** The TypeScript source the entry is built from. */
  readonly source: string
  /** The built files, relative to the package root. */
  readonly esm: string
  readonly cjs: string
  readonly types: string
}

interface ConditionalTarget {
  readonly types: string
  readonly default: string
}

interface PackageJson {
  readonly name: string
  readonly exports: Record<string, string | { import?: ConditionalTarget; require?: ConditionalTarget }>
  readonly bin?: Record<string, string>
}

const DIST_FILE = /^\.\/dist\/([\w-]+)\.(?:c?js|d\.c?ts)$/

export function readPackageJson(root = '.'): PackageJson {
  return JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as PackageJson
}

function distName(subpath: string, file: string): string {
  const match = DIST_FILE.exec(file)
  if (match === null) throw new Error(`package.json exports["${subpath}"]: "${file}" is not a ./dist/<name>.(js|cjs|d.ts|d.cts) file`)
  return match[1]!
}

function relative(file: string): string {
  return file.replace(/^\.\//, '')
}

/** Every code entry point in `exports` (`./package.json` and other plain files are not code). */
export function entryPoints(pkg: PackageJson = readPackageJson()): EntryPoint[] {
  const points: EntryPoint[] = []
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue
    const { import: esm, require: cjs } = target
    if (esm === undefined || cjs === undefined) throw new Error(`package.json exports["${subpath}"] needs both "import" and "require" conditions`)
    const name = distName(subpath, esm.default)
    for (const file of [esm.types, cjs.default, cjs.types]) {
      if (distName(subpath, file) !== name) throw new Error(`package.json exports["${subpath}"]: "${file}" does not match ./dist/${name}.*`)
    }
    const folder = subpath === '.' ? '' : `${subpath.slice(2)}/`
    points.push({
      specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
      name,
      source: `src/${folder}index.ts`,
      esm: relative(esm.default),
      cjs: relative(cjs.default),
      types: relative(esm.types),
    })
  }
  return points
}

/** The programs in `bin`: the dist name and its source (`dist/cli.js` from `src/cli/bin.ts`). */
export function binEntries(pkg: PackageJson = readPackageJson()): { name: string; source: string }[] {
  return Object.entries(pkg.bin ?? {}).map(([command, file]) => {
    const name = distName(`bin.${command}`, file)
    return { name, source: `src/${name}/bin.ts` }
  })
}
