/**
 * The value rules a problem's headers must follow before they go out, whoever set them (a class
 * option, a problem's own `headers`, a foreign error): `Retry-After` is delay-seconds or an
 * IMF-fixdate, and a 426 names its protocols in `Upgrade`. The renderer applies them after
 * dropping unsendable headers and before adding the defaults, so a value dropped here is replaced
 * by the default (a 429 whose `Retry-After: soon` was dropped gets the plugin's `retryAfter`).
 */
import { sendableRetryAfter } from './retry-after.js'
import type { HeaderMap } from './statuses.js'
import { requireUpgrade } from './upgrade.js'

/**
 * Fixes `headers` (lower-case names) of a `status` problem in place; the names of values that
 * could not be kept are added to `dropped` for the log line. `upgrade` is the plugin's option.
 */
export function applyValueRules(status: number, headers: HeaderMap, upgrade: string | undefined, dropped: string[]): void {
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined) {
    const sendable = sendableRetryAfter(retryAfter.trim())
    if (sendable === undefined) {
      delete headers['retry-after']
      dropped.push('retry-after')
    } else {
      headers['retry-after'] = sendable
    }
  }
  if (status === 426) requireUpgrade(headers, upgrade, dropped)
}
