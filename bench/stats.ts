/** Small statistics for the report: medians and per-round ratios. */

/** Median of `values` (mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Ratio of two series measured round by round: each round's ratio, then their median. Pairing by
 * round cancels slow drifts in machine load that affect both sides of a round alike.
 */
export function pairedRatio(numerator: readonly number[], denominator: readonly number[]): number {
  const ratios: number[] = []
  for (let round = 0; round < Math.min(numerator.length, denominator.length); round++) {
    ratios.push(numerator[round]! / denominator[round]!)
  }
  return median(ratios)
}

/** Smallest and largest per-round ratio, to show how stable a ratio was. */
export function ratioRange(numerator: readonly number[], denominator: readonly number[]): [number, number] {
  const ratios = numerator.map((value, round) => value / denominator[round]!)
  return [Math.min(...ratios), Math.max(...ratios)]
}
