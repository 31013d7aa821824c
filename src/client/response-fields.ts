/**
 * The typed fields of a status class (`allow` of a 405, `retryAfter` of a 429...) read back from
 * an upstream answer's headers, so a problem rebuilt from a response carries the same headers the
 * upstream sent. The record type has one reader per `StatusFields` key, so a field added to the
 * status table without a reader here is a compile error.
 */
import { alternatives, DAY_NAMES, MONTH_NAMES } from '../http-date.js'
import type { StatusFields } from '../statuses.js'

/** The part of `Headers` this module reads. */
export interface HeaderReader {
  get(name: string): string | null
}

type FieldReaders = { readonly [S in keyof StatusFields]: (headers: HeaderReader) => Partial<StatusFields[S]> }

const READERS: FieldReaders = {
  401: (headers) => present('challenge', headers.get('www-authenticate')),
  405: (headers) => present('allow', list(headers.get('allow'))),
  407: (headers) => present('challenge', headers.get('proxy-authenticate')),
  413: (headers) => present('retryAfter', retryAfter(headers.get('retry-after'))),
  415: (headers) => present('accept', list(headers.get('accept'))),
  416: (headers) => present('size', unsatisfiedRangeSize(headers.get('content-range'))),
  426: (headers) => present('upgrade', headers.get('upgrade') ?? undefined),
  429: (headers) => present('retryAfter', retryAfter(headers.get('retry-after'))),
  451: (headers) => present('blockedBy', blockedBy(headers.get('link'))),
  503: (headers) => present('retryAfter', retryAfter(headers.get('retry-after'))),
}

/**
 * The status's typed fields found in `headers` (`{ allow: ['GET'] }` for a 405 with `Allow: GET`).
 * Fields whose header is missing or malformed are left out.
 */
export function fieldsFromHeaders(status: number, headers: HeaderReader): Record<string, unknown> {
  const read = (READERS as Readonly<Record<number, (headers: HeaderReader) => object>>)[status]
  return read === undefined ? {} : { ...read(headers) }
}

function present<K extends string, V>(name: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === undefined || value === null || value === '' ? {} : { [name]: value }) as { [P in K]?: V }
}

/** `GET, HEAD` → `['GET', 'HEAD']`; an empty `Allow` is a valid "no methods". */
function list(value: string | null): string[] | undefined {
  if (value === null) return undefined
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

const DAY = alternatives(DAY_NAMES)
const MONTH = alternatives(MONTH_NAMES)
const TIME = '\\d{2}:\\d{2}:\\d{2}'
/** RFC 9110 5.6.7: an IMF-fixdate, or an RFC 850 date (obsolete, and still to be accepted). */
const GMT_DATE = new RegExp(`^(?:${DAY}, \\d{2} ${MONTH} \\d{4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{2}-${MONTH}-\\d{2}) ${TIME} GMT$`)
/** RFC 9110 5.6.7: an asctime date, which names no zone and means GMT. */
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`)

/**
 * RFC 9110 10.2.3: delay-seconds, or an HTTP-date in one of its three forms. Anything else is
 * no Retry-After, however `Date` would read it (it reads `1.5` as a day of 2001, and an asctime
 * date in the local zone).
 */
function retryAfter(value: string | null): number | Date | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  if (GMT_DATE.test(trimmed)) return validDate(trimmed)
  return ASCTIME_DATE.test(trimmed) ? validDate(`${trimmed} GMT`) : undefined
}

/** The date `text` names; `undefined` for a well-formed one that names none (`Mon, 32 Jan 2026 ...`). */
function validDate(text: string): Date | undefined {
  const date = new Date(text)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** `bytes *\/1234` → 1234. A missing header reads as the text `null`: no range either. */
function unsatisfiedRangeSize(value: string | null): number | undefined {
  const [size] = Array.from(String(value).trim().matchAll(/^bytes \*\/(\d+)$/g), (match) => Number(match[1]))
  return Number.isSafeInteger(size) ? size : undefined
}

/** The target of a `Link: <uri>; rel="blocked-by"` (RFC 7725). */
function blockedBy(value: string | null): string | undefined {
  if (value === null) return undefined
  for (const link of value.split(',')) {
    // The parameters run to the end of the value, a folded line (obs-fold) included.
    const match = /^\s*<([^>]*)>\s*;(.*)/s.exec(link)
    if (match !== null && /(^|;)\s*rel="?blocked-by"?\s*(;|$)/i.test(match[2]!)) return match[1]
  }
  return undefined
}
