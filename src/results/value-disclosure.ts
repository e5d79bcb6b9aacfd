import { createHash } from 'node:crypto';
import type { AggregateComparison, CheckResult, MismatchSample, PairResult, RowSample, RunResults, ValueDisclosure } from './results-model.js';

/**
 * The one place that decides which of the table's values reach a report. It rewrites the results
 * model once, before any renderer runs, so the comment, job summary, CSV, workbook, JUnit,
 * results.json, reproduce.sql, charts and annotations all render the same, already-withheld values:
 * no renderer knows the rules.
 */

export type SampleValues = ValueDisclosure['sampleValues'];

/** What a withheld value reads as, in every report. */
export const HIDDEN_VALUE = '‹hidden›';

const STRICTNESS: Record<SampleValues, number> = { show: 0, keys_only: 1, none: 2 };

/** The stricter of two modes. */
export function stricterOf(a: SampleValues, b: SampleValues): SampleValues {
  return STRICTNESS[a] >= STRICTNESS[b] ? a : b;
}

/**
 * Fixed, so that the same value has the same hash in every run, report and machine (a reviewer can
 * follow one value across runs); versioned, so a change of scheme cannot pass for the old one.
 */
const MASK_PREFIX = 'recon-gate mask v1\u0000';

/** `#` and the first 8 hex digits of SHA-256: equal values look equal, NULL stays NULL. */
export function maskedValue(value: string): string;
export function maskedValue(value: string | null): string | null;
export function maskedValue(value: string | null): string | null {
  if (value === null) return null;
  return `#${createHash('sha256').update(MASK_PREFIX + value).digest('hex').slice(0, 8)}`;
}

/** What a pair's config says about its values (PairConfig has this shape). */
export interface PairValueSettings {
  name: string;
  /** Undefined when the config does not say: the rule's `unset` applies. */
  sampleValues?: SampleValues;
  maskColumns: readonly string[];
}

/** What the caller (CLI or Action) adds to the configs. */
export interface DisclosureRule {
  /** For pairs whose config does not set `sample_values`. */
  unset: SampleValues;
  /** No pair shows more than this, whatever its config says. */
  atMost?: SampleValues;
  /** Why `unset` or `atMost` is what it is; recorded on the pairs whose mode it changed. */
  reason?: string;
}

/** Engine errors quote the value they failed on (`Could not convert string 'x'`, `The value 'x' of the type`). */
const QUOTED_LITERAL = /'(?:[^']|'')*'/g;

/**
 * The function that withholds, pair by pair, what the pairs' settings and the rule say: values
 * become `‹hidden›` (sample_values keys_only or none) or a short hash (mask_columns). A pair the
 * configs do not list is treated as `none`: nothing proves its values may be shown. Also for what
 * is logged while the run goes on (a CI log can be as public as the comment).
 */
export function valueDiscloser(pairs: readonly PairValueSettings[], rule: DisclosureRule): (pair: PairResult) => PairResult {
  const byName = new Map(pairs.map((pair) => [pair.name, pair]));
  return (pair) => {
    const settings = byName.get(pair.name);
    const configured = settings ? (settings.sampleValues ?? rule.unset) : 'none';
    const mode = rule.atMost ? stricterOf(configured, rule.atMost) : configured;
    const changed = settings?.sampleValues !== undefined ? mode !== settings.sampleValues : mode !== 'show';
    return withheldPair(pair, mode, settings?.maskColumns ?? [], changed ? rule.reason : undefined);
  };
}

/** The results as every report must see them: applied once, before any renderer runs. */
export function discloseValues(results: RunResults, disclose: (pair: PairResult) => PairResult): RunResults {
  const pairs = results.pairs.map(disclose);
  // The baseline section lists new and fixed keys: a pair whose keys are withheld or masked
  // keeps only the counts there, or the keys would leak through results.json and the comment.
  const keysWithheld = new Set(pairs.filter((pair) => pair.disclosure && (pair.disclosure.sampleValues === 'none' || (pair.disclosure.maskedColumns?.length ?? 0) > 0)).map((pair) => pair.name));
  const baseline = results.baseline && keysWithheld.size > 0
    ? { ...results.baseline, checks: results.baseline.checks.map((check) => (check.keys && keysWithheld.has(check.pair) ? { ...check, keys: { ...check.keys, new: [], fixed: [] } } : check)) }
    : results.baseline;
  return { ...results, pairs, ...(baseline ? { baseline } : {}) };
}

