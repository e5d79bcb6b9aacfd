import { afterAll, beforeAll, expect, test } from 'vitest';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import type { RunResults } from '../../src/results/results-model.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { runScenarios } from '../support/scenario-runner.js';
import { decimal, DOUBLE, INT, TEXT, timestamp, type TableSpec } from '../scenarios/table-spec.js';

const table = (columns: TableSpec['columns'], rows: TableSpec['rows']): TableSpec => ({ columns, rows });
let engine: DuckdbEngine;
let results: RunResults;

beforeAll(async () => {
  engine = await DuckdbEngine.open();
  results = await runScenarios({ engine, dialect: duckdbDialect, namespace: ['main'] }, [
    {
      name: 'text amounts against a decimal column',
      pairYaml: 'primary_key: [id]',
      source: table([{ name: 'id', type: INT }, { name: 'amount', type: TEXT }], [['1', '1.5']]),
      target: table([{ name: 'id', type: INT }, { name: 'amount', type: decimal(10, 2) }], [['1', '1.50']]),
      expect: {},
    },
    {
      name: 'widened types that keep equal values equal',
      pairYaml: 'primary_key: [id]',
      source: table([{ name: 'id', type: INT }, { name: 'amount', type: decimal(10, 2) }, { name: 'ratio', type: { kind: 'float', bits: 32 } }, { name: 'at', type: timestamp(true) }], [['1', '1.50', '0.25', '2024-01-01 12:00:00']]),
      target: table([{ name: 'id', type: { kind: 'integer', bits: 64 } }, { name: 'amount', type: decimal(18, 4) }, { name: 'ratio', type: DOUBLE }, { name: 'at', type: timestamp(false) }], [['1', '1.5', '0.25', '2024-01-01 12:00:00']]),
      expect: {},
    },
  ]);
});
afterAll(() => engine.close());

test('a crafted hash disagreement stops the pair before any scan, naming the column and both renderings', () => {
  const pair = results.pairs[0]!;
  expect(pair.status).toBe('ERROR');
  expect(pair.error).toMatchObject({ kind: 'preflight', step: 'preflight' });
  expect(pair.error!.message).toContain("`amount` value 0 becomes '0' on the source and '0.00' on the target");
  expect(pair.error!.message).toContain('Cast one side to the other\'s type');
  expect(pair.statements.map((statement) => statement.purpose).sort()).toEqual(['preflight', 'schema-source', 'schema-target']);
});

test('widened types pass the pre-flight and the pair runs', () => {
  const pair = results.pairs[1]!;
  expect(pair.error).toBeUndefined();
  expect(pair.statements.map((statement) => statement.purpose)).toContain('preflight');
  expect(pair.checks.find((check) => check.check === 'value_mismatches')!.measured).toBe(0);
});
