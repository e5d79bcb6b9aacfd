import type { CheckName } from '../results/check-names.js';

/** Where something was written in a config file, for error messages and GitHub annotations. */
export interface SourceLocation {
  /** Path as the user gave it (relative to the working directory), with forward slashes. */
  file: string;
  line: number;
  column: number;
}

export type SideConfig =
  | { kind: 'table'; parts: string[]; filter?: string }
  | { kind: 'query'; sql: string; filter?: string }
  | { kind: 'file'; path: string; format: FileFormat; filter?: string; csv?: CsvOptions };

/** How a CSV was written, when the config states it (`file:` as an object); otherwise the engine detects it. */
export interface CsvOptions {
  delimiter?: string;
  quote?: string;
  /** The text of an unquoted NULL; a quoted empty string is never NULL. */
  nullText?: string;
  header?: boolean;
  /** Column name → SQL type for the columns whose type is stated; the others are detected. */
  types?: Record<string, string>;
}

export type FileFormat = 'parquet' | 'csv' | 'json';

export interface Threshold {
  maxCount?: number;
  maxPercent?: number;
}

export interface Tolerance {
  abs: number;
  rel: number;
}

/** A table pair with every default applied: what the planner reads. */
export interface PairConfig {
  name: string;
  description?: string;
  location: SourceLocation;
  /**
   * Where each column name of the pair is written (`primary_key[0]`, `exclude[1]`,
   * `column_map.cust_no`, `tolerances.amount`, `mask_columns[0]`), so a name the real schema does
   * not have is reported at its own line once the schemas are read.
   */
  fieldLocations: Record<string, { line: number; column: number }>;
  source: SideConfig;
  target: SideConfig;
  /** Raw SQL condition applied to both sides. */
  sharedFilter?: string;
  primaryKey: string[];
  exclude: string[];
  /** Source column name → target column name. */
  columnMap: Record<string, string>;
  /** By source column name. */
  tolerances: Record<string, Tolerance>;
  /** `ignore_spaces`: every string column and key ('all'), or these columns (source names). */
  ignoreSpaces: IgnoredColumns;
  /** `ignore_case`: every compared string column, keys excepted ('all'), or these columns (keys listed included). */
  ignoreCase: IgnoredColumns;
  /** `group_by`: source column names whose groups the aggregates check compares one by one; empty for none. */
  groupBy: string[];
  checks: CheckName[];
  sampleSize: number;
  thresholds: Record<CheckName, Threshold>;
  /** Share of keys compared (0–100], chosen by a hash of the key, the same on both sides. */
  samplePercent?: number;
  /** Table (parts) that receives every differing key, when configured. */
  persistMismatchesTo?: string[];
  /** `distinct_counts` of the pair, else of `defaults:`; undefined when neither sets it: the engine's default (Dialect.defaultDistinctCounts). */
  distinctCounts?: DistinctCountMode;
  /** `sample_values` of the pair, else of `defaults:`; undefined when neither sets it (the CLI shows values, the Action decides). */
  sampleValues?: SampleValuesMode;
  /** `mask_columns` of the pair and of `defaults:`: reports show these columns' values only as a short hash. */
  maskColumns: string[];
  /** The pair's own `mask_columns`: each must name a column of a side (a name under `defaults:` masks only where it exists). */
  maskColumnsOfPair: string[];
  /** Globs (relative to the working directory) of the files whose change re-runs this pair with only-changed. */
  paths?: string[];
}

/** Which columns a comparison option applies to. */
export type IgnoredColumns = 'all' | 'none' | string[];

/**
 * How the aggregates check counts distinct values: exactly, by HyperLogLog sketch (far cheaper on
 * Spark, where several exact distinct counts in one statement copy every row once per column), or not.
 */
export const DISTINCT_COUNT_MODES = ['exact', 'approximate', 'off'] as const;
export type DistinctCountMode = (typeof DISTINCT_COUNT_MODES)[number];

/**
 * How much of the table's values the reports may show: everything (`show`), the key columns only
 * (`keys_only`), or no value at all (`none`): counts, checks, columns and classes still are.
 */
export const SAMPLE_VALUES_MODES = ['show', 'keys_only', 'none'] as const;
export type SampleValuesMode = (typeof SAMPLE_VALUES_MODES)[number];

export interface ConfigFile {
  file: string;
  /** Absolute folder mounted as `schema.table` views by the DuckDB engine. */
  duckdbMount?: string;
  pairs: PairConfig[];
}

export interface ReconConfig {
  files: ConfigFile[];
}

export function allPairs(config: ReconConfig): PairConfig[] {
  return config.files.flatMap((file) => file.pairs);
}
