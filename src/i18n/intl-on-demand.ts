/**
 * The Node adapters' loader for `intl-modules.ts`: `require`s intl-messageformat and
 * @formatjs/intl-localematcher the first time `localization` is compiled, at registration, so
 * registration stays synchronous and a service without `localization` never loads them.
 *
 * `require` from this built file (`import.meta.url`; tsup `shims` supplies it in the CJS build),
 * so the packages resolve from where http-problems is installed. In ESM it returns the very
 * module an `import` would: both packages are CommonJS (`main`, no `exports`), and Node loads a
 * CommonJS package imported from ESM through the same CommonJS loader and cache.
 */
import { createRequire } from 'node:module'
import type { IntlModules } from './intl-modules.js'

let loaded: IntlModules | undefined

/** The two packages, required on the first call. */
export function intlOnDemand(): IntlModules {
  if (loaded === undefined) {
    const requireHere = createRequire(import.meta.url)
    const { IntlMessageFormat } = requireHere('intl-messageformat') as Pick<IntlModules, 'IntlMessageFormat'>
    const { match } = requireHere('@formatjs/intl-localematcher') as Pick<IntlModules, 'match'>
    loaded = { IntlMessageFormat, match }
  }
  return loaded
}
