import type { MismatchClass } from '../results/mismatch-classes.js';

/** What the engine-side statements measured, decoded from their rows; no verdicts here. */

export interface AggregateValues {
  /** Exact decimal text of the sum, or null when every value is NULL or the sum overflowed. */
  sum: string | null;
  min: string | null;
  max: string | null;
  /** Absent when the pair's distinct_counts is off. */
  distinct?: number;
  nonNull: number;
}

export interface SideProfile {
  rows: number;
  /** Rows with a NULL in any key part. */
  nullKeyRows?: number;
  /** NULL count per profiled column, in profile-layout order. */
  nulls: number[];
  /** Per aggregated column, in profile-layout order. */
  aggregates: AggregateValues[];
  /** With `group_by`: the same measures per group, ordered by group (at most MAX_GROUPS). */
  groups?: GroupProfile[];
  /** More groups than MAX_GROUPS: the list stops there. */
  groupsTruncated?: boolean;
}

export interface GroupProfile {
  /** Display text of the group_by values (canonical, so both sides' groups line up). */
  key: Array<string | null>;
  rows: number;
  aggregates: AggregateValues[];
}

export type SampleCategory = 'duplicate' | 'only_source' | 'only_target' | 'mismatch' | 'hash_only';

export interface JoinSample {
  category: SampleCategory;
  rank: number;
  key: Array<string | null>;
  sourceRows: number;
  targetRows: number;
  /** Display text per compared column; null for a NULL value or an absent side. */
  source: Array<string | null>;
  target: Array<string | null>;
  /** Per compared column: differs beyond tolerance. */
  differs: boolean[];
  /** Per compared column: why it differs (see mismatch-classes.ts), or null. */
  classes: Array<MismatchClass | null>;
  /** Rank among mismatching rows of the same first class. */
  classRank: number;
}

export interface ColumnExplanation {
  /** Differing cells per class, over all rows. */
  classes: Partial<Record<MismatchClass, number>>;
  /** Cells that differ, but within the column's tolerance (matches). */
  withinTolerance: number;
  /** For time-zone shifts: the smallest and largest whole-hour shift seen. */
  shiftHours?: { min: number; max: number };
  /** For constant offsets: the smallest and largest offset (target − source) seen. */
  constantOffset?: { min: number; max: number };
  /** Numeric columns: the largest |target − source| over the matched rows (0 when all agree), undefined when none matched. */
  maxAbsDifference?: number;
  /** For swapped_columns: the compared columns (by index) the values were found in. */
  swappedWith: number[];
}

export interface DuplicateCounts {
  /** Key values that occur more than once. */
  keys: number;
  /** Rows beyond the first for those keys. */
  extraRows: number;
}

export interface JoinMeasurements {
  onlySourceKeys: number;
  onlySourceRows: number;
  onlyTargetKeys: number;
  onlyTargetRows: number;
  /** Keys on both sides, unique on both, whose values differ beyond tolerance in any column. */
  mismatchedRows: number;
  /** Per compared column. */
  columnMismatches: number[];
  columnExplanations: ColumnExplanation[];
  hashMismatches: number;
  /** Hash differs, but every column is equal within tolerance. */
  hashOnly: number;
  duplicates: { source: DuplicateCounts; target: DuplicateCounts };
  /** Keys present on both sides but duplicated on at least one: not compared value by value. */
  ambiguousKeys: number;
  /** Source rows of keys that are duplicated or on one side only: what is not compared. */
  interestingSourceRows: number;
  /**
   * Per group of differing keys (missing from the target, extra in it, changed), per key column:
   * the value every key of the group has in that column, or null. Empty for a one-column key.
   */
  keyPatterns: Record<'missing' | 'extra' | 'changed', Array<string | null>>;
  /** Matched rows equal only because ignore_case (ignore_spaces) was on; a row that needed both is in both. */
  ignoredRows: { case: number; spaces: number };
  samples: JoinSample[];
}
