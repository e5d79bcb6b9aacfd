import type { DistinctCountMode, PairConfig } from '../config/recon-config.js';
import type { BoundPair, ColumnPair, ComparedColumn, IgnoredDifferences, SchemaFinding, SideColumn } from './bound-pair.js';
import { describeType, isNumeric } from './logical-type.js';
import { compareTypes } from './type-compatibility.js';
import { closestMatch } from '../config/did-you-mean.js';

/** One column name of the config that the real schemas do not have, located at its field. */
export interface BindProblem {
  /** The config field, relative to the pair: `primary_key[0]`, `column_map.cust_no`, … */
  field: string;
  message: string;
  /** The closest real column, when one is close enough to be the intended name. */
  suggestion?: string;
}

/** Something in the config that the schemas contradict; the pair cannot run. */
export class BindError extends Error {
  constructor(readonly problems: BindProblem[]) {
    super(problems.map((problem) => `${problem.message}${problem.suggestion ? ` (did you mean \`${problem.suggestion}\`?)` : ''}`).join('; '));
    this.name = 'BindError';
  }
}

function byName(columns: readonly SideColumn[]): Map<string, SideColumn> {
  // Databricks and DuckDB both resolve unquoted names case-insensitively; so do configs.
  return new Map(columns.map((column) => [column.name.toLowerCase(), column]));
}

function listNames(columns: readonly SideColumn[]): string {
  const names = columns.map((column) => column.name);
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length} in all)` : names.join(', ');
}

/** `defaultDistinctCounts`: the engine's mode for a pair that does not set `distinct_counts`. */
export function bindPair(pair: PairConfig, sourceColumns: SideColumn[], targetColumns: SideColumn[], defaultDistinctCounts: DistinctCountMode): BoundPair {
  const problems: BindProblem[] = [];
  const closest = (name: string, ...sides: SideColumn[][]) => closestMatch(name, [...new Set(sides.flat().map((column) => column.name))]);
  const problem = (field: string, message: string, suggestion?: string) => problems.push({ field, message, suggestion });
  const source = byName(sourceColumns);
  const target = byName(targetColumns);
  const renamed = new Map(Object.entries(pair.columnMap).map(([from, to]) => [from.toLowerCase(), to]));

  for (const [from, to] of Object.entries(pair.columnMap)) {
    if (!source.has(from.toLowerCase())) problem(`column_map.${from}`, `column_map names source column \`${from}\`, which the source does not have (it has: ${listNames(sourceColumns)})`, closest(from, sourceColumns));
    if (!target.has(to.toLowerCase())) problem(`column_map.${from}`, `column_map maps \`${from}\` to \`${to}\`, which the target does not have (it has: ${listNames(targetColumns)})`, closest(to, targetColumns));
  }
  for (const [index, name] of pair.exclude.entries()) {
    if (!source.has(name.toLowerCase()) && !target.has(name.toLowerCase())) {
      problem(`exclude[${index}]`, `exclude names \`${name}\`, which neither side has`, closest(name, sourceColumns, targetColumns));
    }
  }
  // A misspelt mask would leave the real column's values in the reports: stop instead.
  for (const [index, name] of pair.maskColumnsOfPair.entries()) {
    if (!source.has(name.toLowerCase()) && !target.has(name.toLowerCase())) {
      problem(`mask_columns[${index}]`, `mask_columns names \`${name}\`, which neither side has`, closest(name, sourceColumns, targetColumns));
    }
  }

  const targetNameOf = (sourceName: string) => (renamed.get(sourceName.toLowerCase()) ?? sourceName).toLowerCase();
  const pairColumn = (s: SideColumn, t: SideColumn): ColumnPair => {
    const { change, common } = compareTypes(s.type, t.type);
    const label = s.name.toLowerCase() === t.name.toLowerCase() ? s.name : `${s.name} → ${t.name}`;
    return { source: s, target: t, label, change, common };
  };

  const keys: ColumnPair[] = [];
  for (const [index, keyName] of pair.primaryKey.entries()) {
    const s = source.get(keyName.toLowerCase());
    const t = target.get(targetNameOf(keyName));
    const targetName = renamed.get(keyName.toLowerCase()) ?? keyName;
    if (!s) problem(`primary_key[${index}]`, `key column \`${keyName}\` is missing in the source (it has: ${listNames(sourceColumns)})`, closest(keyName, sourceColumns));
    if (!t) problem(`primary_key[${index}]`, `key column \`${targetName}\` is missing in the target (it has: ${listNames(targetColumns)})`, closest(targetName, targetColumns));
    if (s && t) keys.push(pairColumn(s, t));
  }

  const isExcluded = (name: string) => pair.exclude.some((excluded) => excluded.toLowerCase() === name.toLowerCase());
  const isKey = (sourceName: string) => pair.primaryKey.some((key) => key.toLowerCase() === sourceName.toLowerCase());
  const compared: ComparedColumn[] = [];
  const schema: SchemaFinding[] = [];
  const matchedTargets = new Set<string>();

  for (const s of sourceColumns) {
    const t = target.get(targetNameOf(s.name));
    if (t) matchedTargets.add(t.name.toLowerCase());
    if (isExcluded(s.name) || (t && isExcluded(t.name))) {
      schema.push({ label: s.name, kind: 'excluded', source: s, target: t, isKey: false });
      continue;
    }
    if (!t) {
      schema.push({ label: s.name, kind: 'only_in_source', source: s, isKey: false });
      continue;
    }
    const column = pairColumn(s, t);
    schema.push({
      label: column.label,
      kind: column.change,
      source: s,
      target: t,
      nullabilityLoosened: s.nullable === false && t.nullable === true,
      isKey: isKey(s.name),
    });
    if (!isKey(s.name)) compared.push(column);
  }
  for (const t of targetColumns) {
    if (matchedTargets.has(t.name.toLowerCase())) continue;
    schema.push({ label: t.name, kind: isExcluded(t.name) ? 'excluded' : 'only_in_target', target: t, isKey: false });
  }

  for (const [name, tolerance] of Object.entries(pair.tolerances)) {
    const column = compared.find((candidate) => candidate.source.name.toLowerCase() === name.toLowerCase());
    if (!column) {
      problem(`tolerances.${name}`, `tolerances name \`${name}\`, which is not a compared column of both sides`, closestMatch(name, compared.map((candidate) => candidate.source.name)));
    } else if (!isNumeric(column.common)) {
      problem(`tolerances.${name}`, `tolerances name \`${name}\`, whose type ${describeType(column.common)} is not numeric; tolerances apply to numbers only`);
    } else {
      column.tolerance = tolerance;
    }
  }
  applyIgnoreOptions(pair, keys, compared, problem);
  const groupBy: ColumnPair[] = [];
  for (const [index, name] of pair.groupBy.entries()) {
    const column = [...keys, ...compared].find((candidate) => candidate.source.name.toLowerCase() === name.toLowerCase());
    if (!column) problem(`group_by[${index}]`, `group_by names \`${name}\`, which is not a column of both sides`, closestMatch(name, [...keys, ...compared].map((candidate) => candidate.source.name)));
    else if (column.common.kind === 'complex') problem(`group_by[${index}]`, `group_by names \`${name}\`, whose type ${describeType(column.common)} cannot be grouped`);
    else groupBy.push(column);
  }
  if (problems.length > 0) throw new BindError(problems);
  return { pair, keys, compared, schema, groupBy, distinctCounts: pair.distinctCounts ?? defaultDistinctCounts };
}

/**
 * Resolves `ignore_spaces` and `ignore_case` onto the columns. `true` means every string column
 * (for ignore_spaces string keys too, so ' 42' and '42' are one key; for ignore_case not keys:
 * folding keys merges rows, so keys are folded only when listed). A listed column must exist on
 * both sides and hold strings.
 */
function applyIgnoreOptions(
  pair: PairConfig,
  keys: ColumnPair[],
  compared: ComparedColumn[],
  problem: (field: string, message: string, suggestion?: string) => void,
): void {
  const columns: ColumnPair[] = [...keys, ...compared];
  const isString = (column: ColumnPair) => column.common.kind === 'string';
  const mark = (column: ColumnPair, option: keyof IgnoredDifferences) => {
    column.ignore = { spaces: false, case: false, ...column.ignore, [option]: true };
  };
  for (const [option, setting, field] of [['spaces', pair.ignoreSpaces, 'ignore_spaces'], ['case', pair.ignoreCase, 'ignore_case']] as const) {
    if (setting === 'none') continue;
    if (setting === 'all') {
      for (const column of option === 'spaces' ? columns : compared) if (isString(column)) mark(column, option);
      continue;
    }
    for (const [index, name] of setting.entries()) {
      const column = columns.find((candidate) => candidate.source.name.toLowerCase() === name.toLowerCase());
      if (!column) {
        problem(`${field}[${index}]`, `${field} names \`${name}\`, which is not a column of both sides`, closestMatch(name, columns.map((candidate) => candidate.source.name)));
      } else if (!isString(column)) {
        problem(`${field}[${index}]`, `${field} names \`${name}\`, whose type ${describeType(column.common)} is not a string; ${field} applies to text only`);
      } else {
        mark(column, option);
      }
    }
  }
}
