/**
 * The benchmark's data: one order-lines table of 10 columns as the source, and a target derived
 * from it by fixed rules at a given share of differing keys (0.1 % or 4 %). Row i
 * gets its values from arithmetic on i alone, so every run on every machine builds the same
 * tables; no random generator is involved.
 *
 * The tables are written to a DuckDB database file (Recon Gate and reladiff read it) and to
 * Parquet (datacompy reads it), cached under the bench cache folder and keyed by a hash of the
 * generating SQL, so changing a rule regenerates them and an unchanged generator reuses them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_TABLE = 'source_orders';
export const TARGET_TABLE = 'target_orders';
export const KEY_COLUMNS = ['order_id', 'line_no'];

/** Tolerances the config declares; the within-tolerance rule below stays inside them. */
export const TOLERANCES = { amount: { abs: 0.01 } };

/** Shares of differing keys the bench runs at: the issue's 0.1 % (a good migration) and 4 % (a bad one). */
export const DIFFERENCE_RATES = [0.001, 0.04];

/** Source columns (10, as a typical fact table): name, type, expression of the row number i. */
const COLUMNS = [
  ['order_id', 'BIGINT', '1000000 + i // 4'],
  ['line_no', 'INTEGER', 'i % 4 + 1'],
  ['customer_id', 'INTEGER', '(i * 7919) % 250000 + 1'],
  ['quantity', 'INTEGER', 'i % 17 + 1'],
  ['amount', 'DECIMAL(18,2)', '(i % 17 + 1) * (((i * 31) % 100000) / 100 + 1)'],
  ['fx_rate', 'DOUBLE', 'CASE WHEN i % 23 = 0 THEN NULL ELSE 1 + ((i * 13) % 100000) / 123457.0 END'],
  ['status', 'VARCHAR', "['NEW', 'PAID', 'SHIPPED', 'DELIVERED', 'RETURNED'][i % 5 + 1]"],
  ['customer_name', 'VARCHAR', "'Customer ' || ((i * 7919) % 250000 + 1)"],
  ['order_date', 'DATE', "DATE '2020-01-01' + CAST((i // 4) % 2000 AS INTEGER)"],
  ['created_at', 'TIMESTAMP', 'make_timestamp(1577836800000000 + i * 17000123)'],
];

export const COLUMN_NAMES = COLUMNS.map(([name]) => name);
export const COMPARED_COLUMNS = COLUMN_NAMES.filter((name) => !KEY_COLUMNS.includes(name));
/** Compared columns the aggregates check sums: integers, decimals and floats. */
export const NUMERIC_COLUMNS = COLUMNS.filter(([name, type]) => COMPARED_COLUMNS.includes(name) && /^(BIGINT|INTEGER|DECIMAL|DOUBLE)/.test(type)).map(([name]) => name);

/**
 * The period of the rules at a difference rate: in every `period` source rows, one row is missing,
 * four are changed (amount, status, customer_name, fx_rate with created_at) and one extra target
 * row is added, so about 6 / period of the keys differ.
 */
export function rulePeriod(rate) {
  return Math.max(12, Math.round(6 / rate));
}

/** "0.1 %", "4 %": how reports name a rate. */
export function rateLabel(rate) {
  return `${Number((rate * 100).toPrecision(3))} %`;
}

/**
 * Target-side changes at a rate. `beyond` rules make a real difference; the `within` rule changes a
 * value by no more than the column's tolerance (a matching row whose hash still differs). Rules
 * on the same column compose, so a row's truth depends only on which predicates hold.
 */
export function differenceRules(rate) {
  const p = rulePeriod(rate);
  const half = Math.floor(p / 2);
  return [
    { kind: 'changed value', column: 'amount', when: `i % ${p} = 2`, target: 'amount + 1.00', beyond: true },
    { kind: 'within tolerance', column: 'amount', when: `i % ${p} = 5`, target: 'amount + 0.01', beyond: false },
    { kind: 'case change', column: 'status', when: `i % ${p} = 3`, target: 'lower(status)', beyond: true },
    { kind: 'trailing whitespace', column: 'customer_name', when: `i % ${p} = ${half}`, target: "customer_name || ' '", beyond: true },
    { kind: 'changed value', column: 'fx_rate', when: `i % ${p} = ${half + 1} AND i % 23 <> 0`, target: 'fx_rate * 1.01', beyond: true },
    { kind: 'timestamp shifted by whole hours', column: 'created_at', when: `i % ${p} = ${half + 1}`, target: "created_at + INTERVAL '1 hour'", beyond: true },
  ];
}

