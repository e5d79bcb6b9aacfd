/**
 * The results model: what a run writes to results.json and what every report renders from.
 * Reports depend on this file only. Change it compatibly (add optional fields); a breaking change
 * bumps RESULTS_SCHEMA_VERSION and the README's results reference.
 *
 * Values from the data (sums, sample cells, key parts) are exact text, never JavaScript numbers:
 * a BIGINT above 2^53 or a DECIMAL(38,10) keeps every digit. Counts are numbers.
 */
import type { CheckName } from './check-names.js';
import type { MismatchClass } from './mismatch-classes.js';
import type { Status } from './statuses.js';

export type { CheckName, MismatchClass, Status };
import type { BaselineComparison } from './baseline-model.js';
import type { GateChanges } from './gate-changes-model.js';

export const RESULTS_SCHEMA_VERSION = 1;

export interface RunResults {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  tool: { name: 'recon-gate'; version: string };
  run: RunInfo;
  status: Status;
  summary: RunSummary;
  pairs: PairResult[];
  /** Set when waivers were applied (src/waivers): every waiver of the files, by outcome. */
  waivers?: RunWaivers;
  /** Set when the run was compared with an earlier run (`--baseline`, the Action's `baseline`): new, fixed and unchanged findings. */
  baseline?: BaselineComparison;
  /** Set when the configs were compared with the base's (`--base-config`, the Action on a pull request): what the change loosened. */
  gateChanges?: GateChanges;
  /** Set when only the pairs a change touches ran (`only-changed`, `--changed-files`): which ran, why, and which did not. */
  onlyChanged?: OnlyChanged;
  /** Set when the run was appended to a results table (`results_table`). */
  history?: ResultsHistory;
  /** Set when the reports are copied to a Unity Catalog volume (`report_volume`). */
  reportVolume?: { path: string; url?: string; error?: string };
  /** Set when the configs were invalid and nothing ran: each problem, located. */
  configErrors?: Array<{ file: string; line: number; column: number; path: string; message: string; hint?: string }>;
}

export interface ResultsHistory {
  /** The table (and for DuckDB the file) the rows went to. */
  table: string;
  runId: string;
  configSet: string;
  /** Rows written: one per pair and check; 0 with `error`. */
  rows: number;
  /** Why nothing was written; the run's verdict does not depend on it. */
  error?: string;
}

export interface OnlyChanged {
  /** Where the list of changed files came from: the pull request's files, a file. */
  source: string;
  changedFiles: number;
  ran: Array<{ name: string; why: string }>;
  skipped: Array<{ name: string; file: string; line: number }>;
}

export interface RunInfo {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  engine: string;
  /** Config files as given, relative to the working directory. */
  configs: string[];
  /** Set when the run stopped early (cancelled or timed out); every pair is still listed. */
  interrupted?: string;
}

export interface RunSummary {
  pairs: number;
  byStatus: Record<Status, number>;
  /** Rows missing, extra or mismatched, over all pairs. */
  differingRows: number;
}

export interface PairResult {
  name: string;
  description?: string;
  /** Where the pair is written, for annotations. */
  config: { file: string; line: number; column: number };
  status: Status;
  /** Set when the pair could not be reconciled (status ERROR). */
  error?: PairError;
  source: SideSummary;
  target: SideSummary;
  keys: string[];
  /** Compared non-key columns, by label (`name` or `source → target`). */
  columns: ComparedColumnInfo[];
  checks: CheckResult[];
  samples: Samples;
  /**
   * For join checks that found something: a query for the engine that ran, listing every key
   * behind the finding in key order (its first sample_size rows are the sampled keys), to paste
   * into a SQL editor.
   */
  reproduce?: Partial<Record<CheckName, string>>;
  /** Set when `sample: { percent }` compared only a share of the keys: every count is of that share. */
  sampledPercent?: number;
  /** Where every differing key was written (`persist_mismatches_to`), and how many. */
  persisted?: { table: string; keys: number };
  statements: StatementRecord[];
  durationMs: number;
  /**
   * Set when values were withheld from this pair's results (`sample_values`, `mask_columns`, or
   * the Action's rules for public repositories and forks): every report shows them the same way.
   */
  disclosure?: ValueDisclosure;
}

