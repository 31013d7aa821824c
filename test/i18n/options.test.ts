/** A bad `localization` option throws a UsageError at registration that names it. */
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import problems, { UsageError } from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'
import { resolveLocalization } from '../../src/i18n/localization.js'

const BCP47_TAG = 'a BCP 47 language tag such as "de" or "de-AT"'
const ENTRY = '{ title?, detail?, description?, resolution? }'

// Each misuse, and the whole message it throws: the option's path, what it must be, what it was.
const BAD: [name: string, value: unknown, option: string, mustBe: string, received: string][] = [
  ['not an object', 'de', 'localization', 'an object { locales, defaultLocale?, messages? }', 'the string "de"'],
  ['an array', ['de'], 'localization', 'an object { locales, defaultLocale?, messages? }', 'an array'],
  ['an unknown key', { locales: ['en'], fallback: 'en' }, 'localization.fallback', 'absent (unknown option; known: locales, defaultLocale, messages)', 'the string "en"'],
  ['no locales', {}, 'localization.locales', 'a non-empty array of BCP 47 language tags', 'undefined'],
  ['empty locales', { locales: [] }, 'localization.locales', 'a non-empty array of BCP 47 language tags', 'an array'],
  ['locales not an array', { locales: 'en' }, 'localization.locales', 'a non-empty array of BCP 47 language tags', 'the string "en"'],
  ['a malformed tag', { locales: ['en', 'de_DE'] }, 'localization.locales[1]', BCP47_TAG, 'the string "de_DE"'],
  ['a non-string tag', { locales: [42] }, 'localization.locales[0]', BCP47_TAG, 'number 42'],
  ['a tag in a list', { locales: [['de']] }, 'localization.locales[0]', BCP47_TAG, 'an array'],
  ['a duplicate locale', { locales: ['de', 'DE'] }, 'localization.locales[1]', 'a locale not already listed', 'the string "DE"'],
  ['a default not among the locales', { locales: ['en', 'fr'], defaultLocale: 'de' }, 'localization.defaultLocale', 'one of localization.locales (en, fr)', 'the string "de"'],
  ['a malformed default', { locales: ['en'], defaultLocale: '' }, 'localization.defaultLocale', BCP47_TAG, 'the string ""'],
  ['messages not an object', { locales: ['en'], messages: [] }, 'localization.messages', 'an object of messages per locale', 'an array'],
  ['null messages', { locales: ['en'], messages: null }, 'localization.messages', 'an object of messages per locale', 'null'],
  ['messages of a locale not served', { locales: ['en', 'de'], messages: { fr: {} } }, 'localization.messages.fr', 'messages of one of localization.locales (en, de)', 'the string "fr"'],
  ['messages of a malformed locale', { locales: ['en'], messages: { 'en_US': {} } }, 'localization.messages.en_US', BCP47_TAG, 'the string "en_US"'],
  ['one locale twice', { locales: ['de'], messages: { de: {}, DE: {} } }, 'localization.messages.DE', 'the only messages of its locale', 'the string "DE"'],
  ['a locale whose messages are not an object', { locales: ['en'], messages: { en: 'x' } }, 'localization.messages.en', `an object of ${ENTRY} per problem code or type`, 'the string "x"'],
  ['an entry that is not an object', { locales: ['en'], messages: { en: { X: 'text' } } }, 'localization.messages.en.X', `an object ${ENTRY}`, 'the string "text"'],
  ['an empty key', { locales: ['en'], messages: { en: { '': { title: 'x' } } } }, 'localization.messages.en.', 'a problem code or type URI, not empty', 'the string ""'],
  ['an entry with an unknown member', { locales: ['en'], messages: { en: { X: { titel: 'x' } } } }, 'localization.messages.en.X.titel', 'absent (unknown option; known: title, detail, description, resolution)', 'the string "x"'],
  ['a title that is not a string', { locales: ['en'], messages: { en: { X: { title: 1 } } } }, 'localization.messages.en.X.title', 'a string (ICU MessageFormat)', 'number 1'],
  ['a detail that is not ICU MessageFormat', { locales: ['de'], messages: { de: { X: { detail: 'Guthaben {balance, number' } } } }, 'localization.messages.de.X.detail', 'a valid ICU MessageFormat message (EXPECT_ARGUMENT_CLOSING_BRACE)', 'the string "Guthaben {balance, number"'],
  ['a plural without other', { locales: ['en'], messages: { en: { X: { detail: '{n, plural, one {#}}' } } } }, 'localization.messages.en.X.detail', 'a valid ICU MessageFormat message (MISSING_OTHER_CLAUSE)', 'the string "{n, plural, one {#}}"'],
  ['a description that is not a string', { locales: ['en'], messages: { en: { X: { description: ['x'] } } } }, 'localization.messages.en.X.description', 'a string (ICU MessageFormat)', 'an array'],
  ['a resolution that is not ICU MessageFormat', { locales: ['en'], messages: { en: { X: { resolution: 'Top {up' } } } }, 'localization.messages.en.X.resolution', 'a valid ICU MessageFormat message (EXPECT_ARGUMENT_CLOSING_BRACE)', 'the string "Top {up"'],
]

describe('localization option checks', () => {
  it.each(BAD)('refuses %s, naming %s', (_name, value, option, mustBe, received) => {
    let thrown: unknown
    try {
      resolveLocalization(value)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(UsageError)
    expect((thrown as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
    expect((thrown as UsageError).message).toBe(`http-problems: option "${option}" must be ${mustBe}, received ${received}`)
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

  it('chains each locale to its configured shorter tags, then the default, each once', () => {
    const localization = resolveLocalization({ locales: ['en', 'de', 'de-AT', 'de-AT-1996'], defaultLocale: 'de' })!
    const chain = (locale: string): string[] => localization.chains.get(locale)!.map((table) => table.locale)
    expect(chain('de-AT-1996')).toEqual(['de-AT-1996', 'de-AT', 'de'])
    expect(chain('de-AT')).toEqual(['de-AT', 'de'])
    expect(chain('de')).toEqual(['de'])
    expect(chain('en')).toEqual(['en', 'de'])
  })

  it('a key is a problem type when it starts with a URI scheme; a code may hold a colon', () => {
    const localization = resolveLocalization({ locales: ['en'], messages: { en: { 'ERR_DB:TIMEOUT': { title: 'By code' }, 'tag:example.com,2026:x': { title: 'By type' } } } })!
    const [table] = localization.chains.get('en')!
    expect([...table!.byCode.keys()]).toEqual(['ERR_DB:TIMEOUT'])
    expect([...table!.byType.keys()]).toEqual(['tag:example.com,2026:x'])
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
