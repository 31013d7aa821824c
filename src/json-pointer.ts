/**
 * JSON Pointers (RFC 6901) between the forms validators report and the one problem bodies carry:
 * validators give a path as segments (zod, express-validator) or as a pointer string (Ajv,
 * TypeBox); bodies carry the URI fragment form (`#/items/0/name`). Segments are the one
 * in-between form, so escaping happens in exactly one place and cannot be forgotten.
 */
import { clip } from './clip.js'

/** One step of a path: a member name, or an array index. */
export type PathSegment = string | number

/** Unpaired UTF-16 surrogates: JSON lets a client send them in member names, `encodeURI` throws on them. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * The URI fragment form of the pointer to `segments`, at most `max` characters: each segment
 * escaped (`~` → `~0`, `/` → `~1`), then percent-encoded for a fragment (section 6). `[]` is `#`,
 * the whole document. Work is bounded by `max`, however long the path or its member names.
 */
export function pointerFragment(segments: readonly PathSegment[], max: number): string {
  let pointer = ''
  for (const segment of segments) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: bounds the work only; the pointer is clipped to max below, so stopping one segment later or never changes no character of it
    if (pointer.length > max) break
    // Cut before escaping and encoding: percent-encoding can grow a string ninefold.
    pointer += `/${clip(String(segment), max).replace(/~/g, '~0').replace(/\//g, '~1')}`
  }
  return clip(`#${encodeURI(clip(pointer, max).replace(LONE_SURROGATE, '\ufffd')).replace(/#/g, '%23')}`, max)
}

/**
 * The segments of a JSON Pointer string (`/a~1b/0` → `['a/b', '0']`); `''` is the whole document.
 * A pointer without its leading `/` is read as if it had one, and a `~` that starts no escape is
 * kept as is, so a sloppy validator still gets the member it meant.
 */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return (pointer.startsWith('/') ? pointer.slice(1) : pointer).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}
