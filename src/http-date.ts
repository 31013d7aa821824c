/**
 * The names HTTP-dates spell days and months with (RFC 9110 5.6.7), for the patterns that read
 * them: the `Retry-After` a server sends (`retry-after.ts`) and the one a client reads
 * (`client/response-fields.ts`).
 */

/** Day names of an IMF-fixdate and an asctime date. */
export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const

/** Month names, January first. */
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** The names as alternatives of a regular expression, in a group: `(Jan|Feb|...)`. */
export function alternatives(names: readonly string[]): string {
  return `(${names.join('|')})`
}
