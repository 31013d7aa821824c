/**
 * JSON string literals for the renderer's hot path. `JSON.stringify(text)` runs V8's general
 * serializer even for a short plain string; most members of a problem body (`about:blank`,
 * `Not Found`, a path, a UUID) need no escaping at all, so they are quoted directly and only the
 * rest goes through `JSON.stringify`. test/perf/json-string.test.ts proves the two always agree.
 */

/**
 * Characters `JSON.stringify` escapes or may escape: `"`, `\`, the C0 controls, and every UTF-16
 * surrogate (a lone one is escaped as `\udXXX`; pairs are left to `JSON.stringify` as well).
 */
// Control characters are exactly what this check is for.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/

/**
 * `text` as a JSON string literal, byte for byte what `JSON.stringify(text)` returns.
 *
 * @example
 * jsonString('Not Found') // '"Not Found"'
 * jsonString('say "hi"')  // '"say \\"hi\\""'
 */
export function jsonString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`
}