/** What of the table's values a pair's results show (src/results/value-disclosure.ts). */
export interface ValueDisclosure {
  /**
   * `show`: every value; `keys_only`: key values, and `‹hidden›` for every other value (samples,
   * aggregates, their differences); `none`: `‹hidden›` for keys too. Counts, percentages, column
   * names and mismatch classes are kept in every mode.
   */
  sampleValues: 'show' | 'keys_only' | 'none';
  /** Columns (`mask_columns`) whose values are shown as `#` and 8 hex digits of a hash (NULL stays NULL). */
  maskedColumns?: string[];
  /** Why the mode differs from the pair's config, e.g. a fork's pull request. */
  reason?: string;
}

export interface PairError {
  kind: string;
  message: string;
  /** kind `config`: each config field the real schemas contradict, located, with a did-you-mean hint. */
  configErrors?: Array<{ file: string; line: number; column: number; path: string; message: string; hint?: string }>;
  /** The step that failed: schema, profile-source, profile-target, join, bind. */
  step?: string;
}

export interface SideSummary {
  /** `table main.sales.orders`, `query`, or `file data/orders.parquet`. */
  description: string;
  filter?: string;
  rows?: number;
}

export interface ComparedColumnInfo {
  label: string;
  source: string;
  target: string;
  sourceType: string;
  targetType: string;
  tolerance?: { abs: number; rel: number };
}

export interface Threshold {
  maxCount?: number;
  maxPercent?: number;
}

export interface CheckResult {
  check: CheckName;
  status: Status;
  /** What the threshold is applied to: a count of rows, columns or aggregates. */
  measured: number;
  /** What `measured` is a part of, for percentages (rows compared, columns, aggregates). */
  base: number;
  /** measured / base × 100, or null when the base is 0. */
  percent: number | null;
  unit: 'rows' | 'columns' | 'aggregates' | 'keys';
  threshold: Threshold;
  /** One sentence a reviewer can act on. */
  message: string;
  /** Reasons for WARN that are not counted in `measured` (e.g. type widening). */
  warnings?: string[];
  details: CheckDetails;
  /**
   * Set when unexpired waivers covered some or all of what this check found. `waived`: all of it,
   * so `status` is PASS (measured, details and samples are kept, and `message` ends with the
   * waiver's reason); `partial`: not all of it, so `status` is unchanged and `warnings` says what
   * is still uncovered. ERROR checks are never waived.
   */
  waiver?: CheckWaiver;
}

export interface CheckWaiver {
  outcome: 'waived' | 'partial';
  /** The status the thresholds gave, before waivers. */
  originalStatus: Status;
  /** The waivers that covered something of this check, in file order. */
  waivers: WaiverRef[];
  /** What no waiver covers (empty when waived): a column, `column: class`, or the check's name. */
  uncovered: string[];
}

/** One entry of a waivers file, as written, with where it is written. */
export interface WaiverRef {
  pair: string;
  check: CheckName;
  column?: string;
  class?: MismatchClass;
  reason: string;
  owner: string;
  /** The last day the waiver applies (YYYY-MM-DD, UTC). */
  expires: string;
  file: string;
  line: number;
}

/**
 * The waivers of a run, each in exactly one list. A waiver matches one check of one pair; it
 * "matches" when that check found a difference it covers.
 */
export interface RunWaivers {
  /** The waivers files read, relative to the working directory. */
  files: string[];
  /** The day expiry was judged on (YYYY-MM-DD, UTC). */
  today: string;
  /** Covered differences: `waived` when its check ended fully waived, `partial` otherwise. */
  applied: Array<WaiverRef & { effect: 'waived' | 'partial' }>;
  /** Past their `expires` day while still matching a difference: they waived nothing, and the check has a warning. */
  expired: WaiverRef[];
  /** Matching no difference of this run (unknown pair, a check that found nothing, …): `why` says which. */
  stale: Array<WaiverRef & { why: string }>;
  /** For a check that could not run (ERROR): never applied, and not stale either, since the next run may need it. */
  onErrorChecks: WaiverRef[];
}

export type CheckDetails =
  | { check: 'row_count'; source: number; target: number; difference: number }
  | { check: 'schema'; columns: SchemaColumn[] }
  | { check: 'nulls'; columns: NullCount[] }
  | { check: 'aggregates'; aggregates: AggregateComparison[]; groups?: GroupComparison }
  | { check: 'duplicate_keys'; source: DuplicateCounts; target: DuplicateCounts; ambiguousKeys: number; nullKeyRows: { source: number; target: number } }
  | { check: 'missing_rows'; keys: number; rows: number; sharedKeyValues?: SharedKeyValue[] }
  | { check: 'extra_rows'; keys: number; rows: number; sharedKeyValues?: SharedKeyValue[] }
  | { check: 'value_mismatches'; comparedRows: number; mismatchedRows: number; columns: ColumnMismatchCount[]; sharedKeyValues?: SharedKeyValue[]; ignored?: IgnoredRows }
  | { check: 'row_hash'; comparedRows: number; hashMismatches: number; withinTolerance: number }
  | { check: 'not_run'; reason: string };

