// The README table of ready-made rules documents the rule tables themselves: every row of every
// set has a README line with its codes, status, code member, detail (4xx) and Retry-After, and the
// README lists no row the sets do not have. Fails on drift either way.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MONGO_ROWS } from '../../src/mapping/mongo-rules.js'
import { NETWORK_ROWS } from '../../src/mapping/network-rules.js'
import { POSTGRES_ROWS } from '../../src/mapping/postgres-rules.js'
import { PRISMA_ROWS } from '../../src/mapping/prisma-rules.js'
import type { RuleRow } from '../../src/mapping/rule-table.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const SETS: [string, readonly RuleRow<never>[]][] = [
  ['postgresRules', POSTGRES_ROWS],
  ['prismaRules', PRISMA_ROWS],
  ['mongoRules', MONGO_ROWS],
  ['networkRules', NETWORK_ROWS],
]
/** The README's table lines: `| set | code | status | code member | detail | members |`. */
const tableLines = readme.split('\n').filter((line) => /^\| `(postgres|prisma|mongo|network)Rules` \|/.test(line))

describe('README table of ready-made rules', () => {
  it.each(SETS.flatMap(([set, rows]) => rows.map((row) => [set, row.codes.join(', '), row] as const)))('%s %s', (set, _codes, row) => {
    const line = tableLines.find((candidate) => candidate.startsWith(`| \`${set}\` |`) && row.codes.every((code) => candidate.includes(`\`${code}\``)))
    expect(line, `a README line for ${set} ${row.codes.join(', ')}`).toBeDefined()
    const cells = line!.split(' | ')
    expect(cells[2]).toBe(String(row.status))
    expect(cells[3]).toBe(`\`${row.code}\``)
    if (row.status < 500) expect(cells[4]).toBe(row.detail)
    if (row.retryAfter !== undefined) expect(line).toContain(`\`Retry-After: ${row.retryAfter}\``)
    else expect(line).not.toContain('Retry-After')
  })

  it('lists no rule the sets do not have (the client-closed rule is the one row outside the tables)', () => {
    const rows = SETS.reduce((count, [, set]) => count + set.length, 0)
    expect(tableLines).toHaveLength(rows + 1)
  })
})
