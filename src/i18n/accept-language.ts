/**
 * Reads an `Accept-Language` field (RFC 9110 12.5.4) into the language ranges a client accepts,
 * most preferred first. Lenient the way the RFC asks a recipient to be: a member that is not a
 * language range with an optional weight is skipped, not the whole field; ranges with `q=0` are
 * not acceptable and left out. The matching itself is @formatjs/intl-localematcher's (negotiate.ts).
 */

/** Longest field read; a longer one is treated as absent (the default locale answers). */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 1024

/** Most members read, so a field of 500 commas costs no more than one of 32 ranges. */
const MAX_RANGES = 32

/** `language-range` (RFC 4647 2.1: `*` or 1*8ALPHA *("-" 1*8alphanum)), then an optional weight. */
const MEMBER = /^\s*(\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)\s*(?:;\s*[qQ]\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?\s*$/

/** One acceptable range and its weight. */
export interface LanguageRange {
  /** A language tag (`de-AT`) or `*`. */
  readonly range: string
  /** Weight from 0.001 to 1. */
  readonly quality: number
}

/**
 * The acceptable ranges of `field`, by descending weight (equal weights keep the client's order).
 * An absent, empty, oversized or wholly malformed field gives none.
 */
export function acceptedLanguages(field: string | readonly string[] | undefined): LanguageRange[] {
  const value = typeof field === 'string' ? field : Array.isArray(field) ? field.join(',') : undefined
  if (value === undefined || value.length > MAX_ACCEPT_LANGUAGE_LENGTH) return []
  const ranges: LanguageRange[] = []
  const members = value.split(',', MAX_RANGES)
  for (const member of members) {
    const parsed = MEMBER.exec(member)
    if (parsed === null) continue
    const quality = parsed[2] === undefined ? 1 : Number(parsed[2])
    if (quality > 0) ranges.push({ range: parsed[1]!, quality })
  }
  // Array.prototype.sort is stable: equal weights keep the order the client wrote them in.
  return ranges.sort((a, b) => b.quality - a.quality)
}
