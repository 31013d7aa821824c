// Mutation testing (`npm run mutate`): which wrong line would the suite notice? See CONTRIBUTING.md
// "Mutation testing" for how to run it and the table of scores. Not part of `npm test` or CI: a full
// run takes hours on two cores.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the test files that import a mutated file run against its mutants.
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  // Every source file; pure type files (`*-types.ts`, the same rule as coverage) emit no code to mutate.
  mutate: ['src/**/*.ts', '!src/**/*-types.ts'],
  coverageAnalysis: 'perTest',
  // A static mutant (module-level code, and code that only runs in beforeAll hooks, such as
  // registering the plugin) re-runs every related test file in a fresh environment: minutes each,
  // two days for the whole of src/. They are left out of the score; CONTRIBUTING.md says how to
  // measure them (`stryker.static.config.mjs`) and which checks that leaves to hand-made mutants.
  ignoreStatic: true,
  // A second run re-tests only mutants whose code or covering tests changed since the last one.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two shared cores: one sandbox by default; `--concurrency 2` on a quiet machine.
  concurrency: 1,
  timeoutMS: 20_000,
  // The dry run is the whole suite, instrumented, on a shared machine: minutes, not seconds.
  dryRunTimeoutMinutes: 40,
  // event-recorder writes each mutant's result as soon as it is known: a run stopped before its end
  // still leaves them, and `npm run mutate:partial` makes a report of them (the others write at the end).
  reporters: ['clear-text', 'progress', 'html', 'json', 'event-recorder'],
  eventReporter: { baseDir: 'reports/mutation/events' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  // Not copied into the sandbox: local experiments and build output.
  ignorePatterns: ['.scratch', 'coverage', 'dist'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
