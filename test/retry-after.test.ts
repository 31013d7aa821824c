// `Retry-After` on its own (src/retry-after.ts, RFC 9110 10.2.3): delay-seconds or an IMF-fixdate
// (RFC 9110 5.6.7), rounded up so a client never comes back early, capped at 2^31 (RFC 9111 1.2.2).
import { describe, expect, it } from 'vitest'
import { MAX_DELAY_SECONDS, isImfFixdate, isRetryAfter, retryAfterValue, sendableRetryAfter } from '../src/retry-after.js'
import { UsageError } from '../src/usage-error.js'

const PREFIX = 'http-problems: option'

function misuse(make: () => unknown): string {
  try {
    make()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
    return (error as UsageError).message
  }
  throw new Error('expected a UsageError')
}

describe('retryAfterValue from seconds', () => {
  it.each([
    [0, '0'],
    [0.001, '1'],
    [1, '1'],
    [1.5, '2'],
    [119.0001, '120'],
    [MAX_DELAY_SECONDS - 1, '2147483647'],
    [MAX_DELAY_SECONDS, '2147483648'],
    [MAX_DELAY_SECONDS + 0.5, '2147483648'],
    [MAX_DELAY_SECONDS + 1, '2147483648'],
  ])('%s seconds → %s', (seconds, value) => {
    expect(retryAfterValue(seconds)).toBe(value)
  })

  it.each([
    [-1, 'number -1'],
    [-0.001, 'number -0.001'],
    [Number.NaN, 'number NaN'],
    [Number.POSITIVE_INFINITY, 'number Infinity'],
    [Number.NEGATIVE_INFINITY, 'number -Infinity'],
    ['60', 'the string "60"'],
    [null, 'null'],
  ])('refuses %s, naming the option', (seconds, received) => {
    expect(misuse(() => retryAfterValue(seconds as never))).toBe(
      `${PREFIX} "retryAfter" must be a finite, non-negative number of seconds or a Date, received ${received}`,
    )
    expect(misuse(() => retryAfterValue(seconds as never, 'retry'))).toContain('option "retry"')
  })
})

describe('retryAfterValue from a Date', () => {
  it('writes an IMF-fixdate, rounded up to the next whole second', () => {
    expect(retryAfterValue(new Date(Date.UTC(2030, 0, 2, 3, 4, 5)))).toBe('Wed, 02 Jan 2030 03:04:05 GMT')
    expect(retryAfterValue(new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 1)))).toBe('Wed, 02 Jan 2030 03:04:06 GMT')
    expect(retryAfterValue(new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 999)))).toBe('Wed, 02 Jan 2030 03:04:06 GMT')
  })

  it('writes the years 1 and 9999, the first and last an IMF-fixdate has four digits for', () => {
    const first = new Date(0)
    first.setUTCFullYear(1, 0, 1)
    expect(retryAfterValue(first)).toBe('Mon, 01 Jan 0001 00:00:00 GMT')
    expect(retryAfterValue(new Date(Date.UTC(9999, 11, 31, 23, 59, 59)))).toBe('Fri, 31 Dec 9999 23:59:59 GMT')
  })

  it('refuses a Date in the year 0 or 10000, saying which year it got', () => {
    const lastOfYearZero = new Date(0)
    lastOfYearZero.setUTCFullYear(0, 11, 31)
    lastOfYearZero.setUTCHours(23, 59, 59, 0)
    expect(misuse(() => retryAfterValue(lastOfYearZero))).toBe(
      `${PREFIX} "retryAfter" must be a Date in the years 1 to 9999, received the string "a Date in the year 0"`,
    )
    // Rounded up first: the last millisecond of 9999 becomes the first second of 10000.
    expect(misuse(() => retryAfterValue(new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 1)), 'at'))).toBe(
      `${PREFIX} "at" must be a Date in the years 1 to 9999, received the string "a Date in the year 10000"`,
    )
  })

  it('refuses an invalid Date', () => {
    expect(misuse(() => retryAfterValue(new Date(Number.NaN)))).toBe(
      `${PREFIX} "retryAfter" must be a valid Date, received the string "an invalid Date"`,
    )
  })
})

