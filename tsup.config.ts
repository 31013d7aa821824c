import { defineConfig } from 'tsup'

// One build, two formats: `import` gets ESM (.js + .d.ts), `require` gets CJS (.cjs + .d.cts).
// `cli` is the `bin` (dist/cli.js, its shebang kept by esbuild); one config, so `clean` cannot race.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    express: 'src/express/index.ts',
    client: 'src/client/index.ts',
    testing: 'src/testing/index.ts',
    mapping: 'src/mapping/index.ts',
    nestjs: 'src/nestjs/index.ts',
    fetch: 'src/fetch/index.ts',
    koa: 'src/koa/index.ts',
    cli: 'src/cli/bin.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
})
