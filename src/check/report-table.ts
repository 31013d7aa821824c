/**
 * The report for a terminal: one row per probe (probe, request, status, verdict, the first rule
 * broken with what was observed), then a summary line. Colour only when the caller says the
 * output is a terminal that wants it.
 */
import { verdictCounts, type CheckReport, type ProbeResult, type Verdict } from './run-check.js'

const COLOURS: Readonly<Record<Verdict, string>> = { pass: '32', fail: '31', error: '31', skip: '33' }
const HEADINGS = ['PROBE', 'REQUEST', 'STATUS', 'VERDICT', 'FIRST BROKEN RULE'] as const
/** Longest request column: a long route template would push the findings off the screen. */
const MAX_REQUEST_WIDTH = 40

/** The report as lines of text, ending in a newline. */
export function formatTable(report: CheckReport, colour: boolean): string {
  const rows = report.results.map(rowOf)
  // The last column is padded too: `trimEnd` takes the padding off again.
  const widths = HEADINGS.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: readonly string[], verdict?: Verdict): string =>
    cells
      .map((cell, column) => {
        const padded = cell.padEnd(widths[column]!)
        return column === 3 && verdict !== undefined && colour ? `\u001b[${COLOURS[verdict]}m${padded}\u001b[0m` : padded
      })
      .join('  ')
      .trimEnd()
  const body = rows.map((row, index) => line(row, report.results[index]!.verdict))
  return [`http-problems check ${report.target}`, '', line(HEADINGS), ...body, '', summaryOf(report), ''].join('\n')
}

/** `11 probes: 8 passed, 2 failed, 1 skipped, 0 errors`. */
export function summaryOf(report: CheckReport): string {
  const counts = verdictCounts(report)
  return `${report.results.length} probes: ${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped, ${counts.error} errors`
}

function rowOf(result: ProbeResult): string[] {
  const request = result.request === undefined ? '-' : clip(`${result.request.method} ${result.request.path}`, MAX_REQUEST_WIDTH)
  const finding = result.broken[0]?.message ?? result.reason ?? ''
  return [result.probe, request, result.status === undefined ? '-' : String(result.status), result.verdict, oneLine(finding)]
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}

/** Findings quote what a service sent: control characters would garble the terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
}
