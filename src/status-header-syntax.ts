/**
 * The grammar of each header the status table carries (Retry-After, WWW-Authenticate, Allow...),
 * for values found on the reply: a value another plugin or the route set is kept only when it is
 * well-formed, and never sent otherwise. Values built from typed options are checked where they
 * are built (header-values.ts); these checks read what someone else wrote.
 */
import { isValidHeaderValue } from './header-values.js'

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+"
/** RFC 9110 5.6.4. */
const QUOTED_STRING = '"(?:[^"\\\\]|\\\\.)*"'
/** RFC 9110 5.6.6: `name=value`, the value a token or a quoted string. */
const PARAMETER = `${TOKEN}\\s*=\\s*(?:${TOKEN}|${QUOTED_STRING})`

/** RFC 9110 5.6.1: a non-empty comma-separated list of `element`. */
function listOf(element: string): RegExp {
  return new RegExp(`^\\s*${element}(?:\\s*,\\s*${element})*\\s*$`)
}

const DELAY_SECONDS = /^\d+$/
/** RFC 9110 5.6.7: IMF-fixdate, what `Date#toUTCString` writes. */
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/
/**
 * RFC 9111 1.2.2: the largest delay a recipient must understand. A longer delay is sent as this,
 * which any cache or client reads the same way.
 */
const MAX_DELAY_SECONDS = 2_147_483_648

/**
 * RFC 9110 11.6.1: one or more challenges, each an auth-scheme, alone or followed by a space and
 * its token68 or parameters. The parameters themselves are the scheme's business.
 */
const CHALLENGES = new RegExp(`^\\s*${TOKEN}(?: +\\S.*)?$`)

/** How a header's value is read: the value to send, or `undefined` when it is not well-formed. */
type Syntax = (value: string) => string | undefined

function matching(pattern: RegExp): Syntax {
  return (value) => (pattern.test(value) ? value : undefined)
}

function retryAfter(value: string): string | undefined {
  // Stryker disable next-line EqualityOperator: at exactly the bound the clamp writes the bound, the same number (only zero padding would be spelled differently)
  if (DELAY_SECONDS.test(value)) return Number(value) > MAX_DELAY_SECONDS ? String(MAX_DELAY_SECONDS) : value
  return IMF_FIXDATE.test(value) ? value : undefined
}

/**
 * One syntax per header of the status table (`STATUSES[].field.header`); a test checks that the
 * table names no header missing here.
 */
const SYNTAX: ReadonlyMap<string, Syntax> = new Map<string, Syntax>([
  // RFC 9110 10.2.3.
  ['retry-after', retryAfter],
  // RFC 9110 11.6.1 and 11.7.1.
  ['www-authenticate', matching(CHALLENGES)],
  ['proxy-authenticate', matching(CHALLENGES)],
  // RFC 9110 10.2.1: methods are tokens. An empty Allow is valid grammar but names nothing to do.
  ['allow', matching(listOf(TOKEN))],
  // RFC 9110 14.4, the form a 416 carries: `bytes */length`.
  ['content-range', matching(new RegExp(`^${TOKEN} \\*/\\d+$`))],
  // RFC 9110 7.8: protocol-name ["/" protocol-version].
  ['upgrade', matching(listOf(`${TOKEN}(?:/${TOKEN})?`))],
  // RFC 8288 3: `<uri-reference>` and its parameters.
  ['link', matching(listOf(`<[^<>\\s]*>(?:\\s*;\\s*${TOKEN}(?:\\s*=\\s*(?:${TOKEN}|${QUOTED_STRING}))?)*`))],
  // RFC 9110 12.5.1: media ranges and their parameters.
  ['accept', matching(listOf(`${TOKEN}/${TOKEN}(?:\\s*;\\s*${PARAMETER})*`))],
])

/** Lower-case names of the headers `wellFormedStatusHeader` can read. */
export const STATUS_HEADER_NAMES: ReadonlySet<string> = new Set(SYNTAX.keys())

/**
 * The value to send for status-table header `name` (lower case) found on the reply, or
 * `undefined` when it is not well-formed (or not a header of the status table). Node keeps what
 * was set: a number, a string, or an array of strings (one field line each, read as one list).
 */
export function wellFormedStatusHeader(name: string, value: unknown): string | undefined {
  const syntax = SYNTAX.get(name)
  if (syntax === undefined) return undefined
  const text = sendableFieldText(value)
  // Stryker disable next-line ConditionalExpression: each syntax answers undefined for undefined too (`matching` gives back the value it tested, retryAfter's expressions refuse the text 'undefined'); the test narrows the type
  return text === undefined ? undefined : syntax(text)
}

/** `fieldText`, when Node would write it: no control characters, nothing above U+00FF. */
export function sendableFieldText(value: unknown): string | undefined {
  const text = fieldText(value)
  return isValidHeaderValue(text) ? text : undefined
}

/** A header value as Node stores it, as one field value; `undefined` for anything else. */
export function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) return value.join(', ')
  return undefined
}
