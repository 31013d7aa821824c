/**
 * One catalog message compiled and formatted (src/i18n/compile-message.ts): ICU MessageFormat
 * without markup, since a problem body is JSON.
 */
import { describe, expect, it } from 'vitest'
import { compileMessage, formatMessage } from '../../src/i18n/compile-message.js'

describe('compileMessage', () => {
  it('reads tags as plain text, with arguments or without', () => {
    expect(compileMessage('Use <b>bold</b> now', 'en', 'x')).toBe('Use <b>bold</b> now')
    expect(formatMessage(compileMessage('Use <b>{count, number}</b> credits', 'en', 'x'), { count: 1200 })).toBe('Use <b>1,200</b> credits')
  })

  it('keeps a message without arguments as its text, escapes resolved', () => {
    expect(compileMessage("It''s '{'literal'}'", 'en', 'x')).toBe("It's {literal}")
  })
})
