// The changelog's form (npm test) and the release rule (prepublishOnly): what passes and what fails.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { changelogProblems } from '../../scripts/changelog-check.js'

const GOOD = ['# Changelog', '', '## [Unreleased]', '', '### Added', '', '- next', '', '## [0.2.0] - 2027-01-02', '', '### Fixed', '', '- a fix', '', '## [0.1.0] - 2026-12-03', '', '- first', ''].join('\n')

describe('changelogProblems', () => {
  it('accepts the Keep a Changelog form, and a release with a section', () => {
    expect(changelogProblems(GOOD)).toEqual([])
    expect(changelogProblems(GOOD, '0.2.0')).toEqual([])
  })

  it('accepts this repository\'s CHANGELOG.md, with a section for package.json\'s version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(changelogProblems(readFileSync('CHANGELOG.md', 'utf8'), version)).toEqual([])
  })

  it('refuses publishing a version without a section, or with an empty one', () => {
    expect(changelogProblems(GOOD, '0.3.0')).toEqual([`no "## [0.3.0] - YYYY-MM-DD" section for package.json's version: move the Unreleased entries into it before publishing`])
    expect(changelogProblems(GOOD.replace('- a fix', ''), '0.2.0')).toEqual(['[0.2.0] lists no change'])
  })

  it('refuses a missing Unreleased section, a malformed heading, an unknown change type, a wrong order, a version twice', () => {
    expect(changelogProblems(GOOD.replace('## [Unreleased]\n', ''))).toEqual(['the first section is "## [Unreleased]", where changes are written as they are made'])
    expect(changelogProblems(GOOD.replace('## [0.2.0] - 2027-01-02', '## 0.2.0'))).toEqual(['"## 0.2.0": a section is "## [Unreleased]" or "## [x.y.z] - YYYY-MM-DD"'])
    expect(changelogProblems(GOOD.replace('### Fixed', '### Improved'))).toEqual(['"### Improved": a change type is one of Added, Changed, Deprecated, Removed, Fixed, Security'])
    expect(changelogProblems(GOOD.replace('[0.2.0]', '[0.0.9]'))).toEqual(['[0.0.9] is listed above [0.1.0]: newest first'])
    expect(changelogProblems(GOOD.replace('[0.2.0]', '[0.1.0]'))).toContain('a version has two sections')
  })
})
