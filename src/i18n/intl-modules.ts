/**
 * Where the `localization` code finds intl-messageformat and @formatjs/intl-localematcher. They
 * are most of what loading an adapter costs (BENCHMARKS.md, import time), and only `localization`
 * uses them, so the code here does not import them: each adapter says how they are loaded when it
 * checks its options, before anything is compiled.
 *
 * - The Node adapters (Fastify, Express, Koa, NestJS) `require` them on first use
 *   (`intl-on-demand.ts`): a service without `localization` never loads them.
 * - `http-problems/fetch` imports them (`intl-imported.ts`): the runtimes it serves (Workers,
 *   Deno, browsers) have no synchronous `require`, and its graph has no Node import.
 *
 * Both give the same modules on Node (the packages are CommonJS: an `import` of them loads them
 * through the same CommonJS loader), so which adapter said it last does not matter.
 */
import type { match } from '@formatjs/intl-localematcher'
import type { IntlMessageFormat } from 'intl-messageformat'

/** What the localization code uses of the two packages. */
export interface IntlModules {
  readonly IntlMessageFormat: typeof IntlMessageFormat
  readonly match: typeof match
}

let load: (() => IntlModules) | undefined

/** How the modules are loaded from now on; called by each adapter as it checks its options. */
export function useIntlModules(loader: () => IntlModules): void {
  load = loader
}

/** The modules, loaded by the loader the adapter chose (on the first call, for `intl-on-demand.ts`). */
export function intlModules(): IntlModules {
  if (load === undefined) throw new Error('http-problems: no adapter chose how to load intl-messageformat (an adapter calls useIntlModules before compiling localization)')
  return load()
}
