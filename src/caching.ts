/**
 * How caches may keep a problem. Its content type is chosen by `Accept`, so it varies on it
 * (RFC 9110 12.5.5); and a `Cache-Control` the route set for its success (`public, max-age=86400`)
 * must not let a shared cache keep the failure, which carries a per-request correlation id and
 * may be heuristically cacheable (404, 405, 410: RFC 9111 4.2.2). The `cacheControl` option
 * chooses what is sent instead; a problem's own `Cache-Control` header wins.
 */
import type { HeaderMap } from './statuses.js'

/**
 * `Cache-Control` of a problem unless the `cacheControl` option or the problem says otherwise.
 *
 * @example
 * expect(response.headers['cache-control']).toBe(DEFAULT_CACHE_CONTROL)
 */
export const DEFAULT_CACHE_CONTROL = 'no-store'

/** True when the answer sets its own `Cache-Control`, replacing whatever the route had set. */
export function replacesCaching(headers: HeaderMap, cacheControl: string | false): boolean {
  return cacheControl !== false || headers['cache-control'] !== undefined
}

/**
 * Adds `Cache-Control` (the problem's own, else `cacheControl`, none when it is `false`) and
 * `Accept` to `Vary`.
 */
export function addCachingHeaders(headers: HeaderMap, cacheControl: string | false): void {
  if (headers['cache-control'] === undefined && cacheControl !== false) headers['cache-control'] = cacheControl
  headers.vary = varyWithAccept(headers.vary)
}

/** `Accept` added to a `Vary` value (see `varyWith`). */
export function varyWithAccept(vary: string | undefined): string {
  return varyWith(vary, 'Accept')
}

/**
 * `member` added to a `Vary` value, each member once (compared without case). `*` already says
 * the answer varies on everything, so it stays alone.
 */
export function varyWith(vary: string | undefined, member: string): string {
  if (vary === undefined) return member
  const wanted = member.toLowerCase()
  const seen = new Set<string>()
  const members: string[] = []
  for (const part of vary.split(',')) {
    const name = part.trim()
    const lower = name.toLowerCase()
    if (lower === '*') return '*'
    if (name === '' || seen.has(lower)) continue
    seen.add(lower)
    members.push(name)
  }
  if (!seen.has(wanted)) members.push(member)
  return members.join(', ')
}