export type SchemaStatus = 'same' | 'widening' | 'narrowing' | 'timezone' | 'incompatible' | 'only_in_source' | 'only_in_target' | 'excluded';

export interface SchemaColumn {
  label: string;
  status: SchemaStatus;
  isKey: boolean;
  sourceType?: string;
  targetType?: string;
  sourceNullable?: boolean;
  targetNullable?: boolean;
}

export interface NullCount {
  label: string;
  source: number;
  target: number;
  difference: number;
}

/** `count`: the column's non-NULL values. */
export type AggregateFunction = 'count' | 'sum' | 'min' | 'max' | 'avg' | 'count_distinct' | 'approx_count_distinct';

export interface AggregateComparison {
  label: string;
  function: AggregateFunction;
  source: string | null;
  target: string | null;
  /** target − source as exact text, when both are numbers. */
  difference: string | null;
  /** |target − source| / |source|, when defined. */
  relativeDifference: number | null;
  withinTolerance: boolean;
  /** Why the comparison is informational or failed to compute (e.g. overflow). */
  note?: string;
}

/** `group_by`: the aggregates compared group by group. */
export interface GroupComparison {
  /** The group_by columns (labels). */
  by: string[];
  /** Groups seen on either side. */
  groups: number;
  /** Groups whose row count or an aggregate differs beyond tolerance. */
  differing: number;
  /** The worst differing groups, at most 20, worst first. */
  worst: GroupDifference[];
  /** A side had more groups than the profile returns (10,000): only those were compared. */
  truncated?: boolean;
}

export interface GroupDifference {
  /** The group's values, as display text, in group_by order. */
  key: Array<string | null>;
  sourceRows: number;
  targetRows: number;
  /** The group's aggregates that differ beyond tolerance. */
  differences: AggregateComparison[];
}

export interface DuplicateCounts {
  keys: number;
  extraRows: number;
}

export interface ColumnMismatchCount {
  label: string;
  mismatches: number;
  /** Why the cells differ: count per class over all rows (not from a sample). */
  classes?: Partial<Record<MismatchClass, number>>;
  /** Cells that differ but within the column's tolerance: matches, counted apart. */
  withinTolerance?: number;
  /** For timezone_shift: the smallest and largest whole-hour shift (target − source). */
  shiftHours?: { min: number; max: number };
  /** Matched rows where the column agrees (within tolerance counts) ÷ matched rows; absent when no row matched. */
  matchRate?: number;
  /** Numeric columns: the largest |target − source| over the matched rows (datacompy's "max diff"), within tolerance included. */
  maxAbsDiff?: number;
  /** For constant_offset: the smallest and largest offset (target − source); equal when there is one. */
  constantOffset?: { min: number; max: number };
  /** For swapped_columns: the compared columns whose values on the other side these cells hold. */
  swappedWith?: string[];
}

/** Matched rows that agree only because of `ignore_case` / `ignore_spaces` (a row that needed both counts in both). */
export interface IgnoredRows {
  case: number;
  spaces: number;
}

/** A key column on which every key behind a finding agrees (computed over all of them, in SQL). */
export interface SharedKeyValue {
  column: string;
  value: string;
}

export interface Samples {
  /** One entry per differing cell of the sampled mismatching rows, ordered by key. */
  mismatches: MismatchSample[];
  onlyInSource: RowSample[];
  onlyInTarget: RowSample[];
  duplicateKeys: DuplicateSample[];
  /** Rows whose hash differs while every column is equal within tolerance. */
  withinTolerance: MismatchSample[];
}

export interface MismatchSample {
  key: Array<string | null>;
  column: string;
  source: string | null;
  target: string | null;
  /** Why this cell differs (absent for within-tolerance samples). */
  class?: MismatchClass;
}

export interface RowSample {
  key: Array<string | null>;
  /** Compared column label → display value. */
  values: Record<string, string | null>;
}

export interface DuplicateSample {
  key: Array<string | null>;
  sourceRows: number;
  targetRows: number;
}

export interface StatementRecord {
  purpose: 'schema-source' | 'schema-target' | 'preflight' | 'profile-source' | 'profile-target' | 'join' | 'persist';
  sql: string;
  durationMs: number;
  rows: number;
  error?: string;
}
