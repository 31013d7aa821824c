/**
 * The HTML of the docs: an index of every problem type and one page per type. Built only from
 * `html` templates (every value escaped), semantic landmarks (`header` > `nav`, `main` with one
 * `h1`), no script, and one inline stylesheet allowed by its hash. Links are root-relative
 * (`/problems/not-found`), so the same bytes work when served and when published as files.
 */
import type { CatalogEntry } from '../catalog/catalog.js'
import type { JsonSchema } from '../catalog/extension-schema.js'
// The stylesheet is the one constant inserted as is: the policy's hash is of these exact bytes.
import { SafeHtml, html } from './html.js'
import { STYLESHEET, STYLESHEET_SOURCE } from './style.js'

/**
 * The policy the pages carry in a `<meta>` element, so a published copy is as strict as a served
 * one. (`frame-ancestors` is only honoured as a header: the served pages add it there.)
 */
export const PAGE_POLICY = `default-src 'none'; style-src ${STYLESHEET_SOURCE}; base-uri 'none'; form-action 'none'`

/** The index: the declared types first, then every HTTP status type. */
export function indexPage(entries: readonly CatalogEntry[], path: string): string {
  const declared = entries.filter((entry) => !entry.builtIn)
  const statuses = entries.filter((entry) => entry.builtIn)
  const list = (items: readonly CatalogEntry[]): SafeHtml =>
    html`<ul>${items.map((entry) => html`<li><a href="${pageHref(path, entry)}">${entry.title}</a> <span class="muted">(${entry.status})</span></li>`)}</ul>`
  const body = html`<h1>Problem types</h1>
<p>Every error answer of this service is a problem details object (RFC 9457) whose <code>type</code> member links to one of these pages. Ask for <code>application/json</code> to get an entry as data.</p>
${declared.length === 0 ? undefined : html`<h2 id="service">This service's problem types</h2>
${list(declared)}
`}<h2 id="statuses">HTTP status problem types</h2>
${list(statuses)}`
  return layout('Problem types', path, body, true)
}

/** One problem type's page. */
export function entryPage(entry: CatalogEntry, path: string): string {
  const body = html`<h1>${entry.title}</h1>
<dl>
<dt>Type URI</dt><dd><code>${entry.type}</code></dd>
<dt>Status</dt><dd>${entry.status}</dd>
<dt>Code</dt><dd><code>${entry.code}</code></dd>
</dl>
${section('What happened', entry.description)}${section('What you can do', entry.resolution)}<h2>Headers</h2>
<ul>${entry.headers.map((header) => html`<li><code>${header.name}</code>${header.required ? ' (always)' : ' (when it applies)'}</li>`)}</ul>
<h2>Extension members</h2>
${membersList(entry.schema)}
<h2>Example</h2>
<pre><code>${JSON.stringify(entry.example, null, 2)}</code></pre>`
  return layout(`${entry.title} (${entry.status})`, path, body, false)
}

function section(heading: string, text: string | undefined): SafeHtml | undefined {
  return text === undefined ? undefined : html`<h2>${heading}</h2>
<p>${withCode(text)}</p>
`
}

/** Text whose `backquoted` parts (header and member names) show as code, the rest as text. */
function withCode(text: string): SafeHtml {
  return html`${text.split('`').map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`
}

function membersList(schema: JsonSchema): SafeHtml {
  const members = Object.entries(schema.properties ?? {})
  if (members.length === 0) return html`<p>None: the body has only the standard members.</p>`
  const required = new Set(schema.required ?? [])
  return html`<dl>${members.map(
    ([name, member]) =>
      html`<dt><code>${name}</code></dt><dd>${typeOf(member)}${required.has(name) ? ', always present' : ', optional'}${member.description === undefined ? undefined : html`. ${member.description}`}</dd>`,
  )}</dl>`
}

/** A schema's type in words: `number`, `array of string`, `one of "a", "b"`. */
function typeOf(schema: JsonSchema): string {
  if ('const' in schema) return `always ${JSON.stringify(schema.const)}`
  if (schema.enum !== undefined) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`
  const names = schema.type === undefined ? ['any JSON value'] : typeof schema.type === 'string' ? [schema.type] : schema.type
  return names.map((name) => (name === 'array' && schema.items !== undefined ? `array of ${typeOf(schema.items)}` : name)).join(' or ')
}

function pageHref(path: string, entry: CatalogEntry): string {
  return `${path}/${entry.slug}`
}

function layout(title: string, path: string, body: SafeHtml, isIndex: boolean): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${new SafeHtml(STYLESHEET)}</style>
</head>
<body>
<header><nav aria-label="Problem types"><a href="${path}/"${isIndex ? html` aria-current="page"` : undefined}>All problem types</a></nav></header>
<main>
${body}
</main>
<footer><p>Problem details (RFC 9457) documentation.</p></footer>
</body>
</html>
`.toString()
}
