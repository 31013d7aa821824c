// honoAllowedMethods against routers that misbehave: a failing or odd router gives no methods, never a throw.
import { describe, expect, it } from 'vitest'
import { honoAllowedMethods, type HonoRoutes } from '../../src/fetch/hono-routes.js'

const app = (match: (method: string, path: string) => unknown): HonoRoutes => ({
  routes: [{ method: 'GET' }, { method: 'POST' }, { method: 'ALL' }],
  router: { match },
  fetch: () => new Response(null),
})

describe('honoAllowedMethods', () => {
  it('reads the route of each match, [[handler, route], params], and adds HEAD to GET', () => {
    const match = (method: string) => [[[[() => undefined, { method }], {}]]]
    expect(honoAllowedMethods(app(match), '/x')).toEqual(['GET', 'HEAD', 'POST'])
  })

  it('never asks the router for ALL, and a match of an ALL route counts for nothing', () => {
    const asked: string[] = []
    const match = (method: string) => {
      asked.push(method)
      return [[[[() => undefined, { method: 'ALL' }], {}]]]
    }
    expect(honoAllowedMethods(app(match), '/x')).toEqual([])
    expect(asked).toEqual(['GET', 'POST'])
  })

  it.each([
    ['throws', () => {
      throw new Error('router')
    }],
    ['returns nothing', () => undefined],
    ['returns no list', () => [{}]],
    ['returns odd entries', () => [[null, [null], [[() => undefined, null]], 'x']]],
  ])('gives no methods when the router %s', (_name, match) => {
    expect(honoAllowedMethods(app(match), '/x')).toEqual([])
  })
})
