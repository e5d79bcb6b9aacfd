import type { QueryResult } from '../query/query-result.js';
import type { BoundPair, ColumnPair } from '../plan/bound-pair.js';
import { type LogicalType, sameType } from '../plan/logical-type.js';
import type { Dialect } from './dialect.js';
import { normalizedValue } from './ignored-differences.js';

export interface PreflightFailure {
  column: string;
  probe: string;
  sourceText: string | null;
  targetText: string | null;
}

/**
 * Literal values each side can hold exactly, by the more restrictive side's type: probes only
 * ask "do equal values stay equal through our casts and hash?", so a value one side cannot
 * represent (1.5 in DECIMAL(10,0), 0.1 in FLOAT) would be a false alarm.
 */
function probesFor(column: ColumnPair): string[] | undefined {
  const kinds: Array<LogicalType['kind']> = ['boolean', 'date', 'integer', 'decimal', 'float', 'timestamp', 'string'];
  const sides = [column.source.type, column.target.type];
  const narrow = sides.reduce((a, b) => (kinds.indexOf(a.kind) <= kinds.indexOf(b.kind) ? a : b));
  if (kinds.indexOf(narrow.kind) === -1) return undefined;
  const minScale = Math.min(...sides.map((type) => (type.kind === 'decimal' ? type.scale : type.kind === 'integer' ? 0 : 6)));
  switch (narrow.kind) {
    case 'boolean': return ['true', 'false'];
    case 'date': return ['2024-02-29', '1970-01-01', '1969-12-31'];
    case 'integer': return ['0', '-1', '42', '100'];
    case 'decimal': return ['0', '100', '-7', ...(minScale >= 1 ? ['1.5', '1.50', '-0.0'] : []), ...(minScale >= 2 ? ['-2.25', '0.01'] : [])];
    case 'float': return ['0', '-0.0', '1.5', '0.25', '-1024', 'NaN', 'Infinity', '-Infinity'];
    case 'timestamp': return ['2024-01-01 12:00:00', '2024-01-01 12:00:00.5', '2024-01-01 12:00:00.123', '1969-12-31 23:59:59'];
    case 'string': return ['', 'NULL', 'a|b', ' x ', 'ü😀'];
    default: return undefined;
  }
}

/** Source and target values that ignore_spaces / ignore_case must make equal. */
function ignoredProbes(column: ColumnPair): Array<[string, string]> {
  const probes: Array<[string, string]> = [];
  if (column.ignore?.spaces) probes.push([' x ', 'x'], ['x  ', '  x']);
  if (column.ignore?.case) probes.push(['Ab', 'aB'], ['ÄÖÜ', 'äöü']);
  if (column.ignore?.spaces && column.ignore.case) probes.push([' Ab', 'aB ']);
  return probes;
}

/**
 * Before scanning anything: for every column whose two sides have different types, take probe
 * values through exactly the casts and row hash the join pass uses, on both sides, and check
 * that equal values hash alike (and that NULL stays NULL). A disagreement means every row would
 * "differ" — the classic false alarm of cross-type comparisons — so the pair stops with the
 * column, the value and both renderings. Undefined when every column has one type on both sides.
 */
export function preflightStatement(dialect: Dialect, bound: BoundPair): { sql: string; read(result: QueryResult): PreflightFailure[] } | undefined {
  const probes: Array<{ column: ColumnPair; probe: string | null; targetProbe?: string }> = [];
  for (const column of [...bound.keys, ...bound.compared]) {
    // ignore_spaces/ignore_case: values that differ only as the options allow must compare equal.
    for (const [sourceProbe, targetProbe] of ignoredProbes(column)) probes.push({ column, probe: sourceProbe, targetProbe });
    if (sameType(column.source.type, column.target.type)) continue;
    const values = probesFor(column);
    if (!values) continue;
    for (const probe of [...values, null]) probes.push({ column, probe });
  }
  if (probes.length === 0) return undefined;

  const items = probes.flatMap(({ column, probe, targetProbe }, i) => {
    const side = (role: 'source' | 'target') => {
      const value = role === 'target' && targetProbe !== undefined ? targetProbe : probe;
      const typed = value === null ? dialect.nullOf(column[role].type) : dialect.tryCast(dialect.stringLiteral(value), column[role].type);
      return normalizedValue(dialect, column.ignore, dialect.cast(typed, column[role].type, column.common));
    };
    const s = side('source');
    const t = side('target');
    const hash = (expression: string) => dialect.rowHash([{ expression, type: column.common }]);
    const representable = probe === null ? 'TRUE' : `${s} IS NOT NULL AND ${t} IS NOT NULL`;
    return [
      `CASE WHEN NOT (${representable}) THEN 'skip' WHEN ${hash(s)} = ${hash(t)} AND ${dialect.nullSafeEquals(s, t)} THEN 'same' ELSE 'differ' END AS probe_${i}`,
      `${dialect.displayText(s, column.common)} AS source_${i}`,
      `${dialect.displayText(t, column.common)} AS target_${i}`,
    ];
  });
  return {
    sql: `SELECT\n  ${items.join(',\n  ')}`,
    read(result) {
      const row = result.rows[0] ?? [];
      const at = (alias: string) => row[result.columns.findIndex((column) => column.name.toLowerCase() === alias)] ?? null;
      return probes.flatMap(({ column, probe, targetProbe }, i) =>
        at(`probe_${i}`) === 'differ' ? [{ column: column.label, probe: probe === null ? 'NULL' : targetProbe === undefined ? probe : `${probe} vs ${targetProbe}`, sourceText: at(`source_${i}`), targetText: at(`target_${i}`) }] : [],
      );
    },
  };
}
