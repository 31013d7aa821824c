// `Upgrade` on a 426 on its own (src/upgrade.ts): RFC 9110 7.8 protocol lists, the `upgrade`
// connection option, and what a 426 gets when it carries no valid `Upgrade` (RFC 9110 15.5.22).
import { describe, expect, it } from 'vitest'
import { DEFAULT_UPGRADE, hasUpgradeOption, isProtocolList, requireUpgrade, upgradeValue } from '../src/upgrade.js'
import { UsageError } from '../src/usage-error.js'

describe('isProtocolList (RFC 9110 7.8: protocol-name ["/" protocol-version], comma-separated)', () => {
  it.each(['websocket', 'HTTP/2', 'TLS/1.3, HTTP/1.1', 'a,b', 'a \t, b/1', "h2c, !#$%&'*+.^_`|~-/1"])('accepts %j', (value) => {
    expect(isProtocolList(value)).toBe(true)
  })

  it.each(['', ' websocket', 'websocket ', 'web socket', 'HTTP/', '/2', 'HTTP/1/1', 'a,', ',a', 'a,,b', 'a;b', 'wéb', 'a\r\nb', 'a, b\n'])(
    'refuses %j',
    (value) => {
      expect(isProtocolList(value)).toBe(false)
    },
  )

  it('refuses anything but a string', () => {
    for (const value of [undefined, null, 2, ['websocket'], { toString: () => 'websocket' }]) expect(isProtocolList(value)).toBe(false)
  })
})

describe('hasUpgradeOption (a Connection value listing upgrade)', () => {
  it.each(['upgrade', 'Upgrade', 'UPGRADE', 'keep-alive, Upgrade', 'Upgrade, close', 'close,upgrade', 'a, \tupgrade\t , b'])('finds it in %j', (value) => {
    expect(hasUpgradeOption(value)).toBe(true)
  })

  it.each([undefined, '', 'keep-alive', 'close', 'upgrades', 'no-upgrade', 'upgrade-insecure, close', 'x upgrade'])('finds none in %j', (value) => {
    expect(hasUpgradeOption(value)).toBe(false)
  })
})

describe('upgradeValue', () => {
  it('returns a valid protocol list as it is', () => {
    expect(upgradeValue('TLS/1.3, HTTP/1.1')).toBe('TLS/1.3, HTTP/1.1')
  })

  it('refuses anything else with a UsageError naming the option', () => {
    const expected = 'must be one or more protocols, such as "websocket" or "TLS/1.3, HTTP/1.1", received'
    expect(() => upgradeValue('not a protocol')).toThrow(UsageError)
    expect(() => upgradeValue('not a protocol')).toThrow(`http-problems: option "upgrade" ${expected} the string "not a protocol"`)
    expect(() => upgradeValue(42, 'protocols')).toThrow(`http-problems: option "protocols" ${expected} number 42`)
  })
})

describe('requireUpgrade', () => {
  it('keeps a valid Upgrade and adds Connection: Upgrade when there is no Connection, or an empty one', () => {
    for (const connection of [undefined, '', '  ']) {
      const headers: Record<string, string> = { upgrade: 'TLS/1.3' }
      if (connection !== undefined) headers.connection = connection
      const dropped: string[] = []
      requireUpgrade(headers, 'h2c', dropped)
      expect(headers).toEqual({ upgrade: 'TLS/1.3', connection: 'Upgrade' })
      expect(dropped).toEqual([])
    }
  })

  it('adds the upgrade option to a Connection that lacks it, and leaves one that has it', () => {
    const without = { upgrade: 'websocket', connection: 'keep-alive' }
    requireUpgrade(without, undefined, [])
    expect(without.connection).toBe('keep-alive, Upgrade')
    const already = { upgrade: 'websocket', connection: 'upgrade' }
    requireUpgrade(already, undefined, [])
    expect(already.connection).toBe('upgrade')
  })

  it('gives a 426 without Upgrade the fallback, without reporting a drop', () => {
    const headers: Record<string, string> = {}
    const dropped: string[] = []
    requireUpgrade(headers, 'h2c', dropped)
    expect(headers).toEqual({ upgrade: 'h2c', connection: 'Upgrade' })
    expect(dropped).toEqual([])
  })

  it('replaces an invalid Upgrade with the fallback and reports it dropped', () => {
    const headers: Record<string, string> = { upgrade: 'not a protocol' }
    const dropped: string[] = []
    requireUpgrade(headers, 'h2c', dropped)
    expect(headers.upgrade).toBe('h2c')
    expect(dropped).toEqual(['upgrade'])
  })

  it('uses websocket when the fallback is missing or invalid', () => {
    expect(DEFAULT_UPGRADE).toBe('websocket')
    for (const fallback of [undefined, '', 'not a protocol']) {
      const headers: Record<string, string> = {}
      requireUpgrade(headers, fallback, [])
      expect(headers.upgrade).toBe('websocket')
    }
  })
})
