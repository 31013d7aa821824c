/**
 * Runs the probes against one service, one at a time (a check is a handful of requests, never a
 * load), and judges each answer by the rules `expectProblem` uses.
 */
import { performance } from 'node:perf_hooks'
import type { BrokenRule } from '../rules/answer.js'
import { brokenRules } from '../rules/broken-rules.js'
import { viewOf } from '../testing/read-response.js'
import { PROBES, type ProbeContext, type ProbeRequest } from './probes.js'
import type { Route } from './routes.js'
import { send } from './send.js'

/** What to check, read from the command line. */
export interface CheckOptions {
  /** The service's base URL; every request stays on its origin, under its path. */
  readonly baseUrl: URL
  readonly routes: readonly Route[]
  /** Sent with every request (auth); their values never appear in a report. */
  readonly headers: Readonly<Record<string, string>>
  readonly timeoutMs: number
  readonly bodyLimit: number
  readonly correlationIdHeader: string
}

/** `pass`, `fail` (a rule broken), `skip` (no route to aim at), `error` (no answer). */
export type Verdict = 'pass' | 'fail' | 'skip' | 'error'

/** One probe's outcome. */
export interface ProbeResult {
  readonly probe: string
  readonly description: string
  readonly request?: { readonly method: string; readonly path: string }
  readonly verdict: Verdict
  readonly status?: number
  /** Every broken rule, in rule order (empty unless `fail`). */
  readonly broken: readonly BrokenRule[]
  /** Why a probe was skipped or got no answer. */
  readonly reason?: string
  readonly durationMs: number
}

/** The outcome of a check. */
export interface CheckReport {
  /** The base URL checked. */
  readonly target: string
  readonly results: readonly ProbeResult[]
}

/** Called before each probe runs, for a progress line. */
export type OnProbe = (index: number, total: number, probe: string) => void

/** The most of an answer's body read: enough for any problem, bounded for any service. */
const MAX_BODY_BYTES = 256 * 1024
const REDACTED = '[redacted]'

/** Runs every probe against `options.baseUrl`, in order. */
export async function runCheck(options: CheckOptions, onProbe: OnProbe = () => undefined): Promise<CheckReport> {
  const context: ProbeContext = { routes: options.routes, correlationIdHeader: options.correlationIdHeader, bodyLimit: options.bodyLimit }
  const results: ProbeResult[] = []
  for (const [index, probe] of PROBES.entries()) {
    onProbe(index, PROBES.length, probe.name)
    const plan = probe.plan(context)
    const base = { probe: probe.name, description: probe.description }
    if ('skip' in plan) {
      results.push({ ...base, verdict: 'skip', broken: [], reason: plan.skip, durationMs: 0 })
      continue
    }
    const started = performance.now()
    const result = await runProbe(options, plan.request, plan.expected)
    results.push({ ...base, request: { method: plan.request.method, path: plan.request.path }, ...result, durationMs: performance.now() - started })
  }
  return { target: options.baseUrl.href, results: results.map((result) => redacted(result, Object.values(options.headers))) }
}

type Judged = Pick<ProbeResult, 'verdict' | 'status' | 'broken' | 'reason'>

async function runProbe(options: CheckOptions, request: ProbeRequest, expected: Parameters<typeof brokenRules>[1]): Promise<Judged> {
  const url = urlFor(options.baseUrl, request.path)
  if (url === undefined) return { verdict: 'error', broken: [], reason: `${request.path} leads off the checked origin: not sent` }
  // A body goes out with its Content-Length: Node sets it when `end` writes the whole body at once.
  const headers: Record<string, string> = { 'user-agent': 'http-problems-check', ...options.headers, ...request.headers }
  const exchange = await send({ url, method: request.method, headers, body: request.body }, { timeoutMs: options.timeoutMs, maxBodyBytes: MAX_BODY_BYTES })
  if (!exchange.ok) return { verdict: 'error', broken: [], reason: exchange.reason }
  const broken = brokenRules(viewOf({ statusCode: exchange.status, headers: exchange.headers, payload: exchange.text }), expected)
  return { verdict: broken.length === 0 ? 'pass' : 'fail', status: exchange.status, broken }
}

/** `path` (with its query) under the base URL's path, or `undefined` when it would leave the origin. */
export function urlFor(baseUrl: URL, path: string): URL | undefined {
  const prefix = baseUrl.pathname.replace(/\/+$/, '')
  const url = new URL(prefix + path, baseUrl.origin)
  return url.origin === baseUrl.origin ? url : undefined
}

/** The result with every secret (a `--header` value) replaced, wherever the service echoed it. */
function redacted(result: ProbeResult, secrets: readonly string[]): ProbeResult {
  const hide = (text: string): string => secrets.reduce((hidden, secret) => (secret === '' ? hidden : hidden.split(secret).join(REDACTED)), text)
  return {
    ...result,
    broken: result.broken.map((broken) => ({ rule: broken.rule, message: hide(broken.message) })),
    ...(result.reason === undefined ? {} : { reason: hide(result.reason) }),
  }
}

/** How many probes got each verdict. */
export function verdictCounts(report: CheckReport): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, skip: 0, error: 0 }
  for (const result of report.results) counts[result.verdict]++
  return counts
}
