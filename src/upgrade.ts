/**
 * `Upgrade` on a 426: RFC 9110 15.5.22 says the server MUST send it, naming the protocol(s) to
 * switch to, and 7.8 that its sender MUST also send the `upgrade` connection option. A 426 the
 * class did not build (`createError(426)`, `new HttpProblem(426)`, boom) gets the plugin's
 * `upgrade` option, so no 426 leaves without one.
 */
import { TOKEN_SOURCE } from './header-values.js'
import type { HeaderMap } from './statuses.js'
import { invalidOption } from './usage-error.js'

/**
 * The protocol the plugin names on a 426 that carries none: WebSocket, the upgrade Node services
 * ask for (a plain GET on a WebSocket endpoint is the usual 426).
 */
export const DEFAULT_UPGRADE = 'websocket'

const TOKEN = TOKEN_SOURCE
/** RFC 9110 7.8: `protocol-name ["/" protocol-version]`, comma-separated. */
const PROTOCOL_LIST = new RegExp(`^${TOKEN}(?:/${TOKEN})?(?:[ \\t]*,[ \\t]*${TOKEN}(?:/${TOKEN})?)*$`)
/** `upgrade` among the options of a `Connection` value. */
const UPGRADE_OPTION = /(?:^|,)[ \t]*upgrade[ \t]*(?:,|$)/i

/**
 * True when `value` is an `Upgrade` value: one or more protocols such as `websocket` or `HTTP/2`.
 *
 * @example
 * isProtocolList('TLS/1.3, HTTP/1.1') // true
 */
export function isProtocolList(value: unknown): value is string {
  return typeof value === 'string' && PROTOCOL_LIST.test(value)
}

/** True when a `Connection` value lists the `upgrade` option. */
export function hasUpgradeOption(connection: string | undefined): boolean {
  // Stryker disable next-line ConditionalExpression: RegExp#test reads undefined as "undefined", which names no upgrade option
  return connection !== undefined && UPGRADE_OPTION.test(connection)
}

/** A checked `Upgrade` value for the class option or the plugin option called `option`. */
export function upgradeValue(value: unknown, option = 'upgrade'): string {
  if (!isProtocolList(value)) invalidOption(option, 'one or more protocols, such as "websocket" or "TLS/1.3, HTTP/1.1"', value)
  return value
}

/**
 * Makes the headers of a 426 carry a valid `Upgrade` (`fallback` replaces a missing or invalid
 * one) and `Connection` with the `upgrade` option (added to a `Connection` already set).
 */
export function requireUpgrade(headers: HeaderMap, fallback: string | undefined, dropped: string[]): void {
  const upgrade = headers.upgrade
  if (!isProtocolList(upgrade)) {
    if (upgrade !== undefined) dropped.push('upgrade')
    headers.upgrade = isProtocolList(fallback) ? fallback : DEFAULT_UPGRADE
  }
  const connection = headers.connection
  if (!hasUpgradeOption(connection)) {
    headers.connection = connection === undefined || connection.trim() === '' ? 'Upgrade' : `${connection}, Upgrade`
  }
}
