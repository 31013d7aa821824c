/**
 * Bounding text that came from outside (messages, member names, client payloads) before it is
 * written into a body or a log line, so one huge value cannot make a huge answer.
 */

/**
 * `text` cut to at most `max` characters (`max` ≥ 2), the last of them `…`; shorter text is
 * returned as is. A surrogate pair is never split, so the result is still well-formed UTF-16.
 *
 * @example
 * clip('a'.repeat(5000), 2048).length // 2048
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const end = isHighSurrogate(text.charCodeAt(max - 2)) ? max - 2 : max - 1
  return `${text.slice(0, end)}…`
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
