/**
 * `Retry-After` (RFC 9110 10.2.3) is either delay-seconds (digits only) or an IMF-fixdate. Every
 * value the library sends is one of the two: seconds and Dates given to a class or an option are
 * checked and formatted here, and a value that came from elsewhere (a foreign error's headers, a
 * problem's own `headers`) is sent only when it is valid, clamped when it is too large.
 */
import { alternatives, DAY_NAMES, MONTH_NAMES } from './http-date.js'
import { invalidOption } from './usage-error.js'

/**
 * The largest delay-seconds sent: RFC 9111 1.2.2 has a recipient that cannot represent a larger
 * value use 2147483648 (2^31), so a larger one says nothing more and may overflow a client.
 *
 * @example
 * new TooManyRequests({ retryAfter: 1e21 }).headers['retry-after'] // '2147483648'
 */
export const MAX_DELAY_SECONDS = 2_147_483_648

const DELAY_SECONDS = /^\d+$/
// Stryker disable next-line Regex: the anchors are repeated by isImfFixdate, whose value must equal a whole `toUTCString()`
const IMF_FIXDATE = new RegExp(`^${alternatives(DAY_NAMES)}, (\\d{2}) ${alternatives(MONTH_NAMES)} (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`)
const MONTHS: readonly string[] = MONTH_NAMES

/**
 * `Retry-After` from seconds or a point in time. Both are rounded up to the whole second, so a
 * client is never told to come back early; seconds over `MAX_DELAY_SECONDS` are sent as that.
 * A negative, NaN or infinite number, an invalid Date and a Date outside the years 1 to 9999
 * (which an IMF-fixdate cannot write) are refused with a `UsageError` naming `option`.
 */
export function retryAfterValue(retryAfter: number | Date, option = 'retryAfter'): string {
  if (retryAfter instanceof Date) return imfFixdate(retryAfter, option)
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for anything but a number, so the typeof test only says it to the type checker
  if (typeof retryAfter !== 'number' || !Number.isFinite(retryAfter) || retryAfter < 0) {
    invalidOption(option, 'a finite, non-negative number of seconds or a Date', retryAfter)
  }
  return String(Math.min(Math.ceil(retryAfter), MAX_DELAY_SECONDS))
}

function imfFixdate(date: Date, option: string): string {
  const time = date.getTime()
  if (Number.isNaN(time)) invalidOption(option, 'a valid Date', 'an invalid Date')
  const rounded = new Date(Math.ceil(time / 1000) * 1000)
  const year = rounded.getUTCFullYear()
  if (year < 1 || year > 9999) invalidOption(option, 'a Date in the years 1 to 9999', `a Date in the year ${year}`)
  return rounded.toUTCString()
}

/**
 * The `Retry-After` value to send for one that came from elsewhere: delay-seconds (over
 * `MAX_DELAY_SECONDS` sent as that), a valid IMF-fixdate as it is, anything else `undefined`.
 *
 * @example
 * sendableRetryAfter('120') // '120'
 * sendableRetryAfter('soon') // undefined: not sent (a 429 then gets the plugin's default)
 */
export function sendableRetryAfter(value: string): string | undefined {
  // Stryker disable next-line EqualityOperator: at exactly MAX_DELAY_SECONDS the clamp writes the same digits
  if (DELAY_SECONDS.test(value)) return Number(value) > MAX_DELAY_SECONDS ? String(MAX_DELAY_SECONDS) : value
  return isImfFixdate(value) ? value : undefined
}

/**
 * True when `value` is a `Retry-After` this library would send: delay-seconds no larger than
 * `MAX_DELAY_SECONDS`, or a valid IMF-fixdate.
 *
 * @example
 * isRetryAfter('1e+21') // false
 */
export function isRetryAfter(value: string): boolean {
  return DELAY_SECONDS.test(value) ? Number(value) <= MAX_DELAY_SECONDS : isImfFixdate(value)
}

/**
 * True for an IMF-fixdate (RFC 9110 5.6.7) that names a real second: the right day of the week,
 * no 31 February, no hour 24.
 */
export function isImfFixdate(value: string): boolean {
  const parts = IMF_FIXDATE.exec(value)
  if (parts === null) return false
  const [, , day, , year, hour, minute, second] = parts.map(Number)
  const date = new Date(0)
  date.setUTCFullYear(year!, MONTHS.indexOf(parts[3]!), day)
  date.setUTCHours(hour!, minute, second, 0)
  return year! >= 1 && date.toUTCString() === value
}
