import type { CheckResult, PairResult, Status, Threshold } from '../results/results-model.js';

/** How the summary and the workbook word a check, so both read the same. */

const SEVERITY: Record<Status, number> = { PASS: 0, WARN: 1, FAIL: 2, ERROR: 3 };

export function bySeverity(a: Status, b: Status): number {
  return SEVERITY[b] - SEVERITY[a];
}

/** The check a reviewer should look at first: the worst status, the earliest in the run's order. */
export function worstCheck(pair: PairResult): CheckResult | undefined {
  return pair.checks.reduce<CheckResult | undefined>((worst, check) => (!worst || SEVERITY[check.status] > SEVERITY[worst.status] ? check : worst), undefined);
}

const count = new Intl.NumberFormat('en-US');

export function countText(value: number | undefined): string {
  return value === undefined ? '–' : count.format(value);
}

export function percentText(percent: number | null): string {
  if (percent === null) return '';
  return `${percent === 0 || percent >= 0.01 ? percent.toFixed(2) : percent.toPrecision(2)} %`;
}

/** `1 row`, `18 aggregates`. */
export function unitText(value: number, unit: string): string {
  return `${count.format(value)} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
}

export function measuredText(check: CheckResult): string {
  const percent = percentText(check.percent);
  return `${unitText(check.measured, check.unit)}${percent ? ` (${percent})` : ''}`;
}

export function thresholdText(threshold: Threshold, unit: string): string {
  const limits = [
    threshold.maxCount !== undefined ? `≤ ${unitText(threshold.maxCount, unit)}` : undefined,
    threshold.maxPercent !== undefined ? `≤ ${threshold.maxPercent} %` : undefined,
  ].filter((limit) => limit !== undefined);
  return limits.length > 0 ? limits.join(' and ') : 'none (any difference fails)';
}

export function durationText(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** `2026-11-23 17:33 UTC`: the ISO timestamp without the noise. */
export function timestampText(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
