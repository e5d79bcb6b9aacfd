import { expect } from 'vitest';
import type { CheckName, PairResult, Status } from '../../src/results/results-model.js';

/** What a scenario must produce, identically on every engine. */
export interface ScenarioExpectation {
  status?: Status;
  /** check → measured value. */
  measured?: Partial<Record<CheckName, number>>;
  checkStatus?: Partial<Record<CheckName, Status>>;
  /** compared column label → mismatching rows. */
  columnMismatches?: Record<string, number>;
  /** Keys (display text, joined by "|") of sampled mismatching cells, as `key:column`. */
  mismatchCells?: string[];
  onlyInSource?: string[];
  onlyInTarget?: string[];
  duplicateKeys?: string[];
  withinTolerance?: string[];
  rows?: { source: number; target: number };
  nulls?: Record<string, [number, number]>;
  /** compared column label → why its cells differ, over all rows. */
  explanations?: Record<string, { classes: Record<string, number>; withinTolerance?: number; shiftHours?: { min: number; max: number }; constantOffset?: { min: number; max: number }; swappedWith?: string[] }>;
  /** check → the key values every key behind its finding shares (`column value, …`), computed over all keys. */
  sharedKeys?: Partial<Record<'missing_rows' | 'extra_rows' | 'value_mismatches', string>>;
  /** group_by: the groups compared, those that differ, and the worst ones as `key: source rows → target rows`. */
  groups?: { by: string[]; groups: number; differing: number; worst: string[] };
  /** Sampled one-sided rows by their values (`v1|v2`), for pairs without a key. */
  rowValues?: { onlyInSource: string[]; onlyInTarget: string[] };
  /** compared column label → largest |target − source| over matched rows (numeric columns). */
  maxAbsDiff?: Record<string, number>;
  /** value_mismatches' rows that agree only thanks to ignore_case / ignore_spaces. */
  ignored?: { case: number; spaces: number };
  /** `key:column` of sampled mismatching cells → class. */
  cellClasses?: Record<string, string>;
  errorKind?: string;
  errorMessage?: RegExp;
}

const keyOf = (key: Array<string | null>) => key.map((part) => part ?? 'NULL').join('|');

export function observed(result: PairResult) {
  const measured: Partial<Record<CheckName, number>> = {};
  const checkStatus: Partial<Record<CheckName, Status>> = {};
  let columnMismatches: Record<string, number> = {};
  let nulls: Record<string, [number, number]> = {};
  let explanations: Record<string, unknown> = {};
  const sharedKeys: Record<string, string> = {};
  let ignored: { case: number; spaces: number } | undefined;
  let maxAbsDiff: Record<string, number> = {};
  let groups: { by: string[]; groups: number; differing: number; worst: string[] } | undefined;
  for (const check of result.checks) {
    measured[check.check] = check.measured;
    checkStatus[check.check] = check.status;
    if (check.details.check === 'value_mismatches') {
      columnMismatches = Object.fromEntries(check.details.columns.filter((c) => c.mismatches > 0).map((c) => [c.label, c.mismatches]));
      explanations = Object.fromEntries(
        check.details.columns
          .filter((c) => c.classes || c.withinTolerance)
          .map((c) => [c.label, { classes: c.classes ?? {}, ...(c.withinTolerance ? { withinTolerance: c.withinTolerance } : {}), ...(c.shiftHours ? { shiftHours: c.shiftHours } : {}), ...(c.constantOffset ? { constantOffset: c.constantOffset } : {}), ...(c.swappedWith ? { swappedWith: c.swappedWith } : {}) }]),
      );
    }
    if ((check.details.check === 'missing_rows' || check.details.check === 'extra_rows' || check.details.check === 'value_mismatches') && check.details.sharedKeyValues) {
      sharedKeys[check.details.check] = check.details.sharedKeyValues.map(({ column, value }) => `${column} ${value}`).join(', ');
    }
    if (check.details.check === 'value_mismatches') {
      ignored = check.details.ignored;
      maxAbsDiff = Object.fromEntries(check.details.columns.flatMap((c) => (c.maxAbsDiff === undefined ? [] : [[c.label, c.maxAbsDiff]])));
    }
    if (check.details.check === 'aggregates' && check.details.groups) {
      const g = check.details.groups;
      groups = { by: g.by, groups: g.groups, differing: g.differing, worst: g.worst.map((group) => `${group.key.map((v) => v ?? 'NULL').join('|')}: ${group.sourceRows} → ${group.targetRows}`) };
    }
    if (check.details.check === 'nulls') {
      nulls = Object.fromEntries(check.details.columns.map((c) => [c.label, [c.source, c.target] as [number, number]]));
    }
  }
  return {
    status: result.status,
    measured,
    checkStatus,
    columnMismatches,
    nulls,
    explanations,
    sharedKeys,
    ignored,
    maxAbsDiff,
    groups,
    rowValues: {
      onlyInSource: result.samples.onlyInSource.map((s) => Object.values(s.values).map((value) => value ?? 'NULL').join('|')),
      onlyInTarget: result.samples.onlyInTarget.map((s) => Object.values(s.values).map((value) => value ?? 'NULL').join('|')),
    },
    mismatchCells: result.samples.mismatches.map((s) => `${keyOf(s.key)}:${s.column}`),
    cellClasses: Object.fromEntries(result.samples.mismatches.map((s) => [`${keyOf(s.key)}:${s.column}`, s.class ?? ''])),
    onlyInSource: result.samples.onlyInSource.map((s) => keyOf(s.key)),
    onlyInTarget: result.samples.onlyInTarget.map((s) => keyOf(s.key)),
    duplicateKeys: result.samples.duplicateKeys.map((s) => keyOf(s.key)),
    withinTolerance: result.samples.withinTolerance.map((s) => `${keyOf(s.key)}:${s.column}`),
    rows: { source: result.source.rows, target: result.target.rows },
  };
}

