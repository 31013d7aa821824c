/**
 * JSON Schema validation messages in the client's language, by ajv-i18n (the messages Ajv's
 * authors keep for Ajv 8, in some twenty languages). Only the ajv-i18n modules of the configured
 * locales are loaded (`ajv-i18n/localize/de`), once, when the Fastify plugin is registered;
 * ajv-i18n is an optional peer, never bundled. Ajv writes its messages in English, so an English
 * locale keeps them as they are.
 *
 * ajv-i18n rewrites the `message` of the error objects it is given: it only ever gets a fresh
 * copy of the stored `SchemaError`, never the error the route threw.
 */
import { importOptional } from '../tracing.js'
import { emitWarning } from '../warn.js'
import type { SchemaError } from '../schema-error.js'

/** ajv-i18n's `localize` function of one language: rewrites each error's `message` in place. */
export type AjvLocalize = (errors: { keyword: string; params: Record<string, unknown>; message?: string | undefined }[]) => void

/**
 * One locale's schema messages: the message for a schema error, or `undefined` to keep the
 * error's own (an English locale; a keyword the language has no message for, such as a custom
 * keyword or ajv-errors' `errorMessage`, whose text is the user's own).
 */
export type SchemaMessages = (error: SchemaError) => string | undefined

/** Imports a module, or gives `undefined` when it cannot be imported. */
export type ModuleImporter = (specifier: string) => Promise<unknown>

/** A keyword no language has a message for: its text tells which text a language gives unknown keywords. */
const UNKNOWN_KEYWORD = 'http-problems-unknown-keyword'

/** Ajv's own messages are English. */
const keepOwn: SchemaMessages = () => undefined

/**
 * The schema messages of each of `locales` that ajv-i18n has (by the locale's tag, else its
 * shorter tags: `de-AT` uses `de`, `pt-BR` its own), keyed by locale. English locales keep Ajv's
 * messages; a locale ajv-i18n lacks is left out, so it falls back like a missing catalog message.
 * When ajv-i18n is not installed at all, a process warning says so once and messages stay Ajv's.
 */
export async function loadSchemaMessages(
  locales: readonly string[],
  importModule: ModuleImporter = importOptional,
): Promise<Map<string, SchemaMessages>> {
  const loaded = new Map<string, SchemaMessages>()
  let missingPackage = false
  for (const locale of locales) {
    if (primaryLanguage(locale) === 'en') {
      loaded.set(locale, keepOwn)
      continue
    }
    const localize = await ajvLocalizeFor(locale, importModule)
    if (localize !== undefined) loaded.set(locale, schemaMessagesOf(localize))
    else missingPackage ||= localizeOf(await importModule(moduleOf('en'))) === undefined
  }
  if (missingPackage) {
    emitWarning('http-problems: ajv-i18n is not installed, so schema validation messages are answered in English; npm install ajv-i18n', {
      code: 'HTTP_PROBLEMS_AJV_I18N_MISSING',
    })
  }
  return loaded
}

/** The ajv-i18n function of the longest tag of `locale` that ajv-i18n has. */
async function ajvLocalizeFor(locale: string, importModule: ModuleImporter): Promise<AjvLocalize | undefined> {
  const subtags = locale.split('-')
  for (let length = subtags.length; length > 0; length -= 1) {
    const localize = localizeOf(await importModule(moduleOf(subtags.slice(0, length).join('-'))))
    if (localize !== undefined) return localize
  }
  return undefined
}

/** ajv-i18n's module of one language. The tag is canonical BCP 47 (letters, digits, `-`): no path can be formed from it. */
function moduleOf(tag: string): string {
  return `ajv-i18n/localize/${tag}/index.js`
}

/** The function a CommonJS module exports, whether imported as ESM (`default`) or required. */
function localizeOf(imported: unknown): AjvLocalize | undefined {
  if (typeof imported === 'function') return imported as AjvLocalize
  const fallback = (imported as { default?: unknown } | undefined)?.default
  return typeof fallback === 'function' ? (fallback as AjvLocalize) : undefined
}

/**
 * `localize` as `SchemaMessages`. A keyword the language does not know gets ajv-i18n's generic
 * "must pass keyword validation" sentence; the error's own message says more (and is the user's
 * own for `errorMessage`), so it is kept instead.
 */
export function schemaMessagesOf(localize: AjvLocalize): SchemaMessages {
  const unknownKeywordText = messageOf(localize, { keyword: UNKNOWN_KEYWORD, params: {} })
  return (error) => {
    const message = messageOf(localize, error)
    // No message stays none; the generic sentence is none either.
    return message === unknownKeywordText?.replaceAll(UNKNOWN_KEYWORD, error.keyword) ? undefined : message
  }
}

/** ajv-i18n's message for a fresh copy of `error`; `undefined` when it throws or gives no text. */
function messageOf(localize: AjvLocalize, error: SchemaError): string | undefined {
  const copy: { keyword: string; params: Record<string, unknown>; message?: string } = { keyword: error.keyword, params: { ...error.params } }
  try {
    localize([copy])
  } catch {
    return undefined
  }
  return typeof copy.message === 'string' && copy.message !== '' ? copy.message : undefined
}

function primaryLanguage(locale: string): string {
  return locale.split('-')[0]!.toLowerCase()
}
