/**
 * Escaping for the JUnit report: every value goes through `xmlText`, which also drops the
 * characters XML 1.0 cannot carry at all (a service's answer may contain anything).
 */

/** Characters XML 1.0 forbids: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** `value` safe in XML text and in attribute values (quotes escaped too). */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (character) => ENTITIES[character]!)
}
