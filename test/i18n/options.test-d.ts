// Type tests of the `localization` option: what must compile, and what must NOT.
import Fastify from 'fastify'
import { describe, expectTypeOf, it } from 'vitest'
import problems, { type LocalizationOptions, type ProblemMessages } from '../../src/index.js'
import { problems as expressProblems, type ExpressProblemsOptions } from '../../src/express/index.js'

describe('localization option types', () => {
  it('accepts locales, a default and messages, in both adapters', async () => {
    const localization = {
      locales: ['en', 'de'],
      defaultLocale: 'de',
      messages: { de: { OUT_OF_CREDIT: { title: 'Guthaben reicht nicht', detail: 'Ihr Guthaben ist {balance, number}.' } } },
    } satisfies LocalizationOptions
    await Fastify().register(problems, { localization })
    expressProblems({ localization })
    expectTypeOf<ExpressProblemsOptions['localization']>().toEqualTypeOf<LocalizationOptions | undefined>()
    expectTypeOf<ProblemMessages['title']>().toEqualTypeOf<string | undefined>()
    // The docs pages' texts of a type.
    expectTypeOf<ProblemMessages['description']>().toEqualTypeOf<string | undefined>()
    expressProblems({ localization: { locales: ['de'], messages: { de: { X: { description: 'Was passiert ist', resolution: 'Was zu tun ist' } } } } })
  })

  it('refuses what cannot work', async () => {
    // @ts-expect-error locales are required
    await Fastify().register(problems, { localization: { defaultLocale: 'en' } })
    // @ts-expect-error locales is an array of tags
    await Fastify().register(problems, { localization: { locales: 'en' } })
    // @ts-expect-error a message is a string
    expressProblems({ localization: { locales: ['en'], messages: { en: { X: { title: 1 } } } } })
    // @ts-expect-error an entry has only title, detail, description and resolution
    expressProblems({ localization: { locales: ['en'], messages: { en: { X: { titel: 'x' } } } } })
    // @ts-expect-error a description is a string
    expressProblems({ localization: { locales: ['en'], messages: { en: { X: { description: ['x'] } } } } })
  })
})
