import type { CheckName } from '../results/check-names.js';
import type { BoundPair } from '../plan/bound-pair.js';
import { describeType, isNumeric } from '../plan/logical-type.js';
import { mismatchFindings, nullFindings, SCHEMA_STATUS_EFFECT } from '../results/findings.js';
import type { AggregateComparison, CheckDetails, CheckResult, GroupComparison, NullCount, SchemaColumn, SharedKeyValue, Status } from '../results/results-model.js';
import { compareGroups } from './group-comparison.js';
import type { JoinMeasurements, SideProfile } from '../sql/measurements.js';
import { profileLayout } from '../sql/profile-layout.js';
import { compareAggregates } from './aggregate-comparison.js';
import { percentOf, thresholdStatus } from './verdict.js';

export interface PairMeasurements {
  source: SideProfile;
  target: SideProfile;
  join?: JoinMeasurements;
}

const count = (value: number) => value.toLocaleString('en-US');
const plural = (value: number, noun: string) => `${count(value)} ${noun}${value === 1 ? '' : 's'}`;

/**
 * The key columns on which all (at least two) keys behind a finding agree, when some but not all
 * do: with every column shared they would be one key.
 */
function sharedKeys(bound: BoundPair, pattern: ReadonlyArray<string | null>, keys: number): { sharedKeyValues?: SharedKeyValue[] } {
  if (keys < 2) return {};
  const shared = bound.keys.flatMap((key, i) => (pattern[i] != null ? [{ column: key.source.name, value: pattern[i]! }] : []));
  return shared.length > 0 && shared.length < bound.keys.length ? { sharedKeyValues: shared } : {};
}

function groupsText(groups: GroupComparison): string {
  const by = groups.by.join(', ');
  if (groups.differing === 0) return `all ${plural(groups.groups, `${by} group`)} agree${groups.truncated ? ' (the first 10,000 per side compared)' : ''}`;
  const worst = groups.worst.slice(0, 3).map((group) => {
    const what = group.sourceRows !== group.targetRows ? `count ${count(group.sourceRows)} → ${count(group.targetRows)}` : `${group.differences[0]!.function}(${group.differences[0]!.label}) ${group.differences[0]!.source ?? 'NULL'} → ${group.differences[0]!.target ?? 'NULL'}`;
    return `${group.key.map((value) => value ?? 'NULL').join(', ')}: ${what}`;
  });
  return `${count(groups.differing)} of ${plural(groups.groups, `${by} group`)} differ, worst: ${worst.join('; ')}${groups.differing > 3 ? '; …' : ''}${groups.truncated ? ' (the first 10,000 per side compared)' : ''}`;
}

/** Turns what the statements measured into one result per configured check. */
export function buildChecks(bound: BoundPair, measured: PairMeasurements): CheckResult[] {
  const { pair } = bound;
  return pair.checks.map((check) => {
    const built = buildCheck(check, bound, measured);
    const threshold = pair.thresholds[check];
    const status: Status = built.forcedStatus ?? thresholdStatus(built.measured, built.base, threshold, built.warnings?.length ?? 0);
    return {
      check,
      status,
      measured: built.measured,
      base: built.base,
      percent: percentOf(built.measured, built.base),
      unit: built.unit,
      threshold,
      message: built.message,
      warnings: built.warnings && built.warnings.length > 0 ? built.warnings : undefined,
      details: built.details,
    };
  });
}

interface BuiltCheck {
  measured: number;
  base: number;
  unit: CheckResult['unit'];
  message: string;
  warnings?: string[];
  details: CheckDetails;
  forcedStatus?: Status;
}

