import { describe, expect, test } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import { pairPlan, plannedStatements } from '../../src/recon/pair-plan.js';
import { bindPair } from '../../src/plan/bind-pair.js';
import type { SideColumn } from '../../src/plan/bound-pair.js';
import type { Dialect } from '../../src/sql/dialect.js';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { broadcastSide, joinStatement } from '../../src/sql/join-statement.js';
import { profileStatement } from '../../src/sql/profile-statement.js';

/**
 * The SQL each dialect renders for one representative pair, pinned in tests/sql/golden/. A
 * change to generated SQL shows up as a diff of these files in review.
 */
const { file } = loadConfigText(
  `version: 1
pairs:
  - name: orders
    source: { table: legacy.orders, filter: "region = 'EU'" }
    target: { table: main.sales.orders }
    filter: "order_date >= DATE '2024-01-01'"
    primary_key: [order_id, line]
    exclude: [load_ts]
    column_map: { cust: customer_id }
    tolerances: { amount: { abs: 0.01, rel: 0.001 }, ratio: { rel: 0.000001 } }
    sample_size: 5
`,
  'recon-configs/orders.yml',
);
const pair = file!.pairs[0]!;

function columns(dialect: Dialect, spec: Array<[string, string, boolean?]>): SideColumn[] {
  return spec.map(([name, type, nullable]) => ({ name, engineType: type, type: dialect.parseType(type), nullable }));
}

const SCHEMAS: Record<'duckdb' | 'databricks', { dialect: Dialect; source: SideColumn[]; target: SideColumn[] }> = {
  duckdb: {
    dialect: duckdbDialect,
    source: columns(duckdbDialect, [['order_id', 'INTEGER'], ['line', 'SMALLINT'], ['cust', 'VARCHAR'], ['amount', 'DECIMAL(10,2)'], ['ratio', 'DOUBLE'], ['placed_at', 'TIMESTAMP WITH TIME ZONE'], ['note', 'VARCHAR'], ['load_ts', 'TIMESTAMP']]),
    target: columns(duckdbDialect, [['order_id', 'BIGINT'], ['line', 'SMALLINT'], ['customer_id', 'VARCHAR'], ['amount', 'DECIMAL(12,4)'], ['ratio', 'DOUBLE'], ['placed_at', 'TIMESTAMP'], ['note', 'VARCHAR'], ['load_ts', 'TIMESTAMP']]),
  },
  databricks: {
    dialect: databricksDialect,
    source: columns(databricksDialect, [['order_id', 'INT'], ['line', 'SMALLINT'], ['cust', 'STRING'], ['amount', 'DECIMAL(10,2)'], ['ratio', 'DOUBLE'], ['placed_at', 'TIMESTAMP'], ['note', 'STRING'], ['load_ts', 'TIMESTAMP']]),
    target: columns(databricksDialect, [['order_id', 'BIGINT'], ['line', 'SMALLINT'], ['customer_id', 'STRING'], ['amount', 'DECIMAL(12,4)'], ['ratio', 'DOUBLE'], ['placed_at', 'TIMESTAMP_NTZ'], ['note', 'STRING'], ['load_ts', 'TIMESTAMP']]),
  },
};

describe.each(['duckdb', 'databricks'] as const)('%s SQL', (name) => {
  const { dialect, source, target } = SCHEMAS[name];
  const bound = bindPair(pair, source, target, dialect.defaultDistinctCounts);
  // The pair's plan, stage by stage, with sides too large to broadcast.
  const plan = pairPlan(pair, dialect);
  const boundPlan = plan.bind(source, target);
  const joinPlan = boundPlan.join({ source: 10_000_000, target: 10_000_000 })!;

  test('the plan: schema reads, pre-flight, profiles, join, in run order', () => {
    expect(plannedStatements({ plan, bound: boundPlan, join: joinPlan }).map((statement) => statement.purpose)).toEqual(['schema-source', 'schema-target', 'preflight', 'profile-source', 'profile-target', 'join']);
  });

  test('schema read of the source', async () => {
    await expect(`${plan.schema.source.sql};\n`).toMatchFileSnapshot(`golden/schema-source.${name}.sql`);
  });

  test('pre-flight check of the columns whose types differ', async () => {
    await expect(`${boundPlan.preflight!.sql};\n`).toMatchFileSnapshot(`golden/preflight.${name}.sql`);
  });

  test('profile of the source', async () => {
    expect(boundPlan.profiles.source.sql).toBe(profileStatement(dialect, bound, 'source').sql);
    await expect(`${boundPlan.profiles.source.sql};\n`).toMatchFileSnapshot(`golden/profile-source.${name}.sql`);
  });

  test('profile of the target', async () => {
    await expect(`${boundPlan.profiles.target.sql};\n`).toMatchFileSnapshot(`golden/profile-target.${name}.sql`);
  });

  test('join pass', async () => {
    expect(joinPlan.join.sql).toBe(joinStatement(dialect, bound, { compareValues: true }).sql);
    await expect(`${joinPlan.join.sql};\n`).toMatchFileSnapshot(`golden/join.${name}.sql`);
  });
});

