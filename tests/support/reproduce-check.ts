import { expect } from 'vitest';
import type { Engine } from '../../src/engines/engine.js';
import type { PairResult } from '../../src/results/results-model.js';

const keyOf = (key: ReadonlyArray<string | null>) => key.map((part) => part ?? 'NULL').join('|');

/** The keys each reproduce query returns, limited to the sample size, against the sampled keys. */
export async function expectReproduceQueriesMatchSamples(engine: Engine, pair: PairResult, sampleSize: number): Promise<string[]> {
  const sampled: Record<string, string[]> = {
    missing_rows: pair.samples.onlyInSource.map((s) => keyOf(s.key)),
    extra_rows: pair.samples.onlyInTarget.map((s) => keyOf(s.key)),
    value_mismatches: [...new Set(pair.samples.mismatches.map((s) => keyOf(s.key)))].slice(0, sampleSize),
    duplicate_keys: pair.samples.duplicateKeys.map((s) => keyOf(s.key)),
  };
  const checked: string[] = [];
  for (const [check, sql] of Object.entries(pair.reproduce ?? {})) {
    if (!(check in sampled)) continue;
    const result = await engine.query(`${sql}\nLIMIT ${sampleSize}`);
    const keys = result.rows.map((row) => keyOf(row.slice(0, pair.keys.length)));
    expect(keys, `reproduce query of ${pair.name} ${check}`).toEqual(sampled[check]);
    checked.push(check);
  }
  return checked;
}
