/**
 * The `localization` option, checked and compiled once at registration into what `localize`
 * reads on each answer: per locale, its compiled messages by code and by type, the built-in
 * titles of its language, and the locales to fall back to (`de-AT` → `de` → the default).
 */
import { invalidOption } from '../usage-error.js'
import { BUILT_IN_MESSAGES, type BuiltInMessages } from './built-in/index.js'
import { compileMessage, type CompiledMessage } from './compile-message.js'
import { localeNegotiator, type LocaleNegotiator } from './negotiate.js'
import { loadSchemaMessages, type ModuleImporter, type SchemaMessages } from './schema-messages.js'

/**
 * A problem's messages in one language, in ICU MessageFormat: the problem's `status` and
 * extension members are the arguments (`'Ihr Guthaben ist {balance, number}.'`).
 */
export interface ProblemMessages {
  /** The `title` in this language. */
  readonly title?: string
  /** The `detail` of problems that carry none of their own (and of every hidden 5xx detail). */
  readonly detail?: string
  /** What happened, on the problem type's docs page (`docs` option); `{status}` is its only argument. */
  readonly description?: string
  /** What the client can do, on the problem type's docs page; `{status}` is its only argument. */
  readonly resolution?: string
}

/** Messages of one locale: keyed by problem code (`OUT_OF_CREDIT`), or by problem type URI, which wins. */
export type LocaleMessages = Readonly<Record<string, ProblemMessages>>

/**
 * The `localization` option: the languages problems are answered in, and their messages.
 *
 * @example
 * await app.register(problems, {
 *   localization: {
 *     locales: ['en', 'de'],
 *     messages: { de: { OUT_OF_CREDIT: { title: 'Guthaben reicht nicht', detail: 'Ihr Guthaben ist {balance, number}.' } } },
 *   },
 * })
 */
export interface LocalizationOptions {
  /** The locales answered in, as BCP 47 tags: `['en', 'de', 'de-AT', 'fr']`. At least one. */
  readonly locales: readonly string[]
  /** The locale answered in when `Accept-Language` matches none, and the one logs are written in. Default: the first of `locales`. */
  readonly defaultLocale?: string
  /** Messages per locale (a key of `locales`). Default: none, so only the built-in titles and 5xx detail are localized. */
  readonly messages?: Readonly<Record<string, LocaleMessages>>
}

/** One problem's compiled messages. */
export interface CompiledEntry {
  readonly title: CompiledMessage | undefined
  readonly detail: CompiledMessage | undefined
  readonly description: CompiledMessage | undefined
  readonly resolution: CompiledMessage | undefined
}

/** The members of a catalog entry, each a message. */
export type MessageMember = keyof CompiledEntry

/** One locale's messages, compiled. */
export interface LocaleTable {
  /** The canonical tag (`de-AT`). */
  readonly locale: string
  readonly byCode: ReadonlyMap<string, CompiledEntry>
  readonly byType: ReadonlyMap<string, CompiledEntry>
  /** The built-in titles and 5xx detail of its language, when the package ships them. */
  readonly builtIn: BuiltInMessages | undefined
}

/** The `localization` option after checks, compiled. */
export interface Localization {
  readonly defaultLocale: string
  readonly negotiate: LocaleNegotiator
  /** For each locale, the tables to look in, in order: itself, its configured parents, the default. */
  readonly chains: ReadonlyMap<string, readonly LocaleTable[]>
  /** The catalog messages whose format failure was already logged, so each is logged once. */
  readonly reportedFaults: Set<string>
  /**
   * JSON Schema validation messages per locale (ajv-i18n), filled by `loadLocalizedSchemaMessages`
   * when the Fastify plugin is registered; empty elsewhere, so schema messages stay Ajv's.
   */
  readonly schemaMessages: Map<string, SchemaMessages>
}

/**
 * The `localization` option as `RenderSettings` carries it: compiled by the adapters when they
 * check their options, opaque to everyone else, so the compiled tables are no public API. An
 * adapter of your own renders without it (`localization: undefined`: English, as always).
 *
 * @example
 * const settings: RenderSettings = { ...mySettings, localization: undefined }
 * renderProblem(problem, facts, settings)
 */
export interface CompiledLocalization {
  readonly __brand: 'http-problems.CompiledLocalization'
}

/** Seals a compiled `Localization` for `RenderSettings`. */
export function sealLocalization(localization: Localization | undefined): CompiledLocalization | undefined {
  return localization as unknown as CompiledLocalization | undefined
}

/** The `Localization` behind a sealed one; only `sealLocalization` makes them. */
export function openLocalization(compiled: CompiledLocalization): Localization {
  return compiled as unknown as Localization
}

const OPTION = 'localization'
const KNOWN_KEYS = new Set(['locales', 'defaultLocale', 'messages'])
const ENTRY_KEYS: ReadonlySet<MessageMember> = new Set(['title', 'detail', 'description', 'resolution'])

/**
 * Checks and compiles the `localization` option; `undefined` when it is absent. Throws a
 * `UsageError` naming the first bad value (`localization.messages.de.OUT_OF_CREDIT.detail`).
 */
