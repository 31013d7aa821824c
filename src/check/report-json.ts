/**
 * The report as JSON for machines: the target, the counts, and every probe with all its broken
 * rules. Timings are left out so the same service gives the same document.
 */
import { verdictCounts, type CheckReport } from './run-check.js'

/** The report as pretty-printed JSON, ending in a newline. */
export function formatJson(report: CheckReport): string {
  const counts = verdictCounts(report)
  const document = {
    target: report.target,
    summary: { probes: report.results.length, passed: counts.pass, failed: counts.fail, skipped: counts.skip, errors: counts.error },
    probes: report.results.map(({ durationMs: _durationMs, ...result }) => result),
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
