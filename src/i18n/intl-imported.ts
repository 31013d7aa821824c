/**
 * `http-problems/fetch`'s loader for `intl-modules.ts`: the two packages imported with the module,
 * since the runtimes it serves (Workers, Deno, browsers) cannot `require` them later.
 */
import { match } from '@formatjs/intl-localematcher'
import { IntlMessageFormat } from 'intl-messageformat'
import type { IntlModules } from './intl-modules.js'

const IMPORTED: IntlModules = { IntlMessageFormat, match }

/** The two packages, already loaded. */
export function intlImported(): IntlModules {
  return IMPORTED
}