export function resolveLocalization(value: unknown): Localization | undefined {
  if (value === undefined) return undefined
  const given = plainObject(value, OPTION, 'an object { locales, defaultLocale?, messages? }')
  rejectUnknown(given, KNOWN_KEYS, OPTION)
  const locales = localesOption(given.locales)
  const defaultLocale = defaultLocaleOption(given.defaultLocale, locales)
  const messages = messagesOption(given.messages, locales)
  const tables = new Map(locales.map((locale) => [locale, localeTable(locale, messages.get(locale))]))
  const chains = new Map(locales.map((locale) => [locale, chainOf(locale, tables, defaultLocale)]))
  return { defaultLocale, negotiate: localeNegotiator(locales, defaultLocale), chains, reportedFaults: new Set(), schemaMessages: new Map() }
}

/**
 * Loads the schema messages of every configured locale into `compiled` (see `loadSchemaMessages`);
 * nothing to do without localization. Resolves once they are in place.
 */
export async function loadLocalizedSchemaMessages(compiled: CompiledLocalization | undefined, importModule?: ModuleImporter): Promise<void> {
  if (compiled === undefined) return
  const localization = openLocalization(compiled)
  for (const [locale, messages] of await loadSchemaMessages([...localization.chains.keys()], importModule)) {
    localization.schemaMessages.set(locale, messages)
  }
}

function localesOption(value: unknown): string[] {
  const name = `${OPTION}.locales`
  if (!Array.isArray(value) || value.length === 0) invalidOption(name, 'a non-empty array of BCP 47 language tags', value)
  const locales: string[] = []
  for (const [index, tag] of (value as unknown[]).entries()) {
    const locale = canonicalTag(tag, `${name}[${index}]`)
    if (locales.includes(locale)) invalidOption(`${name}[${index}]`, 'a locale not already listed', tag)
    locales.push(locale)
  }
  return locales
}

function defaultLocaleOption(value: unknown, locales: readonly string[]): string {
  const name = `${OPTION}.defaultLocale`
  if (value === undefined) return locales[0]!
  const locale = canonicalTag(value, name)
  if (!locales.includes(locale)) invalidOption(name, `one of localization.locales (${locales.join(', ')})`, value)
  return locale
}

function messagesOption(value: unknown, locales: readonly string[]): Map<string, Record<string, unknown>> {
  const name = `${OPTION}.messages`
  const byLocale = new Map<string, Record<string, unknown>>()
  if (value === undefined) return byLocale
  const given = plainObject(value, name, 'an object of messages per locale')
  for (const tag of Object.keys(given)) {
    const locale = canonicalTag(tag, `${name}.${tag}`)
    if (!locales.includes(locale)) invalidOption(`${name}.${tag}`, `messages of one of localization.locales (${locales.join(', ')})`, tag)
    if (byLocale.has(locale)) invalidOption(`${name}.${tag}`, 'the only messages of its locale', tag)
    byLocale.set(locale, plainObject(given[tag], `${name}.${tag}`, 'an object of { title?, detail?, description?, resolution? } per problem code or type'))
  }
  return byLocale
}

/** Compiles one locale's messages; a key that is an absolute URI (`https:`, `urn:`) names a problem type. */
function localeTable(locale: string, messages: Record<string, unknown> | undefined): LocaleTable {
  const byCode = new Map<string, CompiledEntry>()
  const byType = new Map<string, CompiledEntry>()
  for (const key of Object.keys(messages ?? {})) {
    const name = `${OPTION}.messages.${locale}.${key}`
    if (key === '') invalidOption(name, 'a problem code or type URI, not empty', key)
    const entry = plainObject(messages![key], name, 'an object { title?, detail?, description?, resolution? }')
    rejectUnknown(entry, ENTRY_KEYS, name)
    const compiled = Object.fromEntries(
      [...ENTRY_KEYS].map((member) => [member, entry[member] === undefined ? undefined : compileMessage(entry[member], locale, `${name}.${member}`)]),
    ) as unknown as CompiledEntry
    ;(isTypeUri(key) ? byType : byCode).set(key, compiled)
  }
  return { locale, byCode, byType, builtIn: BUILT_IN_MESSAGES.get(locale.split('-')[0]!.toLowerCase()) }
}

/** `de-AT` → [de-AT, de, default]: the locale, each shorter tag that is configured, then the default. */
function chainOf(locale: string, tables: ReadonlyMap<string, LocaleTable>, defaultLocale: string): LocaleTable[] {
  const chain: LocaleTable[] = []
  const subtags = locale.split('-')
  for (let length = subtags.length; length >= 1; length -= 1) {
    const table = tables.get(subtags.slice(0, length).join('-'))
    if (table !== undefined) chain.push(table)
  }
  if (!chain.some((table) => table.locale === defaultLocale)) chain.push(tables.get(defaultLocale)!)
  return chain
}

function canonicalTag(value: unknown, name: string): string {
  if (typeof value === 'string') {
    try {
      // One tag in, its canonical form out; a malformed tag throws a RangeError.
      return Intl.getCanonicalLocales(value)[0]!
    } catch {
      // reported below
    }
  }
  return invalidOption(name, 'a BCP 47 language tag such as "de" or "de-AT"', value)
}

function isTypeUri(key: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(key)
}

function plainObject(value: unknown, name: string, expected: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalidOption(name, expected, value)
  return value as Record<string, unknown>
}

function rejectUnknown(given: Record<string, unknown>, known: ReadonlySet<string>, name: string): void {
  for (const key of Object.keys(given)) {
    if (!known.has(key)) invalidOption(`${name}.${key}`, `absent (unknown option; known: ${[...known].join(', ')})`, given[key])
  }
}
