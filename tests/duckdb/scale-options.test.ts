import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { runSuite } from '../../src/recon/run-suite.js';
import type { RunResults } from '../../src/results/results-model.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';

let engine: DuckdbEngine;

async function run(pairs: string): Promise<RunResults> {
  const { file, errors } = loadConfigText(`version: 1\npairs:\n${pairs}`, 'scale.yml');
  expect(errors).toEqual([]);
  return runSuite({ files: [file!] }, { engine, dialect: duckdbDialect });
}

const measured = (results: RunResults, pair: number, check: string) => results.pairs[pair]!.checks.find((c) => c.check === check)!.measured;
const duplicateKeys = (results: RunResults, pair = 0) => results.pairs[pair]!.checks.find((c) => c.check === 'duplicate_keys')!.details;

/** Rows out of each FULL join of the pair's join statement, from DuckDB's EXPLAIN ANALYZE. */
async function fullJoinRows(results: RunResults, pair = 0): Promise<number[]> {
  const join = results.pairs[pair]!.statements.find((statement) => statement.purpose === 'join')!;
  const explained = await engine.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${join.sql}`);
  const rows: number[] = [];
  const walk = (node: { operator_name?: string; operator_cardinality?: number; extra_info?: Record<string, unknown>; children?: unknown[] }) => {
    if (node.operator_name?.includes('JOIN') && node.extra_info?.['Join Type'] === 'FULL') rows.push(node.operator_cardinality!);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(JSON.parse(explained.rows[0]![1]!));
  return rows;
}

beforeAll(async () => {
  engine = await DuckdbEngine.open();
  // 100,000 keys; the target lacks every key ending in 7 and changed every key ending in 3.
  await engine.execute('CREATE TABLE big_s AS SELECT range AS id, range % 1000 AS day, range * 2 AS v FROM range(100000)');
  await engine.execute('CREATE TABLE big_t AS SELECT id, day, CASE WHEN id % 10 = 3 THEN v + 1 ELSE v END AS v FROM big_s WHERE id % 10 <> 7');
  // A hot key: 2,000 rows of key 1 on each side would be 4,000,000 rows in a plain join.
  // Key 50056 shares the hot key's bucket and changed its value: the bucket's keys are still compared.
  await engine.execute('CREATE TABLE hot_s AS SELECT CASE WHEN range < 2000 THEN 1 ELSE range END AS id, range AS v FROM range(5000) UNION ALL SELECT 50056 AS id, 1 AS v');
  await engine.execute('CREATE TABLE hot_t AS SELECT id, CASE WHEN id = 50056 THEN 2 ELSE v END AS v FROM hot_s');
  // A primary_key that is not one: 1,000 keys of 30 rows each on both sides (900 pairs per key).
  await engine.execute('CREATE TABLE shared_s AS SELECT range % 1000 AS id, range AS v FROM range(30000)');
  await engine.execute('CREATE TABLE shared_t AS SELECT * FROM shared_s');
  // Every key ending in 1 twice in the source: about one bucket in seven of the join holds a
  // duplicate, so changed and missing keys share buckets with duplicated ones.
  await engine.execute('CREATE TABLE dup_s AS SELECT * FROM big_s UNION ALL SELECT * FROM big_s WHERE id % 10 = 1');
});
afterAll(() => engine.close());

describe('key-based sampling', () => {
  test('keeps the same keys on both sides, so only real differences show, scaled to the share compared', async () => {
    const results = await run(`  - name: sampled
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
    sample: { percent: 5 }
  - name: whole
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
`);
    const [sampled, whole] = results.pairs;
    expect(sampled!.sampledPercent).toBe(5);
    expect(whole!.sampledPercent).toBeUndefined();
    const sourceRows = sampled!.source.rows!;
    expect(sourceRows).toBeGreaterThan(4000);
    expect(sourceRows).toBeLessThan(6000);
    // Not a single missing or extra row is an artefact of sampling: every sampled source key whose
    // id does not end in 7 is in the sampled target.
    const missing = measured(results, 0, 'missing_rows');
    const extra = measured(results, 0, 'extra_rows');
    expect(extra).toBe(0);
    expect(sampled!.target.rows).toBe(sourceRows - missing);
    expect(sampled!.samples.onlyInSource.every((sample) => sample.key[0]!.endsWith('7'))).toBe(true);
    expect(sampled!.samples.mismatches.every((sample) => sample.key[0]!.endsWith('3'))).toBe(true);
    expect(measured(results, 0, 'value_mismatches')).toBeGreaterThan(300);
    expect(measured(results, 1, 'missing_rows')).toBe(10000);
  });

  test('the same percentage selects the same keys in every run', async () => {
    const pair = `  - name: sampled\n    source: { table: big_s }\n    target: { table: big_t }\n    primary_key: [id]\n    sample: { percent: 1 }\n`;
    const first = await run(pair);
    const second = await run(pair);
    expect(second.pairs[0]!.source.rows).toBe(first.pairs[0]!.source.rows);
    expect(second.pairs[0]!.samples.onlyInSource).toEqual(first.pairs[0]!.samples.onlyInSource);
  });
});

test('a filter shared by both sides scopes the run to a partition window', async () => {
  const results = await run(`  - name: last_days
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
    filter: "day >= 990"
`);
  expect(results.pairs[0]!.source.rows).toBe(1000);
  expect(measured(results, 0, 'missing_rows')).toBe(100);
  expect(measured(results, 0, 'value_mismatches')).toBe(100);
});

test('keys sharing a bucket with a duplicated key are counted per key: no change, loss or duplicate is hidden', async () => {
  const results = await run(`  - name: duplicated
    source: { table: dup_s }
    target: { table: big_t }
    primary_key: [id]
`);
  expect(duplicateKeys(results)).toMatchObject({ source: { keys: 10000, extraRows: 10000 }, target: { keys: 0, extraRows: 0 } });
  expect(measured(results, 0, 'missing_rows')).toBe(10000);
  expect(measured(results, 0, 'extra_rows')).toBe(0);
  expect(measured(results, 0, 'value_mismatches')).toBe(10000);
  expect(results.pairs[0]!.samples.mismatches.every((sample) => sample.key[0]!.endsWith('3'))).toBe(true);
});

test('a hot duplicate key is collapsed before comparison instead of multiplying rows', async () => {
  const results = await run(`  - name: hot
    source: { table: hot_s }
    target: { table: hot_t }
    primary_key: [id]
`);
  expect(duplicateKeys(results)).toMatchObject({ source: { keys: 1, extraRows: 1999 }, target: { keys: 1, extraRows: 1999 }, ambiguousKeys: 1 });
  expect(measured(results, 0, 'missing_rows')).toBe(0);
  expect(measured(results, 0, 'value_mismatches')).toBe(1);
  expect(results.pairs[0]!.samples.mismatches.map((sample) => sample.key)).toEqual([['50056']]);
  expect(results.pairs[0]!.samples.duplicateKeys).toEqual([{ key: ['1'], sourceRows: 2000, targetRows: 2000 }]);
  // The hot key's bucket skips the hash join: the FULL join emits at most one row per side's row.
  expect(await fullJoinRows(results)).toEqual([3000]);
});

test('a primary_key shared by most rows of both sides is counted per key, not paired by the join', async () => {
  const results = await run(`  - name: shared
    source: { table: shared_s }
    target: { table: shared_t }
    primary_key: [id]
`);
  expect(duplicateKeys(results)).toMatchObject({ source: { keys: 1000, extraRows: 29000 }, target: { keys: 1000, extraRows: 29000 }, ambiguousKeys: 1000 });
  expect(measured(results, 0, 'missing_rows')).toBe(0);
  // 900 pairs per key would be 900,000 rows out of the join; the key spread routes every bucket around it.
  expect(await fullJoinRows(results)).toEqual([0]);
});

test('the key spread is read from the bucket counts: three rows per key go around the join, a few doubled keys through it', async () => {
  // 5,000 keys of three rows each on both sides: a row's key has three rows on average (> 2).
  await engine.execute('CREATE TABLE triple_s AS SELECT range % 5000 AS id, range AS v FROM range(15000)');
  // 10,000 keys, every fifth doubled on both sides: 1.33 rows per row's key, the join pairs 4 rows each.
  await engine.execute('CREATE TABLE fifth_s AS SELECT range AS id, range AS v FROM range(10000) UNION ALL SELECT range AS id, range AS v FROM range(10000) WHERE range % 5 = 0');
  const results = await run(`  - name: triple
    source: { table: triple_s }
    target: { table: triple_s }
    primary_key: [id]
  - name: fifth
    source: { table: fifth_s }
    target: { table: fifth_s }
    primary_key: [id]
`);
  expect(duplicateKeys(results, 0)).toMatchObject({ source: { keys: 5000, extraRows: 10000 }, target: { keys: 5000, extraRows: 10000 }, ambiguousKeys: 5000 });
  expect(duplicateKeys(results, 1)).toMatchObject({ source: { keys: 2000, extraRows: 2000 }, target: { keys: 2000, extraRows: 2000 }, ambiguousKeys: 2000 });
  expect(await fullJoinRows(results, 0)).toEqual([0]);
  expect(await fullJoinRows(results, 1)).toEqual([8000 + 2000 * 4]);
});

test('persist_mismatches_to writes every differing key into a table of the engine, and the artifacts keep the sample', async () => {
  const results = await run(`  - name: persisted
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
    sample_size: 5
    persist_mismatches_to: main.recon_mismatches
`);
  const pair = results.pairs[0]!;
  expect(pair.persisted).toEqual({ table: 'main.recon_mismatches', keys: 20000 });
  expect(pair.samples.onlyInSource).toHaveLength(5);
  const stored = await engine.query('SELECT category, count(*) AS keys FROM main.recon_mismatches GROUP BY category ORDER BY category');
  expect(stored.rows).toEqual([['mismatch', '10000'], ['only_source', '10000']]);
  expect(pair.statements.map((statement) => statement.purpose)).toContain('persist');
});

describe('distinct_counts', () => {
  const aggregates = (results: RunResults, pair: number) =>
    (results.pairs[pair]!.checks.find((c) => c.check === 'aggregates')!.details as { aggregates: Array<{ label: string; function: string; source: string | null; target: string | null; withinTolerance: boolean }> }).aggregates;
  const profileSql = (results: RunResults, pair: number) => results.pairs[pair]!.statements.find((s) => s.purpose === 'profile-source')!.sql;

  test('exact by default; approximate sketches the common type on both sides; off leaves them out', async () => {
    // big_t: v + 1 on every key ending in 3 adds values that are not in big_s and drops others.
    const results = await run(`  - name: exact
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
  - name: approximate
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
    distinct_counts: approximate
  - name: approximate_equal
    source: { table: big_s }
    target: { query: "SELECT id, day, CAST(v AS DECIMAL(20,2)) AS v FROM big_s" }
    primary_key: [id]
    distinct_counts: approximate
  - name: off
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
    distinct_counts: off
`);
    const exact = aggregates(results, 0).find((a) => a.function === 'count_distinct' && a.label === 'v')!;
    expect([exact.source, exact.target]).toEqual(['100000', '90000']);
    expect(profileSql(results, 0)).toContain('count(DISTINCT "v")');

    expect(profileSql(results, 1)).toContain('approx_count_distinct(');
    expect(profileSql(results, 1)).not.toContain('count(DISTINCT');
    const approximate = aggregates(results, 1).find((a) => a.label === 'v' && a.function === 'approx_count_distinct')!;
    expect(approximate.withinTolerance).toBe(false);
    expect(Math.abs(Number(approximate.source) - 100000)).toBeLessThan(20000);
    expect(aggregates(results, 1).some((a) => a.function === 'count_distinct')).toBe(false);

    // The same values as BIGINT and as DECIMAL(20,2) give the same estimate: the sketch sees the common type.
    const equal = aggregates(results, 2).filter((a) => a.function === 'approx_count_distinct');
    expect(equal.map((a) => a.label)).toEqual(['day', 'v']);
    expect(equal.every((a) => a.withinTolerance && a.source === a.target)).toBe(true);
    expect(results.pairs[2]!.checks.find((c) => c.check === 'aggregates')!.status).toBe('PASS');

    expect(profileSql(results, 3)).not.toMatch(/DISTINCT|approx_count_distinct/);
    expect(aggregates(results, 3).map((a) => a.function)).not.toContain('count_distinct');
    expect(aggregates(results, 3).filter((a) => a.label === 'v').map((a) => a.function)).toEqual(['sum', 'min', 'max', 'avg', 'count']);
  });

  test('defaults set it for every pair, a pair overrides it, a wrong value names the field and the choices', () => {
    const { file } = loadConfigText(`version: 1
defaults:
  distinct_counts: approximate
pairs:
  - name: a
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
  - name: b
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
    distinct_counts: exact
`, 'defaults.yml');
    expect(file!.pairs.map((pair) => pair.distinctCounts)).toEqual(['approximate', 'exact']);
    const { errors } = loadConfigText(`version: 1
pairs:
  - name: a
    source: { table: big_s }
    target: { table: big_t }
    primary_key: [id]
    distinct_counts: fast
`, 'wrong.yml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'wrong.yml', line: 7 });
    expect(errors[0]).toMatchObject({ path: 'pairs[0].distinct_counts', message: '`fast` is not allowed', hint: 'Expected one of: exact, approximate, off.' });
  });
});

describe('DuckDB memory limit', () => {
  test('caps the embedded engine and spills outside the working directory', async () => {
    const capped = await DuckdbEngine.open({ memoryLimit: '200MB' });
    try {
      const { rows } = await capped.query("SELECT current_setting('memory_limit'), current_setting('temp_directory')");
      expect(rows[0]![0]).toMatch(/^190\.\d+ MiB$/);
      expect(rows[0]![1]).toContain('recon-gate-duckdb-');
      expect(rows[0]![1]!.startsWith(process.cwd())).toBe(false);
      // A join that needs more than the cap still completes by spilling.
      const { rows: joined } = await capped.query('SELECT count(*) FROM range(3000000) a JOIN range(3000000) b ON a.range = b.range');
      expect(joined[0]![0]).toBe('3000000');
    } finally {
      await capped.close();
    }
  });

  test('a value DuckDB cannot read is refused when the engine opens', async () => {
    await expect(DuckdbEngine.open({ memoryLimit: 'lots' })).rejects.toThrow('DuckDB did not accept the memory limit "lots": give a size such as 2GB or 512MiB');
  });
});
