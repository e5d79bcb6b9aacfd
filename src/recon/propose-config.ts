import type { SideConfig } from '../config/recon-config.js';
import { closestMatch } from '../config/did-you-mean.js';
import type { Engine } from '../engines/engine.js';
import type { EngineColumn } from '../query/query-result.js';
import type { Dialect } from '../sql/dialect.js';
import { sideQuery } from '../sql/side-query.js';

/** What `recon-gate init` learned from the two sides, each finding with the evidence behind it. */
export interface ConfigProposal {
  sourceColumns: EngineColumn[];
  targetColumns: EngineColumn[];
  rows: { source: number; target: number };
  /** Source names of the proposed key; undefined when no combination is unique and non-NULL on both sides. */
  key?: string[];
  /** Why no key was proposed, or how the key was found. */
  keyNote: string;
  /** Source name → target name, for columns whose names differ only slightly. */
  columnMap: Record<string, string>;
  /** Source names of floating-point columns present on both sides. */
  floatColumns: string[];
  /** Columns found on one side only (after the column map). */
  onlyInSource: string[];
  onlyInTarget: string[];
}

const MAX_KEY_COLUMNS = 6;
const KEY_LIKE_NAME = /(^id$|_id$|_key$|_no$|_nr$|_code$|^key$|id$)/i;

const normalise = (name: string) => name.toLowerCase().replace(/[_\s-]/g, '');

/** Target names for source names: the same name (any case), else a close one nobody else took. */
function matchColumns(source: EngineColumn[], target: EngineColumn[]): { pairs: Array<[string, string]>; columnMap: Record<string, string> } {
  const free = new Map(target.map((column) => [column.name.toLowerCase(), column.name]));
  const pairs: Array<[string, string]> = [];
  const unmatched: string[] = [];
  for (const column of source) {
    const same = free.get(column.name.toLowerCase());
    if (same) {
      pairs.push([column.name, same]);
      free.delete(column.name.toLowerCase());
    } else {
      unmatched.push(column.name);
    }
  }
  const columnMap: Record<string, string> = {};
  for (const name of unmatched) {
    const candidates = [...free.values()];
    const byShape = candidates.find((candidate) => normalise(candidate) === normalise(name));
    const chosen = byShape ?? closestMatch(name, candidates);
    if (!chosen) continue;
    pairs.push([name, chosen]);
    columnMap[name] = chosen;
    free.delete(chosen.toLowerCase());
  }
  return { pairs, columnMap };
}

interface SideStats {
  rows: number;
  nonNull: number[];
  distinct: number[];
}

async function sideStats(engine: Engine, relation: string, dialect: Dialect, columns: string[]): Promise<SideStats> {
  const q = dialect.quoteIdentifier;
  const measures = columns.flatMap((column) => [`count(${q(column)})`, `count(DISTINCT ${q(column)})`]);
  const result = await engine.query(`SELECT count(*)${measures.map((measure) => `, ${measure}`).join('')}\nFROM (${relation}) AS recon_init`);
  const row = result.rows[0]!.map((cell) => Number(cell ?? 0));
  return { rows: row[0]!, nonNull: columns.map((_, i) => row[1 + 2 * i]!), distinct: columns.map((_, i) => row[2 + 2 * i]!) };
}

async function distinctCombinations(engine: Engine, relation: string, dialect: Dialect, columns: string[]): Promise<number> {
  const list = columns.map(dialect.quoteIdentifier).join(', ');
  const result = await engine.query(`SELECT count(*) FROM (SELECT DISTINCT ${list} FROM (${relation}) AS recon_init) AS recon_keys`);
  return Number(result.rows[0]![0] ?? 0);
}

/**
 * Proposes a starter config for two sides: the key from columns unique and non-NULL on both
 * sides (checked in SQL: one count pass per side, then one DISTINCT count per combination tried),
 * a column map from name similarity, and the floating-point columns that want a tolerance.
 */
