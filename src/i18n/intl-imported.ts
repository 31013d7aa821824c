/**
 * `http-problems/fetch`'s loader for `intl-modules.ts`: the two packages imported with the module,
 * since the runtimes it serves (Workers, Deno, browsers) cannot `require` them later.
 */
// intl-messageformat first: it loads @formatjs/intl-localematcher itself (through
// @formatjs/ecma402-abstract). Imported the other way round, Node's ESM loader translated the
// matcher's CommonJS files on their own first, and `import 'http-problems/fetch'` cost about 40 %
// more CPU (BENCHMARKS.md, import time).
import { IntlMessageFormat } from 'intl-messageformat'
import { match } from '@formatjs/intl-localematcher'
import type { IntlModules } from './intl-modules.js'

const IMPORTED: IntlModules = { IntlMessageFormat, match }

/** The two packages, already loaded. */
export function intlImported(): IntlModules {
  return IMPORTED
}
