// The README's status table and the classes' header fields come from one table; these fail on drift.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HEADER_BUILDERS, STATUSES } from '../src/statuses.js'
import { withStatusTable } from '../scripts/status-table.js'

const SAMPLES: Record<string, unknown> = {
  allow: ['GET'],
  retryAfter: 5,
  challenge: 'Basic',
  accept: ['application/json'],
  size: 10,
  upgrade: 'h2c',
  blockedBy: 'https://authority.example',
}

describe('status table documentation', () => {
  it('README.md holds the table generated from src/statuses.ts (run npm run docs:status-table)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    expect(readme).toBe(withStatusTable(readme))
  })

  it.each(STATUSES.map((entry) => [entry.status, entry] as const))('%i: documented field and header builder agree', (status, entry) => {
    const build = (HEADER_BUILDERS as Record<number, ((fields: object) => Record<string, string>) | undefined>)[status]
    if (!('field' in entry)) {
      expect(build).toBeUndefined()
      return
    }
    expect(build).toBeDefined()
    const headers = build!({ [entry.field.option]: SAMPLES[entry.field.option] })
    expect(Object.keys(headers)).toContain(entry.field.header.toLowerCase())
    if (entry.field.required) expect(() => build!({})).toThrow(TypeError)
    else expect(build!({})).toEqual({})
  })
})