export async function proposeConfig(engine: Engine, dialect: Dialect, source: SideConfig, target: SideConfig): Promise<ConfigProposal> {
  const relations = { source: sideQuery(dialect, source), target: sideQuery(dialect, target) };
  const describe = async (relation: string) => {
    await engine.refuseUnlessOneSelect?.(relation);
    return dialect.describedColumns(await engine.query(dialect.describeStatement(relation)));
  };
  const sourceColumns = await describe(relations.source);
  const targetColumns = await describe(relations.target);
  const { pairs, columnMap } = matchColumns(sourceColumns, targetColumns);
  const typeOf = (columns: EngineColumn[], name: string) => dialect.parseType(columns.find((column) => column.name === name)!.type);
  const floatColumns = pairs.filter(([s, t]) => typeOf(sourceColumns, s).kind === 'float' || typeOf(targetColumns, t).kind === 'float').map(([s]) => s);

  const sourceStats = await sideStats(engine, relations.source, dialect, pairs.map(([s]) => s));
  const targetStats = await sideStats(engine, relations.target, dialect, pairs.map(([, t]) => t));
  const rows = { source: sourceStats.rows, target: targetStats.rows };
  const base = {
    sourceColumns,
    targetColumns,
    rows,
    columnMap,
    floatColumns,
    onlyInSource: sourceColumns.map((column) => column.name).filter((name) => !pairs.some(([s]) => s === name)),
    onlyInTarget: targetColumns.map((column) => column.name).filter((name) => !pairs.some(([, t]) => t === name)),
  };
  if (rows.source === 0 || rows.target === 0) return { ...base, keyNote: 'a side is empty, so no key can be told from the data' };

  // A key column is never NULL and never floating-point on either side.
  const candidates = pairs
    .map(([s, t], index) => ({ s, t, index }))
    .filter(({ s, t, index }) => sourceStats.nonNull[index] === rows.source && targetStats.nonNull[index] === rows.target && !['float', 'complex', 'binary'].includes(typeOf(sourceColumns, s).kind) && typeOf(targetColumns, t).kind !== 'float');
  const uniqueAlone = candidates.filter(({ index }) => sourceStats.distinct[index] === rows.source && targetStats.distinct[index] === rows.target);
  const preferred = (list: typeof candidates) => [...list.filter(({ s }) => KEY_LIKE_NAME.test(s)), ...list.filter(({ s }) => !KEY_LIKE_NAME.test(s))];
  if (uniqueAlone.length > 0) {
    const chosen = preferred(uniqueAlone)[0]!;
    return { ...base, key: [chosen.s], keyNote: `\`${chosen.s}\` is unique and never NULL on both sides (${rows.source} and ${rows.target} rows)` };
  }

  const uniqueOnBoth = async (columns: typeof candidates) =>
    (await distinctCombinations(engine, relations.source, dialect, columns.map(({ s }) => s))) === rows.source &&
    (await distinctCombinations(engine, relations.target, dialect, columns.map(({ t }) => t))) === rows.target;
  // Grow the key in the order a modeller would name it (key-like names first), then drop the
  // other columns it does not need. Key-like columns stay: a dimension's parent key
  // (institution_id above corporation_id) is redundant to the data but part of the model's key.
  const ordered = preferred(candidates);
  const key: typeof candidates = [];
  for (const candidate of ordered) {
    if (key.length >= MAX_KEY_COLUMNS) break;
    key.push(candidate);
    if (key.length > 1 && (await uniqueOnBoth(key))) {
      for (const column of key.filter(({ s }) => !KEY_LIKE_NAME.test(s))) {
        const without = key.filter((other) => other !== column);
        if (without.length > 0 && (await uniqueOnBoth(without))) key.splice(key.indexOf(column), 1);
      }
      return { ...base, key: key.map(({ s }) => s), keyNote: `together unique and never NULL on both sides (${rows.source} and ${rows.target} rows); no column alone is` };
    }
  }
  return { ...base, keyNote: `no combination of up to ${MAX_KEY_COLUMNS} non-NULL columns is unique on both sides: compare the pair without a key, or name the key yourself` };
}
