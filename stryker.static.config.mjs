// `npx stryker run stryker.static.config.mjs --mutate <file>`: the same run with static mutants
// counted (module-level code, and code that only runs in beforeAll hooks). Each one re-runs every
// related test file in a fresh environment, so keep it to one file. Stryker's command line has no
// way to turn `ignoreStatic` off (`--ignoreStatic false` reads `false` as a config file's name).
// See CONTRIBUTING.md "Mutation testing".
import base from './stryker.config.mjs'

export default {
  ...base,
  ignoreStatic: false,
  // Its own incremental file: a result with static mutants counted is not one without.
  incrementalFile: 'reports/stryker-incremental-static.json',
}
