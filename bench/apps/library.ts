/**
 * The library under test, loaded from the build (`dist/`) by default: that is what users run, and
 * it is not what tsx makes of the sources (tsx compiles with `keepNames`, which wraps every
 * function created per request in a naming helper and skews a per-request benchmark).
 * `BENCH_LIBRARY=src` loads the TypeScript sources instead, for quick iterations without a build.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type * as Root from '../../src/index.js'
import type * as Express from '../../src/express/index.js'
import type * as Mapping from '../../src/mapping/index.js'
import type * as Fetch from '../../src/fetch/index.js'
import type * as KoaAdapter from '../../src/koa/index.js'

const fromSource = process.env.BENCH_LIBRARY === 'src'

const SOURCES = {
  index: '../../src/index.ts',
  express: '../../src/express/index.ts',
  mapping: '../../src/mapping/index.ts',
  fetch: '../../src/fetch/index.ts',
  koa: '../../src/koa/index.ts',
}

function entry(name: keyof typeof SOURCES): string {
  const url = new URL(fromSource ? SOURCES[name] : `../../dist/${name}.js`, import.meta.url)
  if (!existsSync(fileURLToPath(url))) {
    throw new Error(`${fileURLToPath(url)} is missing: run \`npm run build\` first (npm run bench does)`)
  }
  return url.href
}

/** `http-problems`, from dist/ (or src/ with BENCH_LIBRARY=src). */
export async function loadLibrary(): Promise<typeof Root> {
  return (await import(entry('index'))) as typeof Root
}

/** `http-problems/express`, from dist/ (or src/ with BENCH_LIBRARY=src). */
export async function loadExpressAdapter(): Promise<typeof Express> {
  return (await import(entry('express'))) as typeof Express
}

/** `http-problems/mapping`, from dist/ (or src/ with BENCH_LIBRARY=src). */
export async function loadMapping(): Promise<typeof Mapping> {
  return (await import(entry('mapping'))) as typeof Mapping
}

/** `http-problems/fetch`, from dist/ (or src/ with BENCH_LIBRARY=src). */
export async function loadFetchAdapter(): Promise<typeof Fetch> {
  return (await import(entry('fetch'))) as typeof Fetch
}

/** `http-problems/koa`, from dist/ (or src/ with BENCH_LIBRARY=src). */
export async function loadKoaAdapter(): Promise<typeof KoaAdapter> {
  return (await import(entry('koa'))) as typeof KoaAdapter
}

/** Where the library was loaded from, for the report. */
export const LIBRARY_SOURCE = fromSource ? 'src (through tsx)' : 'dist (the build)'