describe('broadcast of a small side', () => {
  test('Databricks broadcasts the side the profile found at or under its limit, and only that side', () => {
    const limit = databricksDialect.broadcastMaxRows!;
    expect(broadcastSide(databricksDialect, limit, 10 * limit)).toBe('source');
    expect(broadcastSide(databricksDialect, 10 * limit, 12)).toBe('target');
    expect(broadcastSide(databricksDialect, limit + 1, limit + 1)).toBeUndefined();
    expect(broadcastSide(duckdbDialect, 10, 10_000_000)).toBeUndefined();
  });

  test('Spark computes the join\'s CTEs read several times once; the reproduce and differing-keys queries keep plain CTEs', () => {
    const { source, target } = SCHEMAS.databricks;
    const statement = joinStatement(databricksDialect, bindPair(pair, source, target, 'approximate'), { compareValues: true });
    const shared = ['recon_interesting', 'recon_offsets', 'recon_classified'];
    for (const name of shared) expect(statement.sql).toContain(`${name} AS (\n  SELECT * FROM (`);
    expect(statement.sql.match(/AS recon_shared WHERE rand\(\) >= 0/g)).toHaveLength(shared.length);
    for (const sql of [...Object.values(statement.reproduce), statement.differences]) expect(sql).not.toContain('rand()');
    const duck = joinStatement(duckdbDialect, bindPair(pair, SCHEMAS.duckdb.source, SCHEMAS.duckdb.target, 'exact'), { compareValues: true });
    expect(duck.sql).not.toContain('rand()');
  });

  test('the hint names the small side where its rows are joined, never the differing keys', () => {
    const { source, target } = SCHEMAS.databricks;
    const sql = joinStatement(databricksDialect, bindPair(pair, source, target, 'approximate'), { compareValues: true, broadcast: 'target' }).sql;
    expect(sql.match(/\/\*\+ BROADCAST\((\w+)\) \*\//g)).toEqual(['/*+ BROADCAST(recon_target) */', '/*+ BROADCAST(t) */']);
    expect(sql).toContain('SELECT /*+ BROADCAST(recon_target) */ recon_target.* FROM recon_target\n  JOIN recon_interesting AS i');
    expect(sql).toContain('SELECT /*+ BROADCAST(t) */\n    i.k0');
    expect(sql).toMatch(/LEFT JOIN recon_target_rows AS t ON/);
  });

  test('DuckDB takes no hint: its planner builds on the smaller input', () => {
    const { source, target } = SCHEMAS.duckdb;
    const bound = bindPair(pair, source, target, 'exact');
    expect(joinStatement(duckdbDialect, bound, { compareValues: true, broadcast: 'source' }).sql).toBe(joinStatement(duckdbDialect, bound, { compareValues: true }).sql);
  });
});

describe('the classified rows on DuckDB', () => {
  const duckdb = SCHEMAS.duckdb;
  const classifiedHeader = (sql: string) => /^recon_classified AS (?:NOT MATERIALIZED )?\(/m.exec(sql)?.[0];

  test('are recomputed from the kept offsets when numeric columns give them offset counts', () => {
    const sql = joinStatement(duckdbDialect, bindPair(pair, duckdb.source, duckdb.target, 'exact'), { compareValues: true }).sql;
    expect(sql).toMatch(/^recon_offset_\d+ AS \(/m);
    expect(classifiedHeader(sql)).toBe('recon_classified AS NOT MATERIALIZED (');
  });

  test('are left to the engine to keep when nothing else reads the offsets (recomputing would rescan both sides)', () => {
    const text = (spec: Array<[string, string]>) => columns(duckdbDialect, spec);
    const { file: textOnly } = loadConfigText(
      'version: 1\npairs:\n  - name: notes\n    source: { table: a }\n    target: { table: b }\n    primary_key: [id]\n',
      'recon-configs/notes.yml',
    );
    const bound = bindPair(textOnly!.pairs[0]!, text([['id', 'INTEGER'], ['note', 'VARCHAR']]), text([['id', 'INTEGER'], ['note', 'VARCHAR']]), 'exact');
    const sql = joinStatement(duckdbDialect, bound, { compareValues: true }).sql;
    expect(sql).not.toMatch(/^recon_offset_\d+ AS \(/m);
    expect(classifiedHeader(sql)).toBe('recon_classified AS (');
  });

  test('are computed once on Databricks', () => {
    const { dialect, source, target } = SCHEMAS.databricks;
    const sql = joinStatement(dialect, bindPair(pair, source, target, 'approximate'), { compareValues: true }).sql;
    expect(sql).toMatch(/^recon_classified AS \(\n {2}SELECT \* FROM \(/m);
  });
});
