/** A bad `localization` option throws a UsageError at registration that names it. */
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import problems, { UsageError } from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'
import { resolveLocalization } from '../../src/i18n/localization.js'

const BAD: [name: string, value: unknown, option: string][] = [
  ['not an object', 'de', 'localization'],
  ['an array', ['de'], 'localization'],
  ['an unknown key', { locales: ['en'], fallback: 'en' }, 'localization.fallback'],
  ['no locales', {}, 'localization.locales'],
  ['empty locales', { locales: [] }, 'localization.locales'],
  ['locales not an array', { locales: 'en' }, 'localization.locales'],
  ['a malformed tag', { locales: ['en', 'de_DE'] }, 'localization.locales[1]'],
  ['a non-string tag', { locales: [42] }, 'localization.locales[0]'],
  ['a duplicate locale', { locales: ['de', 'DE'] }, 'localization.locales[1]'],
  ['a default not among the locales', { locales: ['en'], defaultLocale: 'de' }, 'localization.defaultLocale'],
  ['a malformed default', { locales: ['en'], defaultLocale: '' }, 'localization.defaultLocale'],
  ['messages not an object', { locales: ['en'], messages: [] }, 'localization.messages'],
  ['messages of a locale not served', { locales: ['en'], messages: { fr: {} } }, 'localization.messages.fr'],
  ['messages of a malformed locale', { locales: ['en'], messages: { 'en_US': {} } }, 'localization.messages.en_US'],
  ['one locale twice', { locales: ['de'], messages: { de: {}, DE: {} } }, 'localization.messages.DE'],
  ['a locale whose messages are not an object', { locales: ['en'], messages: { en: 'x' } }, 'localization.messages.en'],
  ['an entry that is not an object', { locales: ['en'], messages: { en: { X: 'text' } } }, 'localization.messages.en.X'],
  ['an empty key', { locales: ['en'], messages: { en: { '': { title: 'x' } } } }, 'localization.messages.en.'],
  ['an entry with an unknown member', { locales: ['en'], messages: { en: { X: { titel: 'x' } } } }, 'localization.messages.en.X.titel'],
  ['a title that is not a string', { locales: ['en'], messages: { en: { X: { title: 1 } } } }, 'localization.messages.en.X.title'],
  ['a detail that is not ICU MessageFormat', { locales: ['de'], messages: { de: { X: { detail: 'Guthaben {balance, number' } } } }, 'localization.messages.de.X.detail'],
  ['a plural without other', { locales: ['en'], messages: { en: { X: { detail: '{n, plural, one {#}}' } } } }, 'localization.messages.en.X.detail'],
  ['a description that is not a string', { locales: ['en'], messages: { en: { X: { description: ['x'] } } } }, 'localization.messages.en.X.description'],
  ['a resolution that is not ICU MessageFormat', { locales: ['en'], messages: { en: { X: { resolution: 'Top {up' } } } }, 'localization.messages.en.X.resolution'],
]

describe('localization option checks', () => {
  it.each(BAD)('refuses %s, naming %s', (_name, value, option) => {
    let thrown: unknown
    try {
      resolveLocalization(value)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(UsageError)
    expect((thrown as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
    expect((thrown as UsageError).message).toContain(`option "${option}"`)
  })

  it('absent means no localization', () => {
    expect(resolveLocalization(undefined)).toBeUndefined()
  })

  it('rejects registration in both adapters', async () => {
    const app = Fastify()
    await expect(app.register(problems, { localization: { locales: [] } }).ready()).rejects.toThrow(/option "localization.locales"/)
    await app.close()
    expect(() => expressProblems({ localization: { locales: ['en'], defaultLocale: 'fr' } })).toThrow(/option "localization.defaultLocale"/)
  })

  it('canonicalizes tags, and reads the messages of a tag written otherwise', () => {
    const localization = resolveLocalization({ locales: ['EN', 'de-at'], messages: { 'DE-AT': { X: { title: 'Titel' } } } })!
    expect(localization.defaultLocale).toBe('en')
    expect([...localization.chains.keys()]).toEqual(['en', 'de-AT'])
    expect(localization.chains.get('de-AT')!.map((table) => table.locale)).toEqual(['de-AT', 'en'])
    expect(localization.chains.get('de-AT')![0]!.byCode.get('X')!.title).toBe('Titel')
  })

  it('compiles each message once, at registration: a message without arguments is kept as text', () => {
    const localization = resolveLocalization({
      locales: ['en'],
      messages: { en: { STATIC: { title: 'Plain' }, ARGS: { detail: 'Has {n}' }, 'urn:problem:x': { title: 'By type' } } },
    })!
    const [table] = localization.chains.get('en')!
    expect(table!.byCode.get('STATIC')!.title).toBe('Plain')
    expect(typeof table!.byCode.get('ARGS')!.detail).toBe('object')
    expect(table!.byType.get('urn:problem:x')!.title).toBe('By type')
    expect(table!.byCode.has('urn:problem:x')).toBe(false)
  })
})
