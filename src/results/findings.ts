import type { AggregateComparison, ColumnMismatchCount, NullCount, SchemaColumn, SchemaStatus } from './results-model.js';

/**
 * Which columns of a check are findings: the one rule the check's verdict, the reports and the
 * waivers share, so a column a report lists as differing is the column a waiver can cover.
 */

/**
 * What a schema status means for the schema check: a `failure` is counted against its threshold,
 * a `warning` makes it WARN (a type change that still compares), `ok` is no finding.
 */
export const SCHEMA_STATUS_EFFECT: Record<SchemaStatus, 'ok' | 'warning' | 'failure'> = {
  same: 'ok',
  excluded: 'ok',
  widening: 'warning',
  narrowing: 'warning',
  timezone: 'warning',
  incompatible: 'failure',
  only_in_source: 'failure',
  only_in_target: 'failure',
};

export function schemaFindings(columns: readonly SchemaColumn[]): SchemaColumn[] {
  return columns.filter((column) => SCHEMA_STATUS_EFFECT[column.status] !== 'ok');
}

/** Columns whose NULL count differs between the sides. */
export function nullFindings(columns: readonly NullCount[]): NullCount[] {
  return columns.filter((column) => column.source !== column.target);
}

/** Aggregates that differ beyond the column's tolerance (or could not be compared). */
export function aggregateFindings(aggregates: readonly AggregateComparison[]): AggregateComparison[] {
  return aggregates.filter((aggregate) => !aggregate.withinTolerance);
}

/** Columns with at least one differing cell, in compared-column order. */
export function mismatchFindings(columns: readonly ColumnMismatchCount[]): ColumnMismatchCount[] {
  return columns.filter((column) => column.mismatches > 0);
}
