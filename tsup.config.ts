import { defineConfig } from 'tsup'

// One build, two formats: `import` gets ESM (.js + .d.ts), `require` gets CJS (.cjs + .d.cts).
export default defineConfig({
  entry: { index: 'src/index.ts', express: 'src/express/index.ts', client: 'src/client/index.ts', testing: 'src/testing/index.ts', cli: 'src/cli/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
})
