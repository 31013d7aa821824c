import { rm } from 'node:fs/promises'
import { defineConfig } from 'tsup'
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

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  // Types for what a user imports; the bin is a program, not a module.
  dts: { entry: Object.fromEntries(entryPoints().map(({ name, source }) => [name, source])) },
  clean: true,
  // Maps give stack traces (node --enable-source-maps) and debuggers the src/ file and line; they do
  // not carry the sources a second time (sourcesContent), which was most of the installed size.
  sourcemap: true,
  esbuildOptions(options) {
    options.sourcesContent = false
    // The built-in messages (Japanese, accented Latin) as UTF-8, not `\uXXXX` escapes: a few kB less per format.
    options.charset = 'utf8'
  },
  // `import.meta.url` in the CJS build too: src/i18n/intl-on-demand.ts requires from the built file.
  shims: true,
  target: 'node20',
  platform: 'node',
  // Shared chunks: the core is one file every entry point imports (in ESM and in CJS), not a copy
  // per entry point. Brands are Symbol.for keys (src/problem.ts), so ESM and CJS copies still agree.
  splitting: true,
  // Rollup writes the CJS chunks. Without it tsup converts them with sucrase, which rewrites every
  // `?.` and `??` into helper calls (closures on the error path) and writes the build machine's
  // absolute paths into the maps.
  treeshake: true,
  onSuccess: removeCjsBins,
})