/** A pair's values under one mode and mask list. */
export function withheldPair(pair: PairResult, mode: SampleValues, maskColumns: readonly string[], reason?: string): PairResult {
  const masks = new Set(maskColumns.map((name) => name.toLowerCase()));
  const maskedKeys = pair.keys.map((key) => masks.has(key.toLowerCase()) || renamedKeyTargets(pair, key).some((name) => masks.has(name)));
  const isMaskedColumn = (label: string) => columnNames(pair, label).some((name) => masks.has(name));
  // The columns whose values do show, as hashes: under keys_only other columns are hidden anyway.
  const maskedColumns = mode === 'none' ? [] : [
    ...pair.keys.filter((_, i) => maskedKeys[i]),
    ...(mode === 'show' ? pair.columns.filter((column) => isMaskedColumn(column.label)).map((column) => column.label) : []),
  ];
  if (mode === 'show' && maskedColumns.length === 0) return pair;

  const keyPart = (value: string | null, i: number) => (mode === 'none' ? HIDDEN_VALUE : maskedKeys[i] ? maskedValue(value) : value);
  const key = (parts: Array<string | null>) => parts.map(keyPart);
  const cell = (label: string, value: string | null) => (mode !== 'show' ? HIDDEN_VALUE : isMaskedColumn(label) ? maskedValue(value) : value);
  // A difference of NULL only says "not two numbers": no value to withhold.
  const difference = (label: string, value: string | null) => (value === null ? null : cell(label, value));
  const cellSample = (sample: MismatchSample): MismatchSample => ({ ...sample, key: key(sample.key), source: cell(sample.column, sample.source), target: cell(sample.column, sample.target) });
  const rowSample = (sample: RowSample): RowSample => ({ key: key(sample.key), values: Object.fromEntries(Object.entries(sample.values).map(([label, value]) => [label, cell(label, value)])) });
  const scrub = (text: string) => text.replace(QUOTED_LITERAL, `'${HIDDEN_VALUE}'`);
  // Our own messages (a config contradicting the schema, the pre-flight probes) quote no table value.
  const engineError = pair.error && pair.error.kind !== 'config' && pair.error.kind !== 'preflight';
  const error = pair.error && engineError ? { ...pair.error, message: scrub(pair.error.message) } : pair.error;

  return {
    ...pair,
    ...(error ? { error } : {}),
    checks: pair.checks.map((check) => {
      if (check.details.check === 'aggregates') return withheldAggregates(check, check.details.aggregates, cell, difference);
      if (check.details.check === 'not_run' && pair.error && error && engineError) {
        return { ...check, message: check.message.split(pair.error.message).join(error.message), details: { ...check.details, reason: check.details.reason.split(pair.error.message).join(error.message) } };
      }
      return check;
    }),
    samples: {
      mismatches: pair.samples.mismatches.map(cellSample),
      withinTolerance: pair.samples.withinTolerance.map(cellSample),
      onlyInSource: pair.samples.onlyInSource.map(rowSample),
      onlyInTarget: pair.samples.onlyInTarget.map(rowSample),
      duplicateKeys: pair.samples.duplicateKeys.map((sample) => ({ ...sample, key: key(sample.key) })),
    },
    statements: pair.statements.map((statement) => (statement.error === undefined ? statement : { ...statement, error: scrub(statement.error) })),
    disclosure: { sampleValues: mode, ...(maskedColumns.length > 0 ? { maskedColumns } : {}), ...(reason ? { reason } : {}) },
  };
}

/** Non-NULL and distinct counts are counts, not values: they stay, like every other count. */
const COUNTS: ReadonlySet<AggregateComparison['function']> = new Set(['count', 'count_distinct', 'approx_count_distinct']);

function withheldAggregates(
  check: CheckResult,
  aggregates: AggregateComparison[],
  cell: (label: string, value: string | null) => string | null,
  difference: (label: string, value: string | null) => string | null,
): CheckResult {
  const rewritten = aggregates.map((aggregate) => {
    if (COUNTS.has(aggregate.function)) return aggregate;
    const values = { source: cell(aggregate.label, aggregate.source), target: cell(aggregate.label, aggregate.target), difference: difference(aggregate.label, aggregate.difference) };
    const same = values.source === aggregate.source && values.target === aggregate.target && values.difference === aggregate.difference;
    return same ? aggregate : { ...aggregate, ...values };
  });
  // The check's message quotes the differing aggregates as `sum(amount) 10 → 12` (src/recon/pair-checks.ts).
  let message = check.message;
  const shown = (aggregate: AggregateComparison) => `${aggregate.function}(${aggregate.label}) ${aggregate.source ?? 'NULL'} → ${aggregate.target ?? 'NULL'}`;
  rewritten.forEach((aggregate, i) => {
    const original = aggregates[i]!;
    if (aggregate !== original) message = message.split(shown(original)).join(shown(aggregate));
  });
  const withheldTexts = aggregates.filter((aggregate, i) => rewritten[i] !== aggregate).flatMap((aggregate) => [aggregate.source, aggregate.target]).filter((text): text is string => text !== null);
  // Should that wording ever change, the message must still not carry a value: name the aggregates only.
  const quoted = message.replace(/^[\d,]+ of [\d,]+ aggregates differ: /, '');
  if (withheldTexts.some((text) => containsToken(quoted, text))) {
    const outside = rewritten.filter((aggregate) => !aggregate.withinTolerance);
    message = `${outside.length} of ${rewritten.length} aggregates differ: ${outside.slice(0, 4).map((aggregate) => `${aggregate.function}(${aggregate.label})`).join(', ')}${outside.length > 4 ? ', …' : ''} (values withheld)`;
  }
  return { ...check, message, details: { check: 'aggregates', aggregates: rewritten } };
}

function containsToken(text: string, token: string): boolean {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.])${escaped}(?!\\w|\\.\\d)`).test(text);
}

/** The source and target names behind a column label (`name`, or `source → target` when renamed), lower-cased. */
function columnNames(pair: PairResult, label: string): string[] {
  const column = pair.columns.find((candidate) => candidate.label === label);
  if (column) return [column.source.toLowerCase(), column.target.toLowerCase()];
  return label.split(' → ').map((name) => name.toLowerCase());
}

/** A key renamed by column_map shows as `source → target` in the schema check: its target name masks it too. */
function renamedKeyTargets(pair: PairResult, key: string): string[] {
  const schema = pair.checks.find((check) => check.details.check === 'schema')?.details;
  if (schema?.check !== 'schema') return [];
  const prefix = `${key.toLowerCase()} → `;
  return schema.columns.filter((column) => column.isKey && column.label.toLowerCase().startsWith(prefix)).map((column) => column.label.slice(prefix.length).toLowerCase());
}
