/**
 * The results as Markdown tables, ready to paste into BENCHMARKS.md: one row per variant, then
 * one row per target of issue 4.
 */
import { median, pairedRatio, ratioRange } from './stats.js'
import { TARGETS } from './targets.js'
import type { Variant } from './variants.js'

/** Everything measured for one variant. */
export interface VariantResults {
  variant: Variant
  /** Requests per second, one value per round, in round order. */
  rps: number[]
  p99: number[]
  serverCpu: (number | undefined)[]
  /**
   * Requests per CPU-second of the server, per round: the inverse of its cost per request. Less
   * sensitive than req/s to other processes taking CPU time from the server's core.
   */
  efficiency: number[]
  faults: number
  /** Live heap growth (after GC) across the measured rounds, in bytes, when measured. */
  heapGrowth: number | undefined
  /** Requests served during the measured rounds. */
  requests: number
}

/** `value` with `digits` decimals, or `n/a` when it is not a finite number. */
export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
}

function percent(values: readonly (number | undefined)[]): string {
  const known = values.filter((value): value is number => value !== undefined)
  return known.length === 0 ? 'n/a' : `${Math.round(median(known) * 100)}%`
}

function heap(result: VariantResults): string {
  if (result.heapGrowth === undefined) return 'n/a'
  return `${Math.round(result.heapGrowth / 1024)} KB`
}

/** The per-variant table. */
export function variantTable(results: readonly VariantResults[]): string {
  const byId = new Map(results.map((result) => [result.variant.id, result]))
  const lines = [
    '| variant | what | req/s | p99 ms | vs plain | range | server CPU | req/CPU-s | vs plain | heap Δ | bad |',
    '|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|',
  ]
  for (const result of results) {
    const base = byId.get(result.variant.baseline)
    const ratio = base ? pairedRatio(result.rps, base.rps) : Number.NaN
    const [low, high] = base ? ratioRange(result.rps, base.rps) : [Number.NaN, Number.NaN]
    const efficiencyRatio = base ? pairedRatio(result.efficiency, base.efficiency) : Number.NaN
    lines.push(
      `| ${result.variant.id} | ${result.variant.description} | ${Math.round(median(result.rps))} | ` +
        `${fixed(median(result.p99), 1)} | ${fixed(ratio, 2)}x | ${fixed(low, 2)}–${fixed(high, 2)} | ` +
        `${percent(result.serverCpu)} | ${fixed(median(result.efficiency), 0)} | ${fixed(efficiencyRatio, 2)}x | ` +
        `${heap(result)} | ${result.faults} |`,
    )
  }
  return lines.join('\n')
}

/** The targets table; targets whose variants were not run are left out. */
export function targetTable(results: readonly VariantResults[]): string {
  const byId = new Map(results.map((result) => [result.variant.id, result]))
  const lines = [
    '| target | req/s ratio | range | per CPU-s ratio | needed | met (req/s) |',
    '|---|---:|---|---:|---:|---|',
  ]
  for (const target of TARGETS) {
    const numerator = byId.get(target.numerator)
    const denominator = byId.get(target.denominator)
    if (!numerator || !denominator) continue
    const ratio = pairedRatio(numerator.rps, denominator.rps)
    const [low, high] = ratioRange(numerator.rps, denominator.rps)
    const efficiencyRatio = pairedRatio(numerator.efficiency, denominator.efficiency)
    lines.push(
      `| ${target.description} (${target.numerator} / ${target.denominator}) | ${fixed(ratio, 2)}x | ` +
        `${fixed(low, 2)}–${fixed(high, 2)} | ${fixed(efficiencyRatio, 2)}x | ≥ ${target.min}x | ` +
        `${ratio >= target.min ? 'yes' : 'NO'} |`,
    )
  }
  return lines.join('\n')
}
