/**
 * The header rules of DESIGN.md's table, as checks on a response: the headers a status MUST (or,
 * in this project, always does) carry, and the format of the ones it MAY carry. The status table
 * in `statuses.ts` builds these headers; this is the independent reading of the standards that
 * tests hold the built headers against.
 */

/** One header rule for one status. */
export interface HeaderRule {
  /** Lower-case header name. */
  readonly header: string
  /** Whether every answer with this status must carry the header. */
  readonly required: boolean
  /** What a value must look like. */
  readonly format: RegExp
  /** Where the rule comes from, for the failure message. */
  readonly source: string
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+"
const NON_EMPTY = /\S/
/** RFC 9110 10.2.3: delay-seconds or an IMF-fixdate. */
const RETRY_AFTER = /^(\d+|(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)$/
/** RFC 9110 10.2.1: a possibly empty list of methods. */
const METHOD_LIST = new RegExp(`^(${TOKEN}(\\s*,\\s*${TOKEN})*)?$`)

function retryAfterRule(required: boolean, source: string): HeaderRule {
  return { header: 'retry-after', required, format: RETRY_AFTER, source }
}

/** Header rules by status. Statuses not listed have no rule beyond the ones every problem has. */
export const HEADER_RULES: Readonly<Record<number, readonly HeaderRule[]>> = Object.freeze({
  401: [{ header: 'www-authenticate', required: true, format: NON_EMPTY, source: 'RFC 9110 15.5.2' }],
  405: [{ header: 'allow', required: true, format: METHOD_LIST, source: 'RFC 9110 15.5.6' }],
  407: [{ header: 'proxy-authenticate', required: true, format: NON_EMPTY, source: 'RFC 9110 15.5.8' }],
  413: [retryAfterRule(false, 'RFC 9110 15.5.14')],
  416: [{ header: 'content-range', required: true, format: /^bytes \*\/\d+$/, source: 'RFC 9110 15.5.17' }],
  426: [{ header: 'upgrade', required: true, format: NON_EMPTY, source: 'RFC 9110 15.5.22' }],
  429: [retryAfterRule(true, 'RFC 6585 4, always sent by http-problems')],
  503: [retryAfterRule(false, 'RFC 9110 15.6.4')],
})