export function expectScenario(result: PairResult, expected: ScenarioExpectation): void {
  const seen = observed(result);
  if (expected.errorKind) {
    expect(result.status).toBe('ERROR');
    expect(result.error?.kind).toBe(expected.errorKind);
  } else {
    expect(result.error, result.error?.message).toBeUndefined();
  }
  if (expected.errorMessage) expect(result.error?.message).toMatch(expected.errorMessage);
  if (expected.status) expect(seen.status).toBe(expected.status);
  for (const [check, value] of Object.entries(expected.measured ?? {})) expect(seen.measured[check as CheckName], `measured ${check}`).toBe(value);
  for (const [check, value] of Object.entries(expected.checkStatus ?? {})) expect(seen.checkStatus[check as CheckName], `status of ${check}`).toBe(value);
  if (expected.columnMismatches) expect(seen.columnMismatches).toEqual(expected.columnMismatches);
  if (expected.nulls) expect(seen.nulls).toMatchObject(expected.nulls);
  if (expected.mismatchCells) expect(seen.mismatchCells).toEqual(expected.mismatchCells);
  if (expected.explanations) expect(seen.explanations).toEqual(expected.explanations);
  if (expected.cellClasses) expect(seen.cellClasses).toMatchObject(expected.cellClasses);
  if (expected.sharedKeys) expect(seen.sharedKeys).toEqual(expected.sharedKeys);
  if (expected.ignored) expect(seen.ignored).toEqual(expected.ignored);
  if (expected.maxAbsDiff) expect(seen.maxAbsDiff).toEqual(expected.maxAbsDiff);
  if (expected.rowValues) expect(seen.rowValues).toEqual(expected.rowValues);
  if (expected.groups) expect(seen.groups).toEqual(expected.groups);
  if (expected.onlyInSource) expect(seen.onlyInSource).toEqual(expected.onlyInSource);
  if (expected.onlyInTarget) expect(seen.onlyInTarget).toEqual(expected.onlyInTarget);
  if (expected.duplicateKeys) expect(seen.duplicateKeys).toEqual(expected.duplicateKeys);
  if (expected.withinTolerance) expect(seen.withinTolerance).toEqual(expected.withinTolerance);
  if (expected.rows) expect(seen.rows).toEqual(expected.rows);
}