/** Row-level rules: which source rows vanish, which keys repeat, how many rows the target adds. */
export function rowRules(rate) {
  return {
    missingInTarget: `i % ${rulePeriod(rate)} = 1`,
    duplicatedInSource: 'i % 200000 = 11',
    duplicatedInTarget: 'i % 50000 = 10',
    /** Extra target rows get row numbers n … n + n/period − 1, whose keys lie past every source key. */
    extraRows: (rows) => Math.floor(rows / rulePeriod(rate)),
  };
}

function targetExpression(column, rules) {
  rules = rules.filter((rule) => rule.column === column);
  // Applied innermost first, so composed rules (e.g. +1.00 and +0.01 on one row) both take effect.
  return rules.reduce((expression, rule) => `CASE WHEN ${rule.when} THEN ${rule.target.replaceAll(column, `(${expression})`)} ELSE ${expression} END`, column);
}

/** The statements that build both tables and the truth (expected counts) in the open database. */
export function generationStatements(rows, rate) {
  const rules = differenceRules(rate);
  const rowRule = rowRules(rate);
  const extraRows = rowRule.extraRows(rows);
  const typed = COLUMNS.map(([name, type, expression]) => `CAST(${expression} AS ${type}) AS ${name}`);
  const targetItems = COLUMN_NAMES.map((name) => `CAST(${targetExpression(name, rules)} AS ${COLUMNS.find(([n]) => n === name)[1]}) AS ${name}`);
  const beyond = rules.filter((rule) => rule.beyond).map((rule) => `(${rule.when})`).join(' OR ');
  const within = rules.filter((rule) => !rule.beyond).map((rule) => `(${rule.when})`).join(' OR ');
  const beyondColumns = [...new Set(rules.filter((rule) => rule.beyond).map((rule) => rule.column))];
  const perColumn = beyondColumns.map((column) => {
    const when = rules.filter((rule) => rule.beyond && rule.column === column).map((rule) => `(${rule.when})`).join(' OR ');
    return `count(*) FILTER (WHERE source_rows = 1 AND target_rows = 1 AND (${when}))::BIGINT AS "mismatches:${column}"`;
  });
  return [
    // A plain table, not TEMP: the engine runs each statement on a connection of its own.
    `CREATE OR REPLACE TABLE bench_rows AS SELECT i, ${typed.join(', ')} FROM (SELECT range AS i FROM range(${rows + extraRows}))`,
    `CREATE OR REPLACE TABLE ${SOURCE_TABLE} AS
      SELECT ${COLUMN_NAMES.join(', ')} FROM (
        SELECT * FROM bench_rows WHERE i < ${rows}
        UNION ALL SELECT * FROM bench_rows WHERE i < ${rows} AND ${rowRule.duplicatedInSource}
      ) ORDER BY i`,
    // The target is stored in another order, as a migrated copy usually is: i × an odd constant
    // modulo 2^32 is a permutation of the row numbers.
    `CREATE OR REPLACE TABLE ${TARGET_TABLE} AS
      SELECT ${targetItems.join(', ')} FROM (
        SELECT * FROM bench_rows WHERE (i < ${rows} AND NOT (${rowRule.missingInTarget})) OR i >= ${rows}
        UNION ALL SELECT * FROM bench_rows WHERE i < ${rows} AND NOT (${rowRule.missingInTarget}) AND ${rowRule.duplicatedInTarget}
      ) ORDER BY (i * 2654435761) % 4294967296, line_no`,
    `CREATE OR REPLACE TABLE bench_truth AS
      WITH per_key AS (
        SELECT
          i,
          CASE WHEN i < ${rows} THEN 1 + CAST(${rowRule.duplicatedInSource} AS INTEGER) ELSE 0 END AS source_rows,
          CASE WHEN i >= ${rows} THEN 1 WHEN ${rowRule.missingInTarget} THEN 0 ELSE 1 + CAST(${rowRule.duplicatedInTarget} AS INTEGER) END AS target_rows,
          ${beyond} AS differs_beyond_tolerance,
          ${within} AS differs_within_tolerance
        FROM (SELECT range AS i FROM range(${rows + extraRows}))
      )
      SELECT
        sum(source_rows)::BIGINT AS source_rows,
        sum(target_rows)::BIGINT AS target_rows,
        count(*) FILTER (WHERE target_rows = 0)::BIGINT AS missing_rows,
        count(*) FILTER (WHERE source_rows = 0)::BIGINT AS extra_rows,
        count(*) FILTER (WHERE source_rows > 1)::BIGINT AS source_duplicate_keys,
        count(*) FILTER (WHERE target_rows > 1)::BIGINT AS target_duplicate_keys,
        count(*) FILTER (WHERE source_rows = 1 AND target_rows = 1 AND differs_beyond_tolerance)::BIGINT AS mismatched_rows,
        count(*) FILTER (WHERE source_rows = 1 AND target_rows = 1 AND NOT differs_beyond_tolerance AND differs_within_tolerance)::BIGINT AS within_tolerance_rows,
        count(*) FILTER (WHERE source_rows >= 1 AND target_rows >= 1 AND (differs_beyond_tolerance OR differs_within_tolerance))::BIGINT AS keys_with_any_change,
        count(*) FILTER (WHERE source_rows <> 1 OR target_rows <> 1 OR differs_beyond_tolerance)::BIGINT AS differing_keys,
        ${perColumn.join(',\n        ')}
      FROM per_key`,
    'DROP TABLE bench_rows',
  ];
}

