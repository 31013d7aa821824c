/**
 * The HTML of the docs: an index of every problem type and one page per type. Built only from
 * `html` templates (every value escaped), semantic landmarks (`header` > `nav`, `main` with one
 * `h1`), no script, and one inline stylesheet allowed by its hash. Links are root-relative
 * (`/problems/not-found`), so the same bytes work when served and when published as files.
 */
import type { CatalogEntry } from '../catalog/catalog.js'
import type { JsonSchema } from '../catalog/extension-schema.js'
// The stylesheet is the one constant inserted as is: the policy's hash is of these exact bytes.
import { SafeHtml, html, type HtmlValue } from './html.js'
import { ownTexts, UNLOCALIZED_PAGES, type DocsText, type EntryTexts, type PageLanguage } from './page-text.js'
import { PAGE_WORDS as words, type DocsWords } from './words.js'
import { STYLESHEET, STYLESHEET_SOURCE } from './style.js'

/**
 * The policy the pages carry in a `<meta>` element, so a published copy is as strict as a served
 * one. (`frame-ancestors` is only honoured as a header: the served pages add it there.)
 */
export const PAGE_POLICY = `default-src 'none'; style-src ${STYLESHEET_SOURCE}; base-uri 'none'; form-action 'none'`

/** The page's own words: text, in a `lang` span on a page in another language than theirs. */
function wordsOf(language: PageLanguage): (text: HtmlValue) => HtmlValue {
  const wordsLang = language.wordsLang
  return wordsLang === undefined ? (text) => text : (text) => html`<span lang="${wordsLang}">${text}</span>`
}

/** A text of the catalog, in a `lang` span when it is not in the page's language. */
function inline(text: DocsText): HtmlValue {
  return text.lang === undefined ? text.text : html`<span lang="${text.lang}">${text.text}</span>`
}

/** The index: the declared types first, then every HTTP status type. */
export function indexPage(
  entries: readonly CatalogEntry[],
  path: string,
  language: PageLanguage = UNLOCALIZED_PAGES,
  textsOf: (entry: CatalogEntry) => EntryTexts = ownTexts,
): string {
  const say = wordsOf(language)
  const declared = entries.filter((entry) => !entry.builtIn)
  const statuses = entries.filter((entry) => entry.builtIn)
  const list = (items: readonly CatalogEntry[]): SafeHtml =>
    html`<ul>${items.map((entry) => html`<li><a href="${pageHref(path, entry)}">${inline(textsOf(entry).title)}</a> <span class="muted">(${entry.status})</span></li>`)}</ul>`
  const body = html`<h1>${say(words.problemTypes)}</h1>
<p>${say(withCode(words.introduction))}</p>
${declared.length === 0 ? undefined : html`<h2 id="service">${say(words.serviceTypes)}</h2>
${list(declared)}
`}<h2 id="statuses">${say(words.statusTypes)}</h2>
${list(statuses)}`
  return layout(words.problemTypes, path, body, true, language)
}

/** One problem type's page. */
export function entryPage(entry: CatalogEntry, path: string, language: PageLanguage = UNLOCALIZED_PAGES, texts: EntryTexts = ownTexts(entry)): string {
  const say = wordsOf(language)
  const body = html`<h1>${inline(texts.title)}</h1>
<dl>
<dt>${say(words.typeUri)}</dt><dd><code>${entry.type}</code></dd>
<dt>${say(words.status)}</dt><dd>${entry.status}</dd>
<dt>${say(words.code)}</dt><dd><code>${entry.code}</code></dd>
</dl>
${section(say(words.whatHappened), texts.description)}${section(say(words.whatYouCanDo), texts.resolution)}<h2>${say(words.headers)}</h2>
<ul>${entry.headers.map((header) => html`<li><code>${header.name}</code> (${say(header.required ? words.headerAlways : words.headerWhenItApplies)})</li>`)}</ul>
<h2>${say(words.extensionMembers)}</h2>
${membersList(entry.schema, language)}
<h2>${say(words.example)}</h2>
<pre><code>${JSON.stringify(entry.example, null, 2)}</code></pre>`
  return layout(`${texts.title.text} (${entry.status})`, path, body, false, language)
}

function section(heading: HtmlValue, text: DocsText | undefined): SafeHtml | undefined {
  return text === undefined ? undefined : html`<h2>${heading}</h2>
<p${text.lang === undefined ? undefined : html` lang="${text.lang}"`}>${withCode(text.text)}</p>
`
}

/** Text whose `backquoted` parts (header and member names) show as code, the rest as text. */
function withCode(text: string): SafeHtml {
  return html`${text.split('`').map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`
}

function membersList(schema: JsonSchema, language: PageLanguage): SafeHtml {
  const say = wordsOf(language)
  const members = Object.entries(schema.properties ?? {})
  if (members.length === 0) return html`<p>${say(words.noExtensionMembers)}</p>`
  const required = (name: string): boolean => schema.required?.includes(name) === true
  return html`<dl>${members.map(
    ([name, member]) =>
      html`<dt><code>${name}</code></dt><dd>${say(`${typeOf(member, words.types)}, ${required(name) ? words.alwaysPresent : words.optional}`)}${member.description === undefined ? undefined : html`. ${member.description}`}</dd>`,
  )}</dl>`
}

/** A schema's type in words: `number`, `array of string`, `one of "a", "b"`. */
function typeOf(schema: JsonSchema, types: DocsWords['types']): string {
  if ('const' in schema) return `${types.always} ${JSON.stringify(schema.const)}`
  if (schema.enum !== undefined) return `${types.oneOf} ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`
  const names = schema.type === undefined ? [types.anyValue] : typeof schema.type === 'string' ? [schema.type] : schema.type
  return names.map((name) => (name === 'array' && schema.items !== undefined ? `${types.arrayOf} ${typeOf(schema.items, types)}` : name)).join(` ${types.or} `)
}

function pageHref(path: string, entry: CatalogEntry): string {
  return `${path}/${entry.slug}`
}

function layout(title: string, path: string, body: SafeHtml, isIndex: boolean, language: PageLanguage): string {
  const say = wordsOf(language)
  return html`<!doctype html>
<html lang="${language.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${new SafeHtml(STYLESHEET)}</style>
</head>
<body>
<header><nav aria-label="${words.problemTypes}"><a href="${path}/"${isIndex ? html` aria-current="page"` : undefined}>${say(words.allTypes)}</a></nav></header>
<main>
${body}
</main>
<footer><p>${say(words.footer)}</p></footer>
</body>
</html>
`.toString()
}
