/**
 * `Location` values for 201 and 202 answers. A location often contains user data (a name, an id),
 * so it is made safe: non-ASCII and spaces are percent-encoded as a URI reference requires, and a
 * value with control characters (CR/LF header injection) is refused.
 */

// Control characters are exactly what this check is for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/
const NEEDS_ENCODING = /[^\x21-\x7e]/gu

/** The header value for `location`, or `undefined` when it cannot be sent safely. */
export function locationValue(location: unknown): string | undefined {
  if (typeof location !== 'string' || location === '' || CONTROL.test(location)) return undefined
  try {
    return location.replace(NEEDS_ENCODING, (character) => encodeURIComponent(character))
  }
  // Stryker disable next-line BlockStatement: an empty catch returns undefined as well
  catch {
    return undefined // a lone surrogate cannot be encoded
  }
}
