import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // localization code needs an adapter to say how intl-messageformat loads; unit tests have none.
    setupFiles: ['test/setup/intl-modules.ts'],
    // The machines are shared and loaded: property tests and real sockets can take seconds when
    // the CPU is busy. A timeout is a hang guard here, never a speed check (that is `npm run bench`).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Type tests (*.test-d.ts) run through tsc: `expectTypeOf` and `@ts-expect-error` cases.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*-types.ts'],
      thresholds: { lines: 95, statements: 95, functions: 95, branches: 90 },
      reporter: ['text-summary', 'text'],
    },
  },
})
