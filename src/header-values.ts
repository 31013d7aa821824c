/**
 * Header values built from typed problem options, and the checks that keep invalid header
 * names and values off the wire. Node's `setHeader` throws on CR, LF and other invalid
 * characters; an error handler must never throw, so the renderer filters with these checks first.
 */
import { invalidOption } from './usage-error.js'

/** RFC 9110 5.6.2: the characters of a token (field names, methods, protocol names), as regex source. */
export const TOKEN_SOURCE = "[!#$%&'*+.^_`|~0-9A-Za-z-]+"
const TOKEN = new RegExp(`^${TOKEN_SOURCE}$`)
/** RFC 9110 5.5: visible ASCII, obs-text (0x80-0xFF), space and tab; no CR, LF, NUL or other controls. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * True when `name` may be used as an HTTP header name. Anything but a string is false: `RegExp#test`
 * would otherwise call a foreign value's `toString`, which may throw or lie.
 */
export function isValidHeaderName(name: unknown): name is string {
  return typeof name === 'string' && TOKEN.test(name)
}

/**
 * True when `value` may be sent as an HTTP header value without injection or a Node error: no CR,
 * LF, NUL or other control character, nothing above U+00FF. Anything but a string is false.
 */
export function isValidHeaderValue(value: unknown): boolean {
  return typeof value === 'string' && FIELD_VALUE.test(value)
}

/** One or more authentication challenges as a single field value. */
export function challengeValue(challenge: string | readonly string[], option = 'challenge'): string {
  const list = typeof challenge === 'string' ? [challenge] : challenge
  if (!Array.isArray(list) || list.length === 0 || list.some((c) => typeof c !== 'string' || c === '')) {
    invalidOption(option, 'a non-empty string or a non-empty array of non-empty strings', challenge)
  }
  return list.join(', ')
}

/** A list of tokens (methods, media types) as one comma-separated field value. */
export function listValue(items: readonly string[], option: string): string {
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string' || item === '')) {
    invalidOption(option, 'an array of non-empty strings', items)
  }
  return items.join(', ')
}

/** RFC 9110 9.1: a method is a token; `Allow` lists them (10.2.1). */
export function methodListValue(methods: readonly string[], option: string): string {
  if (!Array.isArray(methods) || methods.some((method) => typeof method !== 'string' || !TOKEN.test(method))) {
    invalidOption(option, 'an array of method names (RFC 9110 tokens, such as GET)', methods)
  }
  return methods.join(', ')
}

/** `Content-Range: bytes *\/size` for a 416 (RFC 9110 14.4). */
export function unsatisfiedRangeValue(size: number): string {
  if (!Number.isSafeInteger(size) || size < 0) invalidOption('size', 'a non-negative integer', size)
  return `bytes */${size}`
}
