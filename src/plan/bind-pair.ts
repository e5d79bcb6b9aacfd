import type { PairConfig } from '../config/recon-config.js';
import type { BoundPair, ColumnPair, ComparedColumn, SchemaFinding, SideColumn } from './bound-pair.js';
import { describeType, isNumeric } from './logical-type.js';
import { compareTypes } from './type-compatibility.js';

/** Something in the config that the schemas contradict; the pair cannot run. */
export class BindError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
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

export function bindPair(pair: PairConfig, sourceColumns: SideColumn[], targetColumns: SideColumn[]): BoundPair {
  const problems: string[] = [];
  const source = byName(sourceColumns);
  const target = byName(targetColumns);
  const renamed = new Map(Object.entries(pair.columnMap).map(([from, to]) => [from.toLowerCase(), to]));

  for (const [from, to] of Object.entries(pair.columnMap)) {
    if (!source.has(from.toLowerCase())) problems.push(`column_map names source column \`${from}\`, which the source does not have (it has: ${listNames(sourceColumns)})`);
    if (!target.has(to.toLowerCase())) problems.push(`column_map maps \`${from}\` to \`${to}\`, which the target does not have (it has: ${listNames(targetColumns)})`);
  }
  for (const name of pair.exclude) {
    if (!source.has(name.toLowerCase()) && !target.has(name.toLowerCase())) {
      problems.push(`exclude names \`${name}\`, which neither side has`);
    }
  }
  // A misspelt mask would leave the real column's values in the reports: stop instead.
  for (const name of pair.maskColumnsOfPair) {
    if (!source.has(name.toLowerCase()) && !target.has(name.toLowerCase())) {
      problems.push(`mask_columns names \`${name}\`, which neither side has`);
    }
  }

  const targetNameOf = (sourceName: string) => (renamed.get(sourceName.toLowerCase()) ?? sourceName).toLowerCase();
  const pairColumn = (s: SideColumn, t: SideColumn): ColumnPair => {
    const { change, common } = compareTypes(s.type, t.type);
    const label = s.name.toLowerCase() === t.name.toLowerCase() ? s.name : `${s.name} → ${t.name}`;
    return { source: s, target: t, label, change, common };
  };

  const keys: ColumnPair[] = [];
  for (const keyName of pair.primaryKey) {
    const s = source.get(keyName.toLowerCase());
    const t = target.get(targetNameOf(keyName));
    if (!s) problems.push(`key column \`${keyName}\` is missing in the source (it has: ${listNames(sourceColumns)})`);
    if (!t) problems.push(`key column \`${renamed.get(keyName.toLowerCase()) ?? keyName}\` is missing in the target (it has: ${listNames(targetColumns)})`);
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
      problems.push(`tolerances name \`${name}\`, which is not a compared column of both sides`);
    } else if (!isNumeric(column.common)) {
      problems.push(`tolerances name \`${name}\`, whose type ${describeType(column.common)} is not numeric; tolerances apply to numbers only`);
    } else {
      column.tolerance = tolerance;
    }
  }
  if (problems.length > 0) throw new BindError(problems);
  return { pair, keys, compared, schema };
}
