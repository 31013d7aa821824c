// The renderer's value rules on their own (src/value-rules.ts), for what the adapters' tests do not
// reach: a Connection already set, a bad `upgrade` setting from a direct caller, what is reported.
import { describe, expect, it } from 'vitest'
import { HttpProblem, renderProblem } from '../../src/index.js'
import { applyValueRules } from '../../src/value-rules.js'
import { DEFAULT_RENDER_SETTINGS } from '../fixtures/render-settings.js'

const FACTS = { method: 'GET', url: '/ws', correlationId: 'c-1' }

describe('applyValueRules', () => {
  it('adds the upgrade option to a Connection the 426 already carries', () => {
    const headers = { upgrade: 'websocket', connection: 'keep-alive' }
    applyValueRules(426, headers, 'websocket', [])
    expect(headers.connection).toBe('keep-alive, Upgrade')
    const already = { upgrade: 'websocket', connection: 'close, upgrade' }
    applyValueRules(426, already, 'websocket', [])
    expect(already.connection).toBe('close, upgrade')
  })

  it('reports what it dropped, and gives way to websocket when a direct caller passes a bad upgrade setting', () => {
    const dropped: string[] = []
    const headers: Record<string, string> = { upgrade: 'not a protocol', 'retry-after': 'soon' }
    applyValueRules(426, headers, 'bad value', dropped)
    expect(headers).toEqual({ upgrade: 'websocket', connection: 'Upgrade' })
    expect(dropped).toEqual(['retry-after', 'upgrade'])
  })

  it('leaves other statuses without Upgrade, and a valid Retry-After as it is (trimmed)', () => {
    const headers: Record<string, string> = { 'retry-after': ' 120 ' }
    applyValueRules(503, headers, 'websocket', [])
    expect(headers).toEqual({ 'retry-after': '120' })
  })

  it('is what renderProblem applies, dropped names reaching droppedHeaders', () => {
    const rendered = renderProblem(new HttpProblem(426, { headers: { 'retry-after': '1e+21' } }), FACTS, DEFAULT_RENDER_SETTINGS)
    expect(rendered.headers).toMatchObject({ upgrade: 'websocket', connection: 'Upgrade' })
    expect(rendered.headers).not.toHaveProperty('retry-after')
    expect(rendered.droppedHeaders).toEqual(['retry-after'])
  })
})
