import type { Status, Threshold } from '../results/results-model.js';

export function percentOf(measured: number, base: number): number | null {
  return base > 0 ? (measured / base) * 100 : null;
}

/**
 * The threshold rule (README, "Thresholds"): nothing differs → PASS; the count is above
 * `max_count` or the percentage above `max_percent` → FAIL; differences within the limits, or
 * warnings that are not counted (a widened type) → WARN.
 */
export function thresholdStatus(measured: number, base: number, threshold: Threshold, warnings = 0): Status {
  if (measured === 0) return warnings > 0 ? 'WARN' : 'PASS';
  const percent = percentOf(measured, base);
  const overCount = threshold.maxCount !== undefined && measured > threshold.maxCount;
  const overPercent = threshold.maxPercent !== undefined && (percent === null || percent > threshold.maxPercent);
  const noLimit = threshold.maxCount === undefined && threshold.maxPercent === undefined;
  return overCount || overPercent || noLimit ? 'FAIL' : 'WARN';
}