/** What every tool should find, read back from `bench_truth`. */
export async function readTruth(engine, schemaPrefix = '') {
  const result = await engine.query(`SELECT * FROM ${schemaPrefix}bench_truth`);
  const row = result.rows[0];
  const truth = { columnMismatches: {} };
  result.columns.forEach((column, index) => {
    const [prefix, columnName] = column.name.split(':');
    if (columnName) truth.columnMismatches[columnName] = Number(row[index]);
    else truth[prefix] = Number(row[index]);
  });
  return truth;
}

const GENERATOR_VERSION = createHash('sha256')
  .update(JSON.stringify([COLUMNS, ...DIFFERENCE_RATES.map((rate) => generationStatements(1000, rate))]))
  .digest('hex')
  .slice(0, 10);

export function benchCacheFolder() {
  return process.env.RECON_GATE_CACHE || path.join(process.env.HOME ?? '.', '.cache', 'recon-gate');
}

export function dataFiles(rows, rate = DIFFERENCE_RATES[0]) {
  const folder = path.join(benchCacheFolder(), 'bench-data', `orders-${rows}-${String(rate).replace('.', 'p')}-${GENERATOR_VERSION}`);
  return {
    folder,
    database: path.join(folder, 'orders.duckdb'),
    sourceParquet: path.join(folder, `${SOURCE_TABLE}.parquet`),
    targetParquet: path.join(folder, `${TARGET_TABLE}.parquet`),
  };
}

/**
 * Builds (or reuses) the tables for `rows` source rows. Written to a temporary folder and renamed
 * at the end, so an interrupted generation never leaves a half-written cache behind.
 */
export async function ensureBenchData(rows, { openEngine, log, rate = DIFFERENCE_RATES[0] }) {
  const files = dataFiles(rows, rate);
  if (existsSync(files.database) && existsSync(files.targetParquet)) return { ...files, generatedMs: 0, reused: true };
  const partial = `${files.folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const started = performance.now();
  log(`generating ${rows.toLocaleString('en-US')} rows, ${rateLabel(rate)} differing keys, into ${files.folder} …`);
  const engine = await openEngine({ database: path.join(partial, 'orders.duckdb') });
  try {
    for (const statement of generationStatements(rows, rate)) await engine.execute(statement);
    for (const table of [SOURCE_TABLE, TARGET_TABLE]) {
      const parquet = path.join(partial, `${table}.parquet`).replaceAll("'", "''");
      await engine.execute(`COPY ${table} TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`);
    }
    await engine.execute('CHECKPOINT');
  } finally {
    await engine.close();
  }
  rmSync(files.folder, { recursive: true, force: true });
  renameSync(partial, files.folder);
  return { ...files, generatedMs: performance.now() - started, reused: false };
}
