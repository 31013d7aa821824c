// The suite as Stryker runs it (stryker.config.mjs): the same tests, with room for instrumented
// code on two shared cores. Mutated code runs several times slower, so a property test that takes
// two seconds normally would hit the 5-second default and fail the dry run. Type tests are left to
// `npm test`: a mutant changes what runs, never what compiles.
import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config.js'

export default mergeConfig(
  base,
  defineConfig({
    test: {
      testTimeout: 60_000,
      hookTimeout: 60_000,
      typecheck: { enabled: false },
    },
  }),
)
