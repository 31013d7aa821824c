/**
 * Picks the locale of an answer from `Accept-Language`: the first acceptable range (by weight)
 * that @formatjs/intl-localematcher's RFC 4647 lookup matches among the service's locales, so
 * `de-AT` finds `de-AT`, else `de`; the default locale when none does. A `*` range accepts any
 * language, the default included, so ranges after it (lower weights) are not tried.
 */
import type { match } from '@formatjs/intl-localematcher'
import { guarded } from '../guarded.js'
import { acceptedLanguages } from './accept-language.js'
import { intlModules } from './intl-modules.js'

/** Most distinct `Accept-Language` values remembered; clients send few, an attacker many. */
const MAX_REMEMBERED_FIELDS = 512

/** Answers the locale for an `Accept-Language` field. */
export type LocaleNegotiator = (field: string | readonly string[] | undefined) => string

/**
 * A negotiator over `locales` (canonical BCP 47 tags) falling back to `defaultLocale`. It
 * remembers its answers per field value: browsers send the same few values again and again,
 * and the lookup is the costly part.
 */
export function localeNegotiator(locales: readonly string[], defaultLocale: string): LocaleNegotiator {
  const { match: lookup } = intlModules() // at registration, not on the first request
  const remembered = new Map<string | undefined, string>()
  return (field) => {
    // A list is built anew per request: remembered, it would only push the strings out. No header
    // is remembered like a string (its answer, the default, costs no lookup).
    if (typeof field === 'object') return pick(field, locales, defaultLocale, lookup)
    const known = remembered.get(field)
    if (known !== undefined) return known
    const locale = pick(field, locales, defaultLocale, lookup)
    if (remembered.size >= MAX_REMEMBERED_FIELDS) remembered.clear()
    remembered.set(field, locale)
    return locale
  }
}

function pick(field: string | readonly string[] | undefined, locales: readonly string[], defaultLocale: string, lookup: typeof match): string {
  const requested: string[] = []
  for (const { range } of acceptedLanguages(field)) {
    if (range === '*') break
    if (isLanguageTag(range)) requested.push(range)
  }
  if (requested.length === 0) return defaultLocale
  try {
    return lookup(requested, locales, defaultLocale, { algorithm: 'lookup' })
  } catch {
    return defaultLocale // the matcher refused a tag Intl accepted: answer as for no header
  }
}

/** A well-formed BCP 47 tag, as `Intl` reads them (`en-1`, `i-klingon` are not; the matcher would throw). */
function isLanguageTag(range: string): boolean {
  return guarded(() => Intl.getCanonicalLocales(range)) !== undefined
}
