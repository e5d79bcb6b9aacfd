import { stringify } from 'csv-stringify/sync';
import type { RunResults } from '../results/results-model.js';
import { shownStatus } from '../results/statuses.js';
import { keyText } from './key-text.js';
import { neutraliseFormula } from './spreadsheet-safety.js';

const safe = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : neutraliseFormula(String(value)));

/** summary.csv: one row per pair and check. */
export function summaryCsv(results: RunResults): string {
  const header = ['pair', 'pair_status', 'check', 'status', 'measured', 'unit', 'base', 'percent', 'max_count', 'max_percent', 'message', 'source_rows', 'target_rows', 'config_file', 'config_line'];
  const rows = results.pairs.flatMap((pair) =>
    pair.checks.map((check) => [
      pair.name,
      pair.status,
      check.check,
      shownStatus(check),
      check.measured,
      check.unit,
      check.base,
      check.percent === null ? '' : check.percent.toFixed(4),
      check.threshold.maxCount ?? '',
      check.threshold.maxPercent ?? '',
      [check.message, ...(check.warnings ?? [])].join('; '),
      pair.source.rows ?? '',
      pair.target.rows ?? '',
      pair.config.file,
      pair.config.line,
    ].map((cell) => safe(cell))),
  );
  return stringify([header, ...rows]);
}

/**
 * details.csv: one row per sampled difference: mismatching cells, missing, extra and duplicate
 * keys. `mismatch_class` is the class the join computed for that very cell (results.json's
 * samples carry it), empty for rows that are not a mismatching cell. New columns go at the end.
 */
export function detailsCsv(results: RunResults): string {
  const header = ['pair', 'kind', 'key', 'column', 'source_value', 'target_value', 'mismatch_class'];
  const rows: Array<Array<string | null>> = [];
  for (const pair of results.pairs) {
    const key = (parts: ReadonlyArray<string | null>) => keyText(pair.keys, parts);
    for (const sample of pair.samples.mismatches) rows.push([pair.name, 'mismatch', key(sample.key), sample.column, sample.source, sample.target, sample.class ?? null]);
    for (const sample of pair.samples.withinTolerance) rows.push([pair.name, 'within_tolerance', key(sample.key), sample.column, sample.source, sample.target, null]);
    for (const sample of pair.samples.onlyInSource) rows.push([pair.name, 'only_in_source', key(sample.key), null, null, null, null]);
    for (const sample of pair.samples.onlyInTarget) rows.push([pair.name, 'only_in_target', key(sample.key), null, null, null, null]);
    for (const sample of pair.samples.duplicateKeys) rows.push([pair.name, 'duplicate_key', key(sample.key), null, `${sample.sourceRows} rows`, `${sample.targetRows} rows`, null]);
  }
  // NULL and '' must stay distinguishable: NULL is an empty field, an empty string is "".
  return stringify([header, ...rows.map((row) => row.map((cell) => (cell === null ? null : neutraliseFormula(cell))))], { quoted_match: /^$/ });
}
