import { aggregateFindings, mismatchFindings, nullFindings, schemaFindings } from '../results/findings.js';
import type { CheckDetails, CheckResult, MismatchClass, PairResult } from '../results/results-model.js';
import type { Waiver } from './waiver-schema.js';

/**
 * One thing a check found, at the grain a waiver can name: the whole check, a column, or one
 * mismatch class of a column. A check is waived when a waiver covers each of its findings.
 */
export interface Finding {
  /** The column's label; absent when the finding is the check as a whole. */
  column?: string;
  /** Absent for a column whose differing cells were not (all) classified. */
  class?: MismatchClass;
  /** How the finding reads in a report: `purchases_amount: null_vs_value`. */
  text: string;
}

/** What a WARN or FAIL check found; nothing for PASS (nothing to waive) or ERROR (never waived). */
export function findingsOf(check: CheckResult): Finding[] {
  if (check.status !== 'WARN' && check.status !== 'FAIL') return [];
  const perColumn = columnFindings(check.details);
  // A check whose WARN or FAIL no column explains (an uncounted warning) can only be waived whole.
  return perColumn.length > 0 ? perColumn : [{ text: check.check }];
}

function columnFindings(details: CheckDetails): Finding[] {
  switch (details.check) {
    case 'value_mismatches':
      return mismatchFindings(details.columns).flatMap((column): Finding[] => {
          const classes = Object.entries(column.classes ?? {}).filter(([, count]) => (count ?? 0) > 0) as Array<[MismatchClass, number]>;
          if (classes.length === 0) return [{ column: column.label, text: column.label }];
          const unclassified = column.mismatches - classes.reduce((sum, [, count]) => sum + count, 0);
          return [
            ...classes.map(([name]) => ({ column: column.label, class: name, text: `${column.label}: ${name}` })),
            ...(unclassified > 0 ? [{ column: column.label, text: `${column.label}: unclassified` }] : []),
          ];
        });
    case 'nulls':
      return nullFindings(details.columns).map((column) => ({ column: column.label, text: column.label }));
    case 'aggregates':
      return [...new Set(aggregateFindings(details.aggregates).map((aggregate) => aggregate.label))].map((label) => ({ column: label, text: label }));
    case 'schema':
      return schemaFindings(details.columns).map((column) => ({ column: column.label, text: column.label }));
    default:
      return [];
  }
}

/** Every column label a check reports on, differing or not: for "did you mean" on a stale waiver. */
export function columnLabelsOf(check: CheckResult): string[] {
  const details = check.details;
  switch (details.check) {
    case 'value_mismatches':
    case 'nulls':
    case 'schema':
      return details.columns.map((column) => column.label);
    case 'aggregates':
      return [...new Set(details.aggregates.map((aggregate) => aggregate.label))];
    default:
      return [];
  }
}

/**
 * A waiver names a column by its label (`cust_no → customer_id`) or by either side's name, in
 * any letter case: SQL engines fold identifiers, and the config's column_map is the reader's view.
 */
export function namesColumn(pair: PairResult, waiverColumn: string, label: string): boolean {
  const wanted = waiverColumn.toLowerCase();
  const compared = pair.columns.find((column) => column.label === label);
  return [label, compared?.source, compared?.target].some((name) => name?.toLowerCase() === wanted);
}

export function covers(waiver: Waiver, finding: Finding, pair: PairResult): boolean {
  if (waiver.column !== undefined && (finding.column === undefined || !namesColumn(pair, waiver.column, finding.column))) return false;
  if (waiver.class !== undefined && finding.class !== waiver.class) return false;
  return true;
}
