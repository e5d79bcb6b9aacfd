import type { CheckName } from './check-names.js';

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
  checks: CheckName[];
  sampleSize: number;
  thresholds: Record<CheckName, Threshold>;
  /** Share of keys compared (0–100], chosen by a hash of the key, the same on both sides. */
  samplePercent?: number;
  /** Table (parts) that receives every differing key, when configured. */
  persistMismatchesTo?: string[];
  distinctCounts: DistinctCountMode;
  /** Globs (relative to the working directory) of the files whose change re-runs this pair with only-changed. */
  paths?: string[];
}

/**
 * How the aggregates check counts distinct values: exactly, by HyperLogLog sketch (far cheaper on
 * Spark, where several exact distinct counts in one statement copy every row once per column), or not.
 */
export const DISTINCT_COUNT_MODES = ['exact', 'approximate', 'off'] as const;
export type DistinctCountMode = (typeof DISTINCT_COUNT_MODES)[number];

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
