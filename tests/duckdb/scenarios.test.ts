import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DuckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import type { RunResults } from '../../src/results/results-model.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { SCENARIOS } from '../scenarios/scenarios.js';
import type { PairPlanListing } from '../../src/recon/pair-plan.js';
import { assertScenario, expectPlansEqualRuns, runAndPlanScenarios } from '../support/scenario-runner.js';

let engine: DuckdbEngine;
let results: RunResults;
let plans: PairPlanListing[];

beforeAll(async () => {
  engine = await DuckdbEngine.open();
  ({ results, plans } = await runAndPlanScenarios({ engine, dialect: duckdbDialect, namespace: ['main'] }, SCENARIOS));
});
afterAll(() => engine.close());

describe('DuckDB scenarios', () => {
  test.each(SCENARIOS.map((scenario, index) => [scenario.name, index] as const))('%s', (_name, index) => {
    assertScenario(results.pairs[index]!, SCENARIOS[index]!);
  });

  test('a one-sided duplicated key counts as one missing key of two rows, and is in missing_rows’ reproduce query', () => {
    const pair = results.pairs.find((entry) => entry.name.startsWith('a key duplicated on one side'))!;
    const missing = pair.checks.find((check) => check.check === 'missing_rows')!;
    expect(missing.details).toEqual({ check: 'missing_rows', keys: 1, rows: 2 });
    expect(missing.message).toBe('2 source rows (1 key) missing from the target');
    expect(pair.checks.find((check) => check.check === 'extra_rows')!.details).toEqual({ check: 'extra_rows', keys: 1, rows: 2 });
    expect(pair.reproduce?.missing_rows).toContain("OR (category = 'duplicate' AND target_rows = 0)");
  });

  test('each pair costs two schema reads, one profile pass per side and one join, plus a scan-free pre-flight when column types differ or values are normalised', () => {
    const typesDiffer = new Set(['ignore_spaces and ignore_case hide only what they say, count what they hid, and trim string keys', 'decimals compare at the common scale and tolerances stay exact in DECIMAL', 'a zoned timestamp and a wall-clock timestamp compare in UTC, and the type change is a warning', 'a column that became a number is a schema failure, and values still compare as text']);
    for (const pair of results.pairs) {
      const expected = ['join', 'profile-source', 'profile-target', 'schema-source', 'schema-target', ...(typesDiffer.has(pair.name) ? ['preflight'] : [])].sort();
      expect(pair.statements.map((statement) => statement.purpose).sort(), pair.name).toEqual(expected);
    }
  });

  test('plan lists exactly the statements each pair ran, in order', () => {
    expectPlansEqualRuns(plans, results);
  });
});
