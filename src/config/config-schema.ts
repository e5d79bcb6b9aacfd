import { z } from 'zod';
import { CHECK_NAMES } from '../results/check-names.js';
import { DISTINCT_COUNT_MODES, SAMPLE_VALUES_MODES } from './recon-config.js';

/**
 * The shape of a recon config file (recon-configs/*.yml). Strict objects everywhere: an unknown
 * key is almost always a typo that would otherwise silently switch a check off.
 */

const nonEmptyText = z.string().trim().min(1);

export const thresholdSchema = z.strictObject({
  /** The check fails when more than this many rows (or columns, or aggregates) differ. */
  max_count: z.number().int().min(0).optional(),
  /** The check fails when more than this percentage of the base differs (0–100). */
  max_percent: z.number().min(0).max(100).optional(),
});

export const toleranceSchema = z.strictObject({
  /** Absolute tolerance: |source − target| may be up to this much. */
  abs: z.number().min(0).optional(),
  /** Relative tolerance, measured against the target value (numpy isclose): rel × |target|. */
  rel: z.number().min(0).optional(),
});

const tableName = z.union([nonEmptyText, z.array(nonEmptyText).min(1).max(3)]);

/** A SQL type as a config may write it: words and an optional (precision[, scale]). */
const sqlTypeText = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]*( [A-Za-z][A-Za-z0-9_]*)*( ?\(\s*\d+\s*(,\s*\d+\s*)?\))?$/, 'a SQL type such as DECIMAL(18,2), BIGINT, VARCHAR or DATE');

const oneCharacter = z.string().length(1, { error: 'must be one character' });

/** A file source stated exactly: how its database export wrote it, instead of DuckDB's guess. */
export const fileSchema = z.union([
  nonEmptyText,
  // YAML reads an unquoted `null:` key as the null value, which becomes the key "": it is `null`.
  z.preprocess((value) => renameNullKey(value), z.strictObject({
    path: nonEmptyText,
    format: z.enum(['parquet', 'csv', 'json']).optional(),
    /** Column name → SQL type, for the columns whose type must not be guessed (CSV). */
    columns: z.record(nonEmptyText, sqlTypeText).optional(),
    delimiter: oneCharacter.optional(),
    quote: oneCharacter.optional(),
    /** The text of an unquoted NULL (default: an empty field); a quoted `""` stays an empty string. */
    null: z.string().optional(),
    header: z.boolean().optional(),
  })),
]);

function renameNullKey(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('' in value)) return value;
  const { '': nullText, ...rest } = value as Record<string, unknown>;
  return { ...rest, null: nullText };
}

export const sideSchema = z
  .strictObject({
    table: tableName.optional(),
    query: nonEmptyText.optional(),
    file: fileSchema.optional(),
    filter: nonEmptyText.optional(),
  })
  .refine((side) => [side.table, side.query, side.file].filter((v) => v !== undefined).length === 1, {
    message: 'a side needs exactly one of `table`, `query` or `file`',
  });

const checkName = z.enum(CHECK_NAMES);

const thresholdsSchema = z.partialRecord(checkName, thresholdSchema);

const distinctCounts = z.enum(DISTINCT_COUNT_MODES);

/** How much of the table's values reports show: `show`, `keys_only` or `none`. */
const sampleValues = z.enum(SAMPLE_VALUES_MODES);

/** Columns whose values reports show only as a short hash (equal values, equal hashes). */
const maskColumns = z.array(nonEmptyText);

export const pairSchema = z.strictObject({
  name: nonEmptyText.regex(/^[^\r\n]+$/, 'a pair name is one line of text'),
  description: z.string().optional(),
  source: sideSchema,
  target: sideSchema,
  /** Raw SQL condition applied to both sides, e.g. a partition window. */
  filter: nonEmptyText.optional(),
  primary_key: z.array(nonEmptyText).min(1).optional(),
  exclude: z.array(nonEmptyText).optional(),
  /** Source column name → target column name, for columns renamed by the migration. */
  column_map: z.record(nonEmptyText, nonEmptyText).optional(),
  tolerances: z.record(nonEmptyText, toleranceSchema).optional(),
  /** Leading/trailing spaces (U+0020) do not count: `true` for every string column and string key, or a list of columns. */
  ignore_spaces: z.union([z.boolean(), z.array(nonEmptyText).min(1)]).optional(),
  /** Letter case does not count: `true` for every compared string column (not keys), or a list of columns (keys listed are folded too). */
  ignore_case: z.union([z.boolean(), z.array(nonEmptyText).min(1)]).optional(),
  /** The aggregates check also compares count and the numeric aggregates per group of these columns. */
  group_by: z.array(nonEmptyText).min(1).max(4).optional(),
  checks: z.array(checkName).min(1).optional(),
  sample_size: z.number().int().min(0).max(10_000).optional(),
  thresholds: thresholdsSchema.optional(),
  /** Compare only a deterministic share of the keys (the same keys on both sides). */
  sample: z.strictObject({ percent: z.number().gt(0).max(100) }).optional(),
  /** Write every differing key of the pair into this table (the one statement that writes). */
  persist_mismatches_to: tableName.optional(),
  distinct_counts: distinctCounts.optional(),
  sample_values: sampleValues.optional(),
  mask_columns: maskColumns.optional(),
  /** Files whose change should re-run this pair (globs, relative to the checkout), for `only-changed`. */
  paths: z.array(nonEmptyText).min(1).optional(),
});

export const defaultsSchema = z.strictObject({
  checks: z.array(checkName).min(1).optional(),
  distinct_counts: distinctCounts.optional(),
  sample_values: sampleValues.optional(),
  /** Masked in every pair that has such a column; the pair's own mask_columns add to these. */
  mask_columns: maskColumns.optional(),
  sample_size: z.number().int().min(0).max(10_000).optional(),
  thresholds: thresholdsSchema.optional(),
});

export const configFileSchema = z.strictObject({
  version: z.literal(1),
  /** Settings only the embedded DuckDB engine reads; other engines ignore them. */
  duckdb: z
    .strictObject({
      /** A folder whose `<schema>/<table>.parquet` (or .csv) files become views `schema.table`. */
      mount: nonEmptyText.optional(),
    })
    .optional(),
  defaults: defaultsSchema.optional(),
  pairs: z.array(pairSchema).min(1),
});

export type ConfigFileInput = z.infer<typeof configFileSchema>;
export type PairInput = z.infer<typeof pairSchema>;
export type SideInput = z.infer<typeof sideSchema>;
export type FileInput = z.infer<typeof fileSchema>;
export type ThresholdInput = z.infer<typeof thresholdSchema>;
export type ToleranceInput = z.infer<typeof toleranceSchema>;
