/**
 * The `Vary` rule every problem answer meets: its content type is chosen by `Accept`
 * (`application/problem+json` or `application/json`), so a cache must key it on `Accept`
 * (RFC 9110 12.5.5). `*` says it varies on everything, which covers `Accept`.
 */

/** Why `vary` (the response's `Vary`, `undefined` when absent) breaks the rule, or `undefined` when it holds. */
export function varyFailure(vary: string | undefined): string | undefined {
  if (vary === undefined) return 'vary header is missing, expected one naming Accept (RFC 9110 12.5.5)'
  const members = vary.split(',').map((member) => member.trim().toLowerCase())
  if (members.includes('accept') || members.includes('*')) return undefined
  return `vary header ${JSON.stringify(vary)} does not name Accept (RFC 9110 12.5.5)`
}