function buildCheck(check: CheckName, bound: BoundPair, { source, target, join }: PairMeasurements): BuiltCheck {
  switch (check) {
    case 'row_count': {
      const difference = target.rows - source.rows;
      const measured = Math.abs(difference);
      const message = difference === 0
        ? `both sides have ${count(source.rows)} rows`
        : `source has ${count(source.rows)} rows, target ${count(target.rows)} (${difference > 0 ? `${count(difference)} more` : `${count(-difference)} fewer`})`;
      // Two empty sides "match", but a migration check that compared nothing proves nothing.
      const warnings = source.rows === 0 && target.rows === 0 ? ['both sides are empty: check the table names and filters'] : [];
      return { measured, base: Math.max(source.rows, target.rows), unit: 'rows', message, warnings, details: { check, source: source.rows, target: target.rows, difference } };
    }
    case 'schema':
      return schemaCheck(bound);
    case 'nulls': {
      const layout = profileLayout(bound);
      const columns: NullCount[] = layout.nullColumns.map((column, index) => {
        const s = source.nulls[index] ?? 0;
        const t = target.nulls[index] ?? 0;
        return { label: column.label, source: s, target: t, difference: t - s };
      });
      const differing = nullFindings(columns);
      const message = differing.length === 0
        ? `NULL counts match in all ${columns.length} columns`
        : `NULL counts differ in ${differing.length} of ${columns.length} columns: ${differing.slice(0, 5).map((column) => `${column.label} (${count(column.source)} → ${count(column.target)})`).join(', ')}${differing.length > 5 ? ', …' : ''}`;
      return { measured: differing.length, base: columns.length, unit: 'columns', message, details: { check, columns } };
    }
    case 'aggregates': {
      const layout = profileLayout(bound);
      const aggregates: AggregateComparison[] = layout.aggregateColumns.flatMap((column, index) =>
        compareAggregates(column, source.aggregates[index]!, target.aggregates[index]!, bound.compared.find((c) => c.label === column.label)?.tolerance, bound.distinctCounts),
      );
      const outside = aggregates.filter((aggregate) => !aggregate.withinTolerance);
      const overflowed = aggregates.filter((aggregate) => aggregate.note?.includes('overflow'));
      const groups = compareGroups(bound, source, target);
      const wholeText = aggregates.length === 0
        ? 'no numeric columns to aggregate'
        : outside.length === 0
          ? `all ${aggregates.length} aggregates over ${layout.aggregateColumns.length} numeric columns match`
          : `${outside.length} of ${aggregates.length} aggregates differ: ${outside.slice(0, 4).map((aggregate) => `${aggregate.function}(${aggregate.label}) ${aggregate.source ?? 'NULL'} → ${aggregate.target ?? 'NULL'}`).join(', ')}${outside.length > 4 ? ', …' : ''}`;
      const message = groups ? `${wholeText}; ${groupsText(groups)}` : wholeText;
      // Each differing group is one finding more: totals can agree while rows moved between groups.
      return {
        measured: outside.length + (groups?.differing ?? 0),
        base: aggregates.length + (groups?.groups ?? 0),
        unit: 'aggregates',
        message: overflowed.length > 0 ? `${message}; ${overflowed[0]!.note}` : message,
        details: { check, aggregates, ...(groups ? { groups } : {}) },
        forcedStatus: overflowed.length > 0 ? 'ERROR' : undefined,
      };
    }
  }
  if (!join) {
    return { measured: 0, base: 0, unit: 'rows', message: 'not run', details: { check: 'not_run', reason: 'the join pass did not run' }, forcedStatus: 'ERROR' };
  }
  // Keys unique on both sides: every source row except those of one-sided or duplicated keys.
  const comparedRows = Math.max(0, source.rows - join.interestingSourceRows);
  switch (check) {
    case 'duplicate_keys': {
      const measured = join.duplicates.source.keys + join.duplicates.target.keys;
      const nullKeyRows = { source: source.nullKeyRows ?? 0, target: target.nullKeyRows ?? 0 };
      const warnings: string[] = [];
      if (nullKeyRows.source + nullKeyRows.target > 0) {
        warnings.push(`rows with a NULL key part: ${count(nullKeyRows.source)} in the source, ${count(nullKeyRows.target)} in the target (matched null-safely)`);
      }
      const message = measured === 0
        ? 'every key is unique on both sides'
        : `duplicate keys: ${count(join.duplicates.source.keys)} in the source (${count(join.duplicates.source.extraRows)} extra rows), ${count(join.duplicates.target.keys)} in the target (${count(join.duplicates.target.extraRows)} extra rows); their rows are not compared value by value`;
      return {
        measured,
        base: source.rows + target.rows,
        unit: 'keys',
        message,
        warnings,
        details: { check, source: join.duplicates.source, target: join.duplicates.target, ambiguousKeys: join.ambiguousKeys, nullKeyRows },
      };
    }
    case 'missing_rows':
      return {
        measured: join.onlySourceRows,
        base: source.rows,
        unit: 'rows',
        message: bound.keys.length === 0
          ? join.onlySourceRows === 0 ? 'every source row is in the target, as often (rows compared as multisets)' : `${plural(join.onlySourceRows, 'source row')} (${plural(join.onlySourceKeys, 'distinct row')}) missing from the target (rows compared as multisets)`
          : join.onlySourceRows === 0 ? 'every source key is in the target' : `${plural(join.onlySourceRows, 'source row')} (${plural(join.onlySourceKeys, 'key')}) missing from the target`,
        details: { check, keys: join.onlySourceKeys, rows: join.onlySourceRows, ...sharedKeys(bound, join.keyPatterns.missing, join.onlySourceKeys) },
      };
    case 'extra_rows':
      return {
        measured: join.onlyTargetRows,
        base: target.rows,
        unit: 'rows',
        message: bound.keys.length === 0
          ? join.onlyTargetRows === 0 ? 'every target row is in the source, as often (rows compared as multisets)' : `${plural(join.onlyTargetRows, 'target row')} (${plural(join.onlyTargetKeys, 'distinct row')}) not in the source (rows compared as multisets)`
          : join.onlyTargetRows === 0 ? 'every target key is in the source' : `${plural(join.onlyTargetRows, 'target row')} (${plural(join.onlyTargetKeys, 'key')}) not in the source`,
        details: { check, keys: join.onlyTargetKeys, rows: join.onlyTargetRows, ...sharedKeys(bound, join.keyPatterns.extra, join.onlyTargetKeys) },
      };
    case 'value_mismatches': {
      const columns = bound.compared.map((column, j) => {
        const explanation = join.columnExplanations[j];
        return {
          label: column.label,
          mismatches: join.columnMismatches[j] ?? 0,
          ...(explanation && Object.keys(explanation.classes).length > 0 ? { classes: explanation.classes } : {}),
          ...(explanation?.withinTolerance ? { withinTolerance: explanation.withinTolerance } : {}),
          ...(explanation?.shiftHours ? { shiftHours: explanation.shiftHours } : {}),
          ...(comparedRows > 0 ? { matchRate: (comparedRows - (join.columnMismatches[j] ?? 0)) / comparedRows } : {}),
          // No matched row whose hash differs: every matched value is equal, the largest difference is 0.
          ...(isNumeric(column.common) && comparedRows > 0 ? { maxAbsDiff: explanation?.maxAbsDifference ?? 0 } : {}),
          ...(explanation?.constantOffset ? { constantOffset: explanation.constantOffset } : {}),
          ...(explanation && explanation.swappedWith.length > 0 ? { swappedWith: explanation.swappedWith.map((k) => bound.compared[k]!.label) } : {}),
        };
      });
      const worst = mismatchFindings(columns).sort((a, b) => b.mismatches - a.mismatches);
      const ignoring = bound.keys.concat(bound.compared).some((column) => column.ignore);
      const ignored = ignoring ? { ignored: join.ignoredRows } : {};
      const ignoredText = [
        join.ignoredRows.case > 0 ? `${plural(join.ignoredRows.case, 'row')} ${join.ignoredRows.case === 1 ? 'differs' : 'differ'} only by case, ignored` : '',
        join.ignoredRows.spaces > 0 ? `${plural(join.ignoredRows.spaces, 'row')} ${join.ignoredRows.spaces === 1 ? 'differs' : 'differ'} only by leading/trailing spaces, ignored` : '',
      ].filter(Boolean).map((text) => `; ${text}`).join('');
      const message = join.mismatchedRows === 0
        ? `all ${count(comparedRows)} matched rows agree in ${columns.length} columns${ignoredText}`
        : `${count(join.mismatchedRows)} of ${plural(comparedRows, 'matched row')} differ; by column: ${worst.slice(0, 5).map((column) => `${column.label} ${count(column.mismatches)}`).join(', ')}${worst.length > 5 ? ', …' : ''}${ignoredText}`;
      return { measured: join.mismatchedRows, base: comparedRows, unit: 'rows', message, details: { check, comparedRows, mismatchedRows: join.mismatchedRows, columns, ...sharedKeys(bound, join.keyPatterns.changed, join.mismatchedRows), ...ignored } };
    }
    case 'row_hash': {
      const valuesCompared = bound.pair.checks.includes('value_mismatches');
      const measured = valuesCompared ? join.hashMismatches - join.hashOnly : join.hashMismatches;
      const parts = [`${count(join.hashMismatches)} of ${count(comparedRows)} matched rows hash differently`];
      if (valuesCompared && join.hashOnly > 0) parts.push(`${count(join.hashOnly)} of them only within tolerance`);
      return {
        measured,
        base: comparedRows,
        unit: 'rows',
        message: join.hashMismatches === 0 ? `all ${count(comparedRows)} matched rows hash alike` : parts.join(', '),
        details: { check, comparedRows, hashMismatches: join.hashMismatches, withinTolerance: join.hashOnly },
      };
    }
  }
  throw new Error(`unknown check ${String(check)}`);
}

