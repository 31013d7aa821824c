/**
 * The words of a docs page in one locale, from the same catalogs the problem bodies use: a
 * type's title, description and resolution from its catalog entry (by type URI, else by code)
 * along the locale's fallback chain (`de-AT` → `de` → the default), a status title from the
 * built-in titles. Text that the chain does not have stays as the catalog entry wrote it, and the
 * page's own words (words.ts) are English: both are marked with their language, so a screen reader
 * reads them in it (WCAG 3.1.2).
 */
import type { CatalogEntry } from '../catalog/catalog.js'
import { formatMessage } from '../i18n/compile-message.js'
import { catalogMessage } from '../i18n/localize.js'
import type { LocaleTable, Localization, MessageMember } from '../i18n/localization.js'
import { reasonPhrase } from '../problem.js'
import type { ProblemStatus } from '../statuses.js'

/** A text and, when it is not in the page's language, the language it is in. */
export interface DocsText {
  readonly text: string
  readonly lang: string | undefined
}

/** The language of a page, and of its own words when they are not in it. */
export interface PageLanguage {
  /** `<html lang>` and `Content-Language`. */
  readonly lang: string
  /** `en` on a page in another language: its words (words.ts) are English. */
  readonly wordsLang: string | undefined
}

/** What a page says about one problem type. */
export interface EntryTexts {
  readonly title: DocsText
  readonly description: DocsText | undefined
  readonly resolution: DocsText | undefined
}

/** The language the package's status descriptions and reason phrases are written in. */
const PACKAGE_LANGUAGE = 'en'

/** The pages without localization: English, as they have always been. */
export const UNLOCALIZED_PAGES: PageLanguage = Object.freeze({ lang: PACKAGE_LANGUAGE, wordsLang: undefined })

/** The catalog entry's own texts, for pages without localization. */
export function ownTexts(entry: CatalogEntry): EntryTexts {
  const own = (text: string | undefined): DocsText | undefined => (text === undefined ? undefined : { text, lang: undefined })
  return { title: own(entry.title)!, description: own(entry.description), resolution: own(entry.resolution) }
}

/** The page language of `locale`. */
export function pageLanguage(locale: string): PageLanguage {
  return { lang: locale, wordsLang: languageUnless(PACKAGE_LANGUAGE, locale) }
}

/** What the page of `locale` says about `entry`. */
export function localizedTexts(entry: CatalogEntry, locale: string, localization: Localization): EntryTexts {
  const chain = chainOf(locale, localization)
  // The package's own types are written in English; a service's own, in its default locale.
  const ownLanguage = entry.builtIn ? PACKAGE_LANGUAGE : localization.defaultLocale
  const titleIsReasonPhrase = entry.title === reasonPhrase(entry.status)
  const textOf = (member: MessageMember, own: string | undefined, builtIn?: (table: LocaleTable) => string | undefined): DocsText | undefined => {
    for (const table of chain) {
      const text = formatted(table, member, entry) ?? builtIn?.(table)
      if (text !== undefined) return { text, lang: languageUnless(table.locale, locale) }
    }
    return own === undefined ? undefined : { text: own, lang: languageUnless(ownLanguage, locale) }
  }
  return {
    title: textOf('title', entry.title, (table) => (titleIsReasonPhrase ? table.builtIn?.titles[entry.status as ProblemStatus] : undefined))!,
    description: textOf('description', entry.description),
    resolution: textOf('resolution', entry.resolution),
  }
}

/**
 * The table's message for `member` of the type, formatted with the type's `status`, the one
 * argument a page knows. A message that needs more (a body's extension members) cannot be said
 * on a page: the chain goes on, as for a body whose message fails.
 */
function formatted(table: LocaleTable, member: MessageMember, entry: CatalogEntry): string | undefined {
  const found = catalogMessage(table, member, entry.builtIn ? undefined : entry.type, entry.code)
  // Stryker disable next-line ConditionalExpression: without it, reading `found.message` throws and the catch below answers undefined all the same
  if (found === undefined) return undefined
  try {
    return formatMessage(found.message, { status: entry.status })
  }
  // Stryker disable next-line BlockStatement: an empty catch returns undefined as well
  catch {
    return undefined
  }
}

function chainOf(locale: string, localization: Localization): readonly LocaleTable[] {
  return localization.chains.get(locale)!
}

/** `source`, when its language is not the page's (`de` text on a `de-AT` page is in the page's language). */
function languageUnless(source: string, page: string): string | undefined {
  return primaryLanguage(source) === primaryLanguage(page) ? undefined : source
}

function primaryLanguage(locale: string): string {
  // Stryker disable next-line MethodExpression: both sides of the one comparison go through here, so upper case compares the same
  return locale.split('-')[0]!.toLowerCase()
}
