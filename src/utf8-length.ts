/**
 * The UTF-8 byte length of a string, as `Buffer.byteLength(text)` counts it (a lone surrogate is
 * U+FFFD, 3 bytes), without Node's `Buffer`: the renderer runs in Web-standard runtimes too
 * (the fetch entry point), where `Content-Length` must still be exact.
 */

/** Bytes `text` takes as UTF-8. */
export function utf8Length(text: string): number {
  let length = text.length
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) continue
    if (code < 0x800) {
      length += 1
      continue
    }
    // Where Stryker reads it (a leading comment of the statement, not a comment inside the block before it):
    // Stryker disable next-line BlockStatement: without the block the pair's low surrogate is counted next, as 2 more bytes: 4 all the same
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      // A pair: two UTF-16 units, four bytes.
      length += 2
      index++
    } else {
      length += 2
    }
  }
  return length
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
