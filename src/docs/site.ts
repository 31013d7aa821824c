/**
 * A docs site: every document of a catalog (index and one per type, each as HTML and as JSON),
 * made once when the plugin, the middleware or the export command starts, so answering a docs
 * request is a lookup and the error path pays nothing. Here too the options are checked: the
 * pages must sit where the type URIs point, or the type URIs would not resolve to them.
 */
import { problemCatalog, type CatalogEntry, type ProblemCatalog } from '../catalog/catalog.js'
import type { ProblemType } from '../catalog/problem-type.js'
import { openLocalization, type CompiledLocalization } from '../i18n/localization.js'
import type { LocaleNegotiator } from '../i18n/negotiate.js'
import { invalidOption } from '../usage-error.js'
import type { DocsForm } from './negotiate.js'
import { localizedTexts, ownTexts, pageLanguage, UNLOCALIZED_PAGES, type EntryTexts, type PageLanguage } from './page-text.js'
import { entryPage, indexPage, PAGE_POLICY } from './pages.js'

/**
 * The `docs` option of both adapters: serve the catalog's pages where the type URIs point.
 *
 * @example
 * const docs: DocsOptions = { path: '/problems', catalog: [OutOfCredit] }
 * await app.register(httpProblems, { typeBaseUrl: 'https://api.example.com/problems', docs })
 */
export interface DocsOptions {
  /**
   * URL path of the index; each type's page is `${path}/${slug}`. Default: the path of
   * `typeBaseUrl` (`/problems` for `https://errors.example.com/problems`), which is the only
   * value that makes the status types' URIs resolve to their pages.
   */
  path?: string
  /** The problem types this service declares (`defineProblem` classes), documented beside the status types. */
  catalog?: readonly ProblemType[]
}

/** One document in both forms. */
export interface DocsDocument {
  readonly html: string
  readonly json: string
}

/** Documents by name: `index`, then each type's slug. */
export type DocsDocuments = ReadonlyMap<string, DocsDocument>

/** The documents of one catalog, at one path. */
export interface DocsSite {
  /** The path of the index, without a trailing slash. */
  readonly path: string
  readonly catalog: ProblemCatalog
  /** The documents without localization (English); with it, the default locale's. */
  readonly documents: DocsDocuments
  /** With localization: the documents of each locale, and the negotiation that picks one. */
  readonly languages: DocsLanguages | undefined
}

/** The documents of every locale of a localized site. */
export interface DocsLanguages {
  readonly negotiate: LocaleNegotiator
  readonly documents: ReadonlyMap<string, DocsDocuments>
}

/** What a request path names: a document's name, and the form its file extension asks for, if any. */
export interface DocsTarget {
  readonly name: string
  readonly form: DocsForm | undefined
}

/** The settings the docs share with the rest of the adapter. */
export interface DocsSettings {
  typeBaseUrl?: string | undefined
  correlationIdHeader?: string | undefined
  /** The adapter's compiled `localization` option: the pages are made in each of its locales. */
  localization?: CompiledLocalization | undefined
}

const DOCS_OPTIONS = new Set(['path', 'catalog'])
const PATH = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/

/**
 * Checks the `docs` option against `typeBaseUrl` and builds every document. Throws a coded
 * `UsageError` naming the option when the path is malformed, when it is not the path of
 * `typeBaseUrl`, or when a declared type's URI does not point at its page under it.
 */
export function docsSite(options: unknown, settings: DocsSettings, option = 'docs'): DocsSite {
  const given = optionsRecordOf(options, option, DOCS_OPTIONS)
  const path = docsPath(given.path, settings.typeBaseUrl, option)
  const catalog = problemCatalog((given.catalog ?? []) as readonly ProblemType[], settings)
  for (const entry of catalog.entries) checkPlacement(entry, path, settings.typeBaseUrl, option)
  if (settings.localization === undefined) {
    return Object.freeze({ path, catalog, documents: documentsOf(catalog.entries, path, UNLOCALIZED_PAGES, ownTexts), languages: undefined })
  }
  const localization = openLocalization(settings.localization)
  const byLocale = new Map<string, DocsDocuments>()
  for (const locale of localization.chains.keys()) {
    const texts = new Map(catalog.entries.map((entry) => [entry, localizedTexts(entry, locale, localization)]))
    byLocale.set(locale, documentsOf(catalog.entries, path, pageLanguage(locale), (entry) => texts.get(entry)!))
  }
  const languages = { negotiate: localization.negotiate, documents: byLocale }
  return Object.freeze({ path, catalog, documents: byLocale.get(localization.defaultLocale)!, languages })
}

/** Every document of the catalog in one language. */
function documentsOf(entries: readonly CatalogEntry[], path: string, language: PageLanguage, textsOf: (entry: CatalogEntry) => EntryTexts): DocsDocuments {
  const documents = new Map<string, DocsDocument>([['index', indexDocument(entries, path, language, textsOf)]])
  for (const entry of entries) {
    const texts = textsOf(entry)
    documents.set(entry.slug, { html: entryPage(entry, path, language, texts), json: json(entryDocument(entry, texts)) })
  }
  return documents
}

