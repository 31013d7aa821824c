import { rm } from 'node:fs/promises'
import { defineConfig, type Options } from 'tsup'
import { binEntries, entryPoints } from './scripts/entry-points.js'

// One build, two formats: `import` gets ESM (.js + .d.ts), `require` gets CJS (.cjs + .d.cts).
// The entries are package.json's `exports` and `bin` (scripts/entry-points.ts), so a new entry point
// is one line in `exports`. The bin (dist/cli.js) keeps its shebang (esbuild); one config, so
// `clean` cannot race.
const entry = Object.fromEntries([...entryPoints(), ...binEntries()].map(({ name, source }) => [name, source]))

/** The bin runs as ESM (package.json `bin` names dist/<name>.js): its CJS build is never loaded. */
async function removeCjsBins(): Promise<void> {
  await Promise.all(binEntries().flatMap(({ name }) => [`dist/${name}.cjs`, `dist/${name}.cjs.map`].map((file) => rm(file, { force: true }))))
}

/**
 * Entry points a service loads without a server adapter: built whole, each one file per format,
 * with no shared chunk. Their closures are small (20 to 120 kB), and loading one file costs less
 * than loading the 5 to 10 chunks they would share with the servers (BENCHMARKS.md, "Import time":
 * with chunks, `import 'http-problems/client'` cost 1.3x to 1.5x the one-file build). A copy of the
 * core inside them is safe: the ESM and CJS builds are two copies already, so problems, brands and
 * the little shared state agree across copies through `Symbol.for` keys (src/problem.ts,
 * src/request-correlation.ts, src/tracing.ts), checked by test/package/import.mjs.
 */
const WHOLE = new Set(['client', 'testing', 'mapping', 'fetch'])
for (const name of WHOLE) if (!(name in entry)) throw new Error(`tsup.config.ts: "${name}" is built whole but is no entry point in package.json exports`)

const shared = {
  format: ['esm', 'cjs'],
  // `dist/` is emptied once by `npm run build` (the prebuild script), not here: the two builds
  // below run at the same time, and either one's `clean` could delete what the other wrote.
  clean: false,
  esbuildOptions(options) {
    options.sourcesContent = false
    // The built-in messages (Japanese, accented Latin) as UTF-8, not `\uXXXX` escapes: a few kB less per format.
    options.charset = 'utf8'
  },
  // `import.meta.url` in the CJS build too: src/i18n/intl-on-demand.ts requires from the built file.
  shims: true,
  target: 'node20',
  platform: 'node',
  // Rollup writes the output. Without it tsup converts CJS chunks with sucrase, which rewrites every
  // `?.` and `??` into helper calls (closures on the error path) and writes the build machine's
  // absolute paths into the maps.
  treeshake: true,
} satisfies Options

export default defineConfig([
  {
    ...shared,
    entry: Object.fromEntries(Object.entries(entry).filter(([name]) => !WHOLE.has(name))),
    // Types for what a user imports, every entry point in one declaration build, so that a type
    // (`HttpProblem`, `NotFound`) is one declaration whichever entry point it comes from; the bin is
    // a program, not a module.
    dts: { entry: Object.fromEntries(entryPoints().map(({ name, source }) => [name, source])) },
    // Maps give stack traces (node --enable-source-maps) and debuggers the src/ file and line; they do
    // not carry the sources a second time (sourcesContent), which was most of the installed size.
    sourcemap: true,
    // Shared chunks: the core is one file the server entry points import (in ESM and in CJS), not a
    // copy per entry point. Brands are Symbol.for keys (src/problem.ts), so copies still agree.
    splitting: true,
    onSuccess: removeCjsBins,
  },
  {
    ...shared,
    entry: Object.fromEntries(Object.entries(entry).filter(([name]) => WHOLE.has(name))),
    dts: false,
    // No maps: each file is readable as it ships (not minified, every part headed by its src/ path),
    // and maps for these copies of the core would add about 430 kB to every install.
    sourcemap: false,
    splitting: false,
  },
])
