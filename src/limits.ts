/** Bounds on what one problem answer may hold, shared by the renderer and the checks on options. */

/**
 * Longest `title`, `detail`, `instance` and `code` sent, in characters. A longer `title`,
 * `detail` or `code` is cut and ends with `…`, so a 10 MB message on a 4xx cannot become a 10 MB
 * answer; `instance` is cut without one (it stays a URI reference); a longer `type` is refused
 * when the problem is made, since a cut URI would name another type.
 *
 * @example
 * body.detail.length <= MAX_MEMBER_LENGTH // always true
 */
export const MAX_MEMBER_LENGTH = 2048
