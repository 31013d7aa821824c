/**
 * Escape by construction: `html` is a tagged template whose interpolated values are escaped
 * unless they are themselves `html` fragments. A page built only from `html` templates cannot
 * carry a value as markup by mistake: a title containing `<script>` shows as text.
 */

/** Markup made by `html`: the only thing inserted into a page unescaped. */
export class SafeHtml {
  readonly #markup: string
  constructor(markup: string) {
    this.#markup = markup
  }
  toString(): string {
    return this.#markup
  }
}

/** What a template may interpolate: text (escaped), markup fragments, or lists of either. */
export type HtmlValue = string | number | SafeHtml | readonly HtmlValue[] | undefined

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** `value` as HTML text, safe in element content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ENTITIES[character]!)
}

function markupOf(value: HtmlValue): string {
  if (value === undefined) return ''
  if (value instanceof SafeHtml) return value.toString()
  if (Array.isArray(value)) return value.map((item: HtmlValue) => markupOf(item)).join('')
  return escapeHtml(String(value))
}

/** Builds markup: every interpolated value is escaped unless it was made by `html`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0]!
  values.forEach((value, index) => {
    markup += markupOf(value) + strings[index + 1]!
  })
  return new SafeHtml(markup)
}
