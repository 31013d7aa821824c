/**
 * The one list of headers that describe the success a route meant to send, which it may have set
 * before it failed. A problem body is another representation: sent with it, they lie about it
 * (`Content-Encoding: gzip` over plain JSON makes the body unreadable, `Content-Disposition` turns
 * it into a download, `ETag`/`Last-Modified` let a cache revalidate the error as the success).
 * Both adapters remove the same ones, because the renderer decides (see reply-state.ts).
 *
 * Not here, on purpose: `Cache-Control` and `Expires` (the `cacheControl` option decides),
 * `Vary` (merged), `Content-Type`/`Content-Length`/`Transfer-Encoding` (the renderer sets its own),
 * `Content-Security-Policy` (a security header, kept), `Accept-Ranges` (about the resource, true
 * of the error too).
 */

/**
 * Lower-case names of the content headers removed from the reply before a problem is written.
 * `content-range` stays on a 416, where it says what is satisfiable (RFC 9110 15.5.17).
 */
export const CONTENT_HEADERS: readonly string[] = Object.freeze([
  // RFC 9110 8.4, 8.5, 8.7: what the success body was encoded as, in which language, where it lives.
  'content-encoding',
  'content-language',
  'content-location',
  // RFC 9110 14.4: which part of the success body this is.
  'content-range',
  // RFC 6266: save the body as a file.
  'content-disposition',
  // RFC 9110 8.8: validators of the success representation.
  'etag',
  'last-modified',
  // RFC 9530 and their predecessors: digests of the success body.
  'content-digest',
  'repr-digest',
  'digest',
  'content-md5',
])
