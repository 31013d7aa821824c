/**
 * CHANGELOG.md in Keep a Changelog 1.1.0 form (https://keepachangelog.com/en/1.1.0/):
 *
 *   npm run changelog:check           (in `npm test`) the form: an `## [Unreleased]` section first,
 *                                     then `## [x.y.z] - YYYY-MM-DD` sections, newest first, change
 *                                     types (`### Added`...) among the six Keep a Changelog names
 *   npm run changelog:release-check   (in `prepublishOnly`) also: a dated section for package.json's
 *                                     version, holding at least one entry, so nothing is published
 *                                     without its changes written down
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const CHANGE_TYPES = new Set(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'])
const RELEASE = /^## \[(\d+\.\d+\.\d+(?:-[\w.]+)?)\] - (\d{4}-\d{2}-\d{2})$/
const UNRELEASED = '## [Unreleased]'

interface Section {
  readonly version: string
  readonly entries: number
}

/** The problems with a changelog's text; none when it is well-formed. `release` names a version that must be released. */
export function changelogProblems(text: string, release?: string): string[] {
  const problems: string[] = []
  const lines = text.split('\n')
  const sections: Section[] = []
  let current: { version: string; entries: number } | undefined
  for (const line of lines) {
    if (line.startsWith('## ')) {
      const match = RELEASE.exec(line)
      if (line === UNRELEASED) current = { version: 'Unreleased', entries: 0 }
      else if (match !== null) current = { version: match[1]!, entries: 0 }
      else {
        problems.push(`"${line}": a section is "${UNRELEASED}" or "## [x.y.z] - YYYY-MM-DD"`)
        continue
      }
      sections.push(current)
    } else if (line.startsWith('### ')) {
      const type = line.slice(4)
      if (!CHANGE_TYPES.has(type)) problems.push(`"${line}": a change type is one of ${[...CHANGE_TYPES].join(', ')}`)
    } else if (line.startsWith('- ') && current !== undefined) {
      current.entries++
    }
  }
  if (sections[0]?.version !== 'Unreleased') problems.push(`the first section is "${UNRELEASED}", where changes are written as they are made`)
  const released = sections.filter((section) => section.version !== 'Unreleased').map((section) => section.version)
  if (new Set(released).size !== released.length) problems.push('a version has two sections')
  for (let index = 1; index < released.length; index++) {
    if (compareVersions(released[index - 1]!, released[index]!) <= 0) problems.push(`[${released[index - 1]}] is listed above [${released[index]}]: newest first`)
  }
  if (release !== undefined) {
    const section = sections.find((candidate) => candidate.version === release)
    if (section === undefined) problems.push(`no "## [${release}] - YYYY-MM-DD" section for package.json's version: move the Unreleased entries into it before publishing`)
    else if (section.entries === 0) problems.push(`[${release}] lists no change`)
  }
  return problems
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string): number[] => version.split('-')[0]!.split('.').map(Number)
  const [left, right] = [parts(a), parts(b)]
  for (let index = 0; index < 3; index++) if (left[index] !== right[index]) return left[index]! - right[index]!
  return 0
}

function main(): void {
  const release = process.argv.includes('--release')
    ? (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
    : undefined
  const problems = changelogProblems(readFileSync('CHANGELOG.md', 'utf8'), release)
  if (problems.length > 0) {
    console.error(`CHANGELOG.md:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    process.exitCode = 1
  } else {
    console.log(`CHANGELOG.md: well-formed${release === undefined ? '' : `, [${release}] written`}`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) main()