describe('sendableRetryAfter (a value from elsewhere)', () => {
  it('keeps delay-seconds up to 2^31 and sends a larger one as 2^31', () => {
    expect(sendableRetryAfter('0')).toBe('0')
    expect(sendableRetryAfter('120')).toBe('120')
    expect(sendableRetryAfter('2147483648')).toBe('2147483648')
    expect(sendableRetryAfter('2147483649')).toBe('2147483648')
    expect(sendableRetryAfter('99999999999999999999999')).toBe('2147483648')
  })

  it('keeps a valid IMF-fixdate as it is', () => {
    expect(sendableRetryAfter('Wed, 02 Jan 2030 03:04:05 GMT')).toBe('Wed, 02 Jan 2030 03:04:05 GMT')
  })

  it.each(['', 'soon', '1e+21', '-1', '1.5', ' 120', '120 ', '12a', 'a12', 'Mon, 02 Jan 2030 03:04:05 GMT', 'Wed, 02 Jan 2030 03:04:05 UTC'])(
    'sends nothing for %j',
    (value) => {
      expect(sendableRetryAfter(value)).toBeUndefined()
    },
  )
})

describe('isRetryAfter (what the testing helpers accept)', () => {
  it('accepts delay-seconds up to 2^31 and valid dates', () => {
    expect(isRetryAfter('0')).toBe(true)
    expect(isRetryAfter('2147483648')).toBe(true)
    expect(isRetryAfter('Wed, 02 Jan 2030 03:04:05 GMT')).toBe(true)
  })

  it('refuses delay-seconds over 2^31 and anything else', () => {
    expect(isRetryAfter('2147483649')).toBe(false)
    for (const value of ['', '1e+21', '-5', '5 ', 'tomorrow', 'Thu, 02 Jan 2030 03:04:05 GMT']) expect([value, isRetryAfter(value)]).toEqual([value, false])
  })
})

describe('isImfFixdate (RFC 9110 5.6.7, a real second)', () => {
  it.each([
    'Wed, 02 Jan 2030 03:04:05 GMT',
    'Sun, 06 Nov 1994 08:49:37 GMT',
    'Thu, 29 Feb 2024 23:59:59 GMT',
    'Mon, 01 Jan 0001 00:00:00 GMT',
    'Fri, 31 Dec 9999 23:59:59 GMT',
    'Sun, 31 Dec 2000 00:00:00 GMT',
  ])('accepts %s', (value) => {
    expect(isImfFixdate(value)).toBe(true)
  })

  it('reads every day name and every month name (the seven days from Mon, 28 Dec 2026; the 1st of each month of 2026)', () => {
    const days = Array.from({ length: 7 }, (_, index) => new Date(Date.UTC(2026, 11, 28 + index)).toUTCString())
    expect(days.map((value) => value.slice(0, 3))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
    const months = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 1)).toUTCString())
    for (const value of [...days, ...months]) expect(isImfFixdate(value), value).toBe(true)
  })

  it.each([
    ['the wrong day of the week', 'Mon, 02 Jan 2030 03:04:05 GMT'],
    ['31 February', 'Mon, 31 Feb 2030 03:04:05 GMT'],
    ['29 February of a common year', 'Fri, 29 Feb 2030 03:04:05 GMT'],
    ['day 00', 'Tue, 00 Jan 2030 03:04:05 GMT'],
    ['hour 24', 'Wed, 02 Jan 2030 24:00:00 GMT'],
    ['minute 60', 'Wed, 02 Jan 2030 03:60:05 GMT'],
    ['second 60', 'Wed, 02 Jan 2030 03:04:60 GMT'],
    ['the year 0', 'Sat, 01 Jan 0000 00:00:00 GMT'],
    ['a five-digit year', 'Sat, 01 Jan 10000 00:00:00 GMT'],
    ['a one-digit day', 'Wed, 2 Jan 2030 03:04:05 GMT'],
    ['a lower-case month', 'Wed, 02 jan 2030 03:04:05 GMT'],
    ['another zone', 'Wed, 02 Jan 2030 03:04:05 UTC'],
    ['the obsolete RFC 850 form', 'Wednesday, 02-Jan-30 03:04:05 GMT'],
    ['a leading space', ' Wed, 02 Jan 2030 03:04:05 GMT'],
    ['a trailing space', 'Wed, 02 Jan 2030 03:04:05 GMT '],
  ])('refuses %s', (_label, value) => {
    expect(isImfFixdate(value)).toBe(false)
  })
})