function schemaCheck(bound: BoundPair): BuiltCheck {
  const columns: SchemaColumn[] = bound.schema.map((finding) => ({
    label: finding.label,
    status: finding.kind,
    isKey: finding.isKey,
    sourceType: finding.source?.engineType,
    targetType: finding.target?.engineType,
    sourceNullable: finding.source?.nullable,
    targetNullable: finding.target?.nullable,
  }));
  const failing = bound.schema.filter((finding) => SCHEMA_STATUS_EFFECT[finding.kind] === 'failure');
  const warnings = bound.schema.flatMap((finding) => {
    const notes: string[] = [];
    if (SCHEMA_STATUS_EFFECT[finding.kind] === 'warning') {
      notes.push(`${finding.label}: ${finding.source?.engineType} → ${finding.target?.engineType} (${finding.kind}; compared as ${describeType(bound.compared.find((c) => c.label === finding.label)?.common ?? bound.keys.find((k) => k.label === finding.label)?.common ?? { kind: 'unknown', text: '?' })})`);
    }
    if (finding.nullabilityLoosened) notes.push(`${finding.label}: NOT NULL in the source, nullable in the target`);
    return notes;
  });
  const describe = (finding: (typeof failing)[number]) =>
    finding.kind === 'incompatible'
      ? `${finding.label} ${finding.source?.engineType} → ${finding.target?.engineType}`
      : `${finding.label} only in the ${finding.kind === 'only_in_source' ? 'source' : 'target'}`;
  const considered = bound.schema.filter((finding) => finding.kind !== 'excluded').length;
  const message = failing.length === 0
    ? `${considered} columns line up${warnings.length > 0 ? `, ${warnings.length} with a type or nullability change` : ''}`
    : `${failing.length} column problem${failing.length === 1 ? '' : 's'}: ${failing.slice(0, 5).map(describe).join(', ')}${failing.length > 5 ? ', …' : ''}`;
  return { measured: failing.length, base: considered, unit: 'columns', message, warnings, details: { check: 'schema', columns } };
}
