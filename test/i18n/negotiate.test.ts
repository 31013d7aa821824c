/**
 * Accept-Language negotiation (RFC 9110 12.5.4, RFC 4647 lookup): q-values, wildcards, regions,
 * and malformed fields, which fall back to the default locale.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { acceptedLanguages, MAX_ACCEPT_LANGUAGE_LENGTH } from '../../src/i18n/accept-language.js'
import { useIntlModules } from '../../src/i18n/intl-modules.js'
import { intlOnDemand } from '../../src/i18n/intl-on-demand.js'
import { localeNegotiator } from '../../src/i18n/negotiate.js'

const LOCALES = ['en', 'de', 'de-AT', 'fr', 'ja', 'it']

const TABLE: [field: string | string[] | undefined, locale: string][] = [
  [undefined, 'en'],
  ['', 'en'],
  ['de', 'de'],
  ['de-AT', 'de-AT'],
  ['DE-at', 'de-AT'],
  ['de-CH', 'de'],
  ['de-Latn-CH-1996', 'de'],
  ['it-IT', 'it'],
  ['fr-CA, de;q=0.9', 'fr'],
  ['de;q=0.5, fr;q=0.8', 'fr'],
  ['de;q=0.5, fr', 'fr'],
  ['de ; q=0.8 , fr ; q=0.9', 'fr'],
  ['de;Q=0.5, fr;q=0.4', 'de'],
  ['de;q=1.000, fr', 'de'],
  ['ja, de', 'ja'],
  ['de, ja', 'de'],
  ['es, ja;q=0.1', 'ja'],
  ['es', 'en'],
  ['es-ES, pt;q=0.9', 'en'],
  ['*', 'en'],
  ['es, *;q=0.5, de;q=0.1', 'en'],
  ['de;q=0.1, *;q=0.5', 'en'],
  ['de;q=0, fr;q=0.1', 'fr'],
  ['de;q=0', 'en'],
  ['de;q=0.000', 'en'],
  [['de', 'fr'], 'de'],
  [['es', 'fr;q=0.5'], 'fr'],
  // Malformed members are skipped; a field with none left answers in the default locale.
  ['de;q=1.5', 'en'],
  ['de;q=0.1234', 'en'],
  ['de;q=abc', 'en'],
  ['de;q=', 'en'],
  ['de;level=1', 'en'],
  ['de-', 'en'],
  ['-de', 'en'],
  ['verylongtag', 'en'],
  [';;;', 'en'],
  [',,,', 'en'],
  ['de;q=1.5, fr', 'fr'],
  ['en-1, de', 'de'],
  ['i-klingon, fr', 'fr'],
  ['de\u0000', 'en'],
  ['日本語, ja', 'ja'],
  [`${'x'.repeat(MAX_ACCEPT_LANGUAGE_LENGTH)}, de`, 'en'],
  [`${',' .repeat(500)}de`, 'en'],
]

afterEach(() => {
  useIntlModules(intlOnDemand) // as test/setup/intl-modules.ts left it
})

describe('localeNegotiator', () => {
  const negotiate = localeNegotiator(LOCALES, 'en')

  it.each(TABLE.map(([field, locale]) => [JSON.stringify(field)?.slice(0, 60) ?? 'undefined', field, locale] as const))(
    'Accept-Language %s → %s',
    (_name, field, locale) => {
      expect(negotiate(field)).toBe(locale)
      // Twice: the remembered answer is the computed one.
      expect(negotiate(field)).toBe(locale)
    },
  )

  it('matches by RFC 4647 lookup: a range finds its own tag or a shorter one, never another region or a related language', () => {
    expect(localeNegotiator(['de', 'en-US'], 'de')('en-GB')).toBe('de')
    expect(localeNegotiator(['en', 'pt-BR'], 'en')('pt')).toBe('en')
    expect(localeNegotiator(['en', 'nb'], 'en')('nn')).toBe('en')
    expect(localeNegotiator(['en', 'zh-Hant'], 'en')('zh-TW')).toBe('en')
  })

  it('falls back to the default locale given, not the first', () => {
    expect(localeNegotiator(LOCALES, 'fr')('es')).toBe('fr')
    expect(localeNegotiator(LOCALES, 'fr')(undefined)).toBe('fr')
  })

  it('answers as for no header when the matcher refuses a tag Intl accepted', () => {
    useIntlModules(() => ({
      ...intlOnDemand(),
      match: () => {
        throw new RangeError('Incorrect locale information provided')
      },
    }))
    expect(localeNegotiator(LOCALES, 'fr')('de-AT, de')).toBe('fr')
  })

  /** A negotiator over LOCALES whose lookups are counted. */
  function counted(): { negotiate: ReturnType<typeof localeNegotiator>; lookups: () => number } {
    const { match } = intlOnDemand()
    const lookup = vi.fn(match)
    useIntlModules(() => ({ ...intlOnDemand(), match: lookup }))
    return { negotiate: localeNegotiator(LOCALES, 'en'), lookups: () => lookup.mock.calls.length }
  }

  it('looks a field value up once and remembers the answer', () => {
    const { negotiate, lookups } = counted()
    expect(negotiate('de-AT, fr;q=0.5')).toBe('de-AT')
    expect(negotiate('de-AT, fr;q=0.5')).toBe('de-AT')
    expect(negotiate('fr')).toBe('fr')
    expect(lookups()).toBe(2)
  })

  it('answers the default without a lookup when no header or no usable range is given', () => {
    const { negotiate, lookups } = counted()
    expect(negotiate(undefined)).toBe('en')
    expect(negotiate('')).toBe('en')
    expect(negotiate('*, de')).toBe('en')
    expect(negotiate('de;q=0')).toBe('en')
    expect(lookups()).toBe(0)
  })

  it('remembers 512 field values, then starts over', () => {
    const { negotiate, lookups } = counted()
    const fields = Array.from({ length: 513 }, (_, index) => `de;q=0.${String(index + 1).padStart(3, '0')}`)
    for (const field of fields.slice(0, 512)) negotiate(field)
    expect(lookups()).toBe(512)
    negotiate(fields[0])
    negotiate(fields[511])
    expect(lookups()).toBe(512) // all 512 remembered
    negotiate(fields[512])
    expect(lookups()).toBe(513)
    negotiate(fields[512])
    negotiate(fields[0])
    expect(lookups()).toBe(514) // the 513th is remembered, the first forgotten
  })

  it('does not remember a field given as a list (a new one per request), so lists never push remembered values out', () => {
    const { negotiate, lookups } = counted()
    expect(negotiate('de')).toBe('de')
    for (let index = 0; index < 512; index += 1) expect(negotiate(['fr', 'de;q=0.5'])).toBe('fr')
    expect(lookups()).toBe(513)
    expect(negotiate('de')).toBe('de')
    expect(lookups()).toBe(513) // still remembered
  })

  it('keeps answering correctly past the number of fields it remembers', () => {
    const fresh = localeNegotiator(LOCALES, 'en')
    for (let index = 0; index < 1200; index += 1) {
      expect(fresh(index % 2 === 0 ? `de;q=0.${(index % 900) + 100}` : `es-${index}, fr`)).toBe(index % 2 === 0 ? 'de' : 'fr')
    }
  })
})

describe('acceptedLanguages', () => {
  it('orders by weight, keeping the written order of equal weights, and drops q=0', () => {
    expect(acceptedLanguages('fr;q=0.5, de, en;q=0.5, ja;q=0, *;q=0.1')).toEqual([
      { range: 'de', quality: 1 },
      { range: 'fr', quality: 0.5 },
      { range: 'en', quality: 0.5 },
      { range: '*', quality: 0.1 },
    ])
  })

  it('gives none for an absent field, and reads a field up to its longest length', () => {
    expect(acceptedLanguages(undefined)).toEqual([])
    const longest = 'de'.padEnd(MAX_ACCEPT_LANGUAGE_LENGTH, ' ')
    expect(acceptedLanguages(longest)).toEqual([{ range: 'de', quality: 1 }])
    expect(acceptedLanguages(`${longest} `)).toEqual([])
    expect(acceptedLanguages([longest.slice(1), 'd'])).toEqual([])
  })

  it('reads at most 32 members', () => {
    expect(acceptedLanguages(Array.from({ length: 40 }, () => 'de').join(','))).toHaveLength(32)
  })
})
