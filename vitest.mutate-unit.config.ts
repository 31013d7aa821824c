// The unit tests alone, as `npm run mutate:unit` runs them (stryker.unit.config.mjs): the
// framework-free tests at the root of test/, with the mutation settings of vitest.mutate.config.ts.
// `MUTATE_ALSO=test/validation/**/*.test.ts,...` adds the test files of the code being mutated
// when they live in a folder. `include` is replaced, not merged: mergeConfig would append it to
// the whole suite's.
import base from './vitest.mutate.config.js'

const also = (process.env.MUTATE_ALSO ?? '').split(',').filter((glob) => glob !== '')

export default { ...base, test: { ...base.test, include: ['test/*.test.ts', ...also] } }