/**
 * The document `pathname` (a request path without its query) names under the site's path:
 * `/problems` and `/problems/` name the index; `/problems/x`, `/problems/x.html` and
 * `/problems/x.json` name type `x` (the extension fixes the form, as the published files do).
 */
export function docsTarget(site: DocsSite, pathname: string): DocsTarget | undefined {
  if (pathname === site.path) return { name: 'index', form: undefined }
  if (!pathname.startsWith(`${site.path}/`)) return undefined
  const name = pathname.slice(site.path.length + 1)
  // Matched from the start either way: `(.*?)` takes whatever the extension and the end leave.
  const match = /(.*?)(?:\.(html|json))?$/.exec(name)!
  const stem = match[1] === '' ? 'index' : match[1]!
  // `index` without an extension is no name of the index (its path is the site's own).
  if (!site.documents.has(stem) || name === 'index') return undefined
  return { name: stem, form: match[2] as DocsForm | undefined }
}

/**
 * Headers of a served docs document: the page's policy as a header too, with `frame-ancestors`.
 * A localized page says its language, and that it varies with `Accept-Language`.
 */
export function docsHeaders(form: DocsForm, language?: string): Record<string, string> {
  const common: Record<string, string> =
    language === undefined
      ? { 'x-content-type-options': 'nosniff', vary: 'Accept' }
      : { 'x-content-type-options': 'nosniff', vary: 'Accept, Accept-Language', 'content-language': language }
  return form === 'html'
    ? {
        ...common,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `${PAGE_POLICY}; frame-ancestors 'none'`,
        'referrer-policy': 'no-referrer',
      }
    : { ...common, 'content-type': 'application/json; charset=utf-8' }
}

/**
 * The machine-readable entry of a type, as served for `application/json` and written as `.json`;
 * its title, description and resolution as the page of its language says them.
 */
export function entryDocument(entry: CatalogEntry, texts: EntryTexts = ownTexts(entry)): Record<string, unknown> {
  const { type, status, code, headers, schema, example } = entry
  return { type, title: texts.title.text, status, code, description: texts.description?.text, resolution: texts.resolution?.text, headers, schema, example }
}

function indexDocument(entries: readonly CatalogEntry[], path: string, language: PageLanguage, textsOf: (entry: CatalogEntry) => EntryTexts): DocsDocument {
  return {
    html: indexPage(entries, path, language, textsOf),
    json: json({ problems: entries.map((entry) => entryDocument(entry, textsOf(entry))) }),
  }
}

/** `options` as a record with only `known` names; `undefined` means none. */
function optionsRecordOf(options: unknown, option: string, known: ReadonlySet<string>): Record<string, unknown> {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null || Array.isArray(options)) invalidOption(option, 'an object { path?, catalog? }', options)
  for (const name of Object.keys(options)) {
    if (!known.has(name)) invalidOption(`${option}.${name}`, `absent (known: ${[...known].join(', ')})`, (options as Record<string, unknown>)[name])
  }
  return options as Record<string, unknown>
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

function docsPath(value: unknown, typeBaseUrl: string | undefined, option: string): string {
  const basePath = typeBaseUrl === undefined ? undefined : new URL(typeBaseUrl).pathname.replace(/\/+$/, '')
  if (value === undefined) {
    if (basePath === undefined) invalidOption(`${option}.path`, 'a URL path such as /problems (or set typeBaseUrl, whose path it defaults to)', value)
    if (basePath === '') invalidOption('typeBaseUrl', `a URI with a path, such as ${typeBaseUrl}/problems, under which ${option} serves its pages`, typeBaseUrl)
    return basePath
  }
  if (typeof value !== 'string' || !PATH.test(value.replace(/\/$/, '')) || value.includes('/../') || value.includes('/./')) {
    invalidOption(`${option}.path`, 'a URL path such as /problems', value)
  }
  const path = value.replace(/\/$/, '')
  if (basePath !== undefined && basePath !== path) {
    invalidOption(`${option}.path`, `the path of typeBaseUrl (${basePath || '/'}), so that type URIs resolve to the pages`, value)
  }
  return path
}

/** A declared type's URI must be its page's URL: `${typeBaseUrl}/${slug}`, or at least `${path}/${slug}`. */
function checkPlacement(entry: CatalogEntry, path: string, typeBaseUrl: string | undefined, option: string): void {
  if (entry.builtIn) return
  const expected = typeBaseUrl === undefined ? `${path}/${entry.slug}` : `${typeBaseUrl}/${entry.slug}`
  const actual = typeBaseUrl === undefined && URL.canParse(entry.type) ? new URL(entry.type).pathname : entry.type
  if (actual !== expected) {
    invalidOption(`${option}.catalog`, `problem types whose type URI is their page's URL (${expected} for ${entry.name})`, entry.type)
  }
}
