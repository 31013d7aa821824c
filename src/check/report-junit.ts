/**
 * The report as JUnit XML, which CI systems show as test results: one test suite, one test case
 * per probe; a broken rule is a `failure`, no answer an `error`, a probe without a route `skipped`.
 */
import { verdictCounts, type CheckReport, type ProbeResult } from './run-check.js'
import { xmlText } from './xml.js'

/** The report as a JUnit XML document. */
export function formatJunit(report: CheckReport): string {
  const counts = verdictCounts(report)
  const seconds = (ms: number): string => (ms / 1000).toFixed(3)
  const total = report.results.reduce((sum, result) => sum + result.durationMs, 0)
  const suite = attributes({
    name: `http-problems check ${report.target}`,
    tests: String(report.results.length),
    failures: String(counts.fail),
    errors: String(counts.error),
    skipped: String(counts.skip),
    time: seconds(total),
  })
  const cases = report.results.map((result) => {
    const head = `    <testcase ${attributes({ classname: 'http-problems check', name: result.probe, time: seconds(result.durationMs) })}`
    const inner = outcomeOf(result)
    return inner === undefined ? `${head}/>` : `${head}>\n      ${inner}\n    </testcase>`
  })
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', `  <testsuite ${suite}>`, ...cases, '  </testsuite>', '</testsuites>', ''].join('\n')
}

/** The element inside a probe's test case; none for a pass. */
function outcomeOf(result: ProbeResult): string | undefined {
  switch (result.verdict) {
    case 'skip':
      return `<skipped ${attributes({ message: result.reason ?? '' })}/>`
    case 'error':
      return `<error ${attributes({ message: result.reason ?? '' })}/>`
    case 'fail': {
      const first = result.broken[0]!
      const all = result.broken.map((broken) => `${broken.rule}: ${broken.message}`).join('\n')
      return `<failure ${attributes({ message: first.message, type: first.rule })}>${xmlText(`${result.description}\n${all}`)}</failure>`
    }
  }
  return undefined
}

function attributes(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${xmlText(value)}"`)
    .join(' ')
}
