import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
