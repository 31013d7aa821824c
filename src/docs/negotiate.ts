/**
 * Which form of a docs page a request gets: people (browsers send `text/html`) get the page,
 * programs asking for `application/json` get the machine-readable entry. Without a preference
 * (`*\/*`, no `Accept`) the page wins, since a type URI is documentation for people first
 * (RFC 9457 3.1.1). `undefined` when neither is acceptable.
 */

/** The two forms of a docs document. */
export type DocsForm = 'html' | 'json'

const MAX_ACCEPT_LENGTH = 4096
/** The media type of each form: `html`, then `json`. */
const CANDIDATES = [
  { type: 'text', subtype: 'html' },
  { type: 'application', subtype: 'json' },
] as const

/** The form to answer with for this `Accept` header, or `undefined` for a 406. */
export function docsForm(accept: string | readonly string[] | undefined): DocsForm | undefined {
  const value = Array.isArray(accept) ? accept.join(',') : accept
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_ACCEPT_LENGTH) return 'html'
  const ranges = value.split(',').map(parseRange)
  const [html, json] = CANDIDATES.map(({ type, subtype }) => qualityOf(ranges, type, subtype)) as [number, number]
  if (html === 0 && json === 0) return undefined
  return json > html ? 'json' : 'html'
}

interface Range {
  type: string
  subtype: string | undefined
  quality: number
}

function parseRange(range: string): Range {
  // `split` always gives a first item; a range without `/` has no subtype, which matches nothing.
  const [mediaType, ...parameters] = range.split(';') as [string, ...string[]]
  const [type, subtype] = mediaType.trim().toLowerCase().split('/') as [string, string | undefined]
  let quality = 1
  for (const parameter of parameters) {
    const [name, raw] = parameter.split('=') as [string, string | undefined]
    if (name.trim().toLowerCase() === 'q') {
      // `Number` trims, and reads no value as NaN. Outside 0..1 the value weighs 0: NaN, Infinity and
      // anything above 1 fail the test, and the max raises a negative value to 0. (Written as
      // `>= 0 && <= 1`, the `>= 0` had an equivalent mutant `> 0`: q=0 weighs 0 either way.)
      const parsed = Number(raw)
      quality = parsed <= 1 ? Math.max(parsed, 0) : 0
    }
  }
  return { type, subtype, quality }
}

/** The q-value of the most specific range matching `type/subtype` (RFC 9110 12.5.1); 0 when none. */
function qualityOf(ranges: readonly Range[], type: string, subtype: string): number {
  let best = -1
  let quality = 0
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === '*' ? 1 : range.type === '*' && range.subtype === '*' ? 0 : -1
    if (specificity > best) {
      best = specificity
      quality = range.quality
    }
  }
  return quality
}
