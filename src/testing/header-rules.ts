/**
 * The header rules of DESIGN.md's table, as checks on a response: the headers a status MUST (or,
 * in this project, always does) carry, and the format of the ones it MAY carry. The status table
 * in `statuses.ts` builds these headers; this is the reading of the standards that tests hold the
 * built headers against. Where a format takes more than a regular expression (a real IMF-fixdate,
 * a URI reference) the check is the one the library itself applies before sending.
 */
import { isRetryAfter } from '../retry-after.js'
import { hasUpgradeOption, isProtocolList } from '../upgrade.js'
import { isUriReference } from '../uri.js'

/** What a header value must look like: a `RegExp` or any object with the same `test`. */
export interface ValueCheck {
  test(value: string): boolean
}

/** One header rule for one status. */
export interface HeaderRule {
  /** Lower-case header name. */
  readonly header: string
  /** Whether every answer with this status must carry the header. */
  readonly required: boolean
  /** What a value must look like. */
  readonly format: ValueCheck
  /** Where the rule comes from, for the failure message. */
  readonly source: string
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+"
const NON_EMPTY = /\S/
/** RFC 9110 10.2.1: a possibly empty list of methods. */
const METHOD_LIST = new RegExp(`^(${TOKEN}(\\s*,\\s*${TOKEN})*)?$`)
/** RFC 9110 10.2.3: delay-seconds (at most 2147483648, RFC 9111 1.2.2) or a real IMF-fixdate (5.6.7). */
const RETRY_AFTER: ValueCheck = { test: isRetryAfter }
/** RFC 9110 7.8: `Upgrade` names protocols, `protocol-name ["/" protocol-version]`. */
const PROTOCOL_LIST: ValueCheck = { test: isProtocolList }
/** RFC 9110 7.8: whoever sends `Upgrade` lists `upgrade` in `Connection`. */
const UPGRADE_OPTION: ValueCheck = { test: hasUpgradeOption }
/** RFC 8288 3 and RFC 7725 4: exactly one link, a URI reference, with `rel="blocked-by"`. */
const ONE_BLOCKED_BY_LINK = /^<([^<>]*)>[ \t]*;[ \t]*rel=(?:"blocked-by"|blocked-by)$/
const BLOCKED_BY_LINK: ValueCheck = {
  test: (value) => {
    // No match is no target, which `isUriReference` refuses like any value that is no string.
    return isUriReference(ONE_BLOCKED_BY_LINK.exec(value)?.[1])
  },
}

function retryAfterRule(required: boolean, source: string): HeaderRule {
  return { header: 'retry-after', required, format: RETRY_AFTER, source }
}

/** Header rules by status. Statuses not listed have no rule beyond `EVERY_STATUS_RULES`. */
export const HEADER_RULES: Readonly<Record<number, readonly HeaderRule[]>> = Object.freeze({
  401: [{ header: 'www-authenticate', required: true, format: NON_EMPTY, source: 'RFC 9110 15.5.2' }],
  405: [{ header: 'allow', required: true, format: METHOD_LIST, source: 'RFC 9110 15.5.6' }],
  407: [{ header: 'proxy-authenticate', required: true, format: NON_EMPTY, source: 'RFC 9110 15.5.8' }],
  413: [retryAfterRule(false, 'RFC 9110 15.5.14')],
  416: [{ header: 'content-range', required: true, format: /^bytes \*\/\d+$/, source: 'RFC 9110 15.5.17' }],
  426: [
    { header: 'upgrade', required: true, format: PROTOCOL_LIST, source: 'RFC 9110 15.5.22' },
    { header: 'connection', required: true, format: UPGRADE_OPTION, source: 'RFC 9110 7.8: Connection: Upgrade' },
  ],
  429: [retryAfterRule(true, 'RFC 6585 4, always sent by http-problems')],
  451: [{ header: 'link', required: false, format: BLOCKED_BY_LINK, source: 'RFC 7725 4, RFC 8288 3: one rel="blocked-by" link' }],
  503: [retryAfterRule(false, 'RFC 9110 15.6.4')],
})

/** Rules for headers any status may carry: a `Retry-After` on a 500 must be valid too. */
const EVERY_STATUS_RULES: readonly HeaderRule[] = Object.freeze([retryAfterRule(false, 'RFC 9110 10.2.3')])

/**
 * Every header rule for `status`: its own, then those for every status whose header it has no
 * rule of its own for.
 */
export function headerRulesFor(status: number): readonly HeaderRule[] {
  const own = HEADER_RULES[status] ?? []
  return [...own, ...EVERY_STATUS_RULES.filter((rule) => !own.some((mine) => mine.header === rule.header))]
}
