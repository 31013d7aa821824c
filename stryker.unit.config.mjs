// `npm run mutate:unit -- --mutate <files>`: a first pass over the most-covered core files
// (render.ts, problem.ts) with the unit tests at the root of test/ only. Almost every test of the
// suite covers those files, so a survivor under the whole suite re-runs thousands of tests and a
// run takes hours; with the unit tests it takes minutes. Its survivors are a superset of the real
// ones: run the whole suite over their lines next (`npm run mutate:partial` prints the command).
// See CONTRIBUTING.md "Mutation testing".
import base from './stryker.config.mjs'

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.mutate-unit.config.ts' },
  // Its own incremental file: results against the unit tests alone must not be reused as if the
  // whole suite had been run.
  incrementalFile: 'reports/stryker-incremental-unit.json',
}
