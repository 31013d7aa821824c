/**
 * How the `localization` code loads intl-messageformat and @formatjs/intl-localematcher: each
 * adapter chooses as it checks its options (src/i18n/intl-modules.ts). The Node adapters require
 * them on demand, so importing an adapter does not load them (test/package/lazy-dependencies.mjs
 * checks that on the built package); `http-problems/fetch` imports them.
 */
import { match } from '@formatjs/intl-localematcher'
import express from 'express'
import Fastify from 'fastify'
import { IntlMessageFormat } from 'intl-messageformat'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problems as expressProblems } from '../../src/express/index.js'
import { problems as fetchProblems } from '../../src/fetch/index.js'
import { intlImported } from '../../src/i18n/intl-imported.js'
import { intlModules, useIntlModules, type IntlModules } from '../../src/i18n/intl-modules.js'
import { intlOnDemand } from '../../src/i18n/intl-on-demand.js'
import { resolveLocalization } from '../../src/i18n/localization.js'
import { httpProblems } from '../../src/index.js'
import { problems as koaProblems } from '../../src/koa/index.js'
import { ProblemFilter } from '../../src/nestjs/index.js'

const localization = { locales: ['en', 'de'], messages: { de: { OUT_OF_CREDIT: { detail: 'Ihr Guthaben ist {balance, number}.' } } } }

/** A loader that fails the test if the localization code uses it. */
function poisoned(): IntlModules {
  throw new Error('the previous loader was used: the adapter did not choose its own')
}

afterEach(() => {
  useIntlModules(intlOnDemand) // as test/setup/intl-modules.ts left it
})

describe('intl modules', () => {
  it('the on-demand loader requires the very modules an import gives, once', () => {
    expect(intlOnDemand().IntlMessageFormat).toBe(IntlMessageFormat)
    expect(intlOnDemand().match).toBe(match)
    expect(intlOnDemand()).toBe(intlOnDemand())
  })

  it('the imported loader gives the imported modules', () => {
    expect(intlImported()).toEqual({ IntlMessageFormat, match })
  })

  it('compiles with the loader chosen last', () => {
    const used = vi.fn(intlOnDemand)
    useIntlModules(used)
    expect(intlModules()).toBe(intlOnDemand())
    resolveLocalization(localization)
    expect(used).toHaveBeenCalled()
  })

  it('without a choice, compiling localization throws saying an adapter must choose', async () => {
    vi.resetModules()
    const fresh = await import('../../src/i18n/intl-modules.js')
    expect(fresh.intlModules).not.toBe(intlModules)
    expect(() => fresh.intlModules()).toThrow(/useIntlModules/)
  })

  const adapters: [adapter: string, expected: () => IntlModules, register: () => Promise<void> | void][] = [
    ['Fastify', intlOnDemand, async (): Promise<void> => {
      const app = Fastify()
      await app.register(httpProblems, { localization })
      await app.close()
    }],
    ['Express', intlOnDemand, () => void express().use(expressProblems({ localization }).errorHandler)],
    ['Koa', intlOnDemand, () => void koaProblems({ localization })],
    ['NestJS', intlOnDemand, () => void new ProblemFilter({ localization })],
    ['fetch', intlImported, () => void fetchProblems({ localization })],
  ]

  it.each(adapters)('%s chooses its loader before it compiles localization', async (_adapter, expected, register) => {
    useIntlModules(poisoned)
    await register()
    expect(intlModules()).toBe(expected())
  })
})
