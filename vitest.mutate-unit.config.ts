// The unit tests alone, as `npm run mutate:unit` runs them (stryker.unit.config.mjs): the
// framework-free tests at the root of test/, with the mutation settings of vitest.mutate.config.ts.
// `include` is replaced, not merged: mergeConfig would append it to the whole suite's.
import base from './vitest.mutate.config.js'

export default { ...base, test: { ...base.test, include: ['test/*.test.ts'] } }
