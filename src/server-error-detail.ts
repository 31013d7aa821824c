/**
 * The `detail` of a 5xx whose own detail is not exposed: in a file of its own, so the renderer
 * and the English built-in messages (src/i18n) share one text.
 */

/**
 * The `detail` of a 5xx whose own detail is not exposed.
 *
 * @example
 * expect(body.detail).toBe(SERVER_ERROR_DETAIL) // no internal message reached the client
 */
export const SERVER_ERROR_DETAIL =
  'The server could not complete the request. Quote the correlationId when reporting this problem.'
