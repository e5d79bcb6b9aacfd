import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openEngine } from '../../src/backends/registry.js';
import { runSuite } from '../../src/recon/run-suite.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb-dialect.js';
import { ADVERSARIAL_CORPUS, PLAIN_SUBQUERY_FILTER } from './adversarial-corpus.js';
import { PLANTED_SECRET, configPastTheGuard, fillPlaceholders, loadAdversarialConfig, makePlayground } from './containment-support.js';

const TABLES = { source: 'main.src', target: 'main.tgt' };
const cases = ADVERSARIAL_CORPUS.filter((testCase) => !testCase.engines || testCase.engines.includes('duckdb'));

async function runOnDuckdb(config: Parameters<typeof runSuite>[0]) {
  const engine = await openEngine({ engine: 'duckdb', config });
  try {
    return await runSuite(config, { engine, dialect: duckdbDialect });
  } finally {
    await engine.close();
  }
}

describe('adversarial SQL in a config, on DuckDB', () => {
  test.each(cases.map((testCase) => [testCase.name, testCase] as const))('the loader: %s', (_name, testCase) => {
    const playground = makePlayground();
    const { errors } = loadAdversarialConfig(testCase, fillPlaceholders(testCase.sql, playground, TABLES.source), TABLES, playground);
    if (testCase.guard === 'refused') {
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ path: `pairs[0].source.${testCase.field}`, line: 6 });
      expect(errors[0]!.message).toMatch(new RegExp(`^${testCase.field} refused: `));
    } else {
      expect(errors).toEqual([]);
    }
  });

  test.each(cases.map((testCase) => [testCase.name, testCase] as const))('the engine alone, guard bypassed: %s', async (_name, testCase) => {
    const playground = makePlayground();
    const config = configPastTheGuard(testCase, fillPlaceholders(testCase.sql, playground, TABLES.source), TABLES, playground);
    const results = await runOnDuckdb(config);
    const pair = results.pairs[0]!;
    expect(existsSync(playground.outFile), 'a file was written').toBe(false);
    expect(JSON.stringify(results)).not.toContain(PLANTED_SECRET);
    if (testCase.engineRuns?.includes('duckdb')) {
      expect(pair.error).toBeUndefined();
      expect(pair.checks.find((check) => check.check === 'value_mismatches')?.measured).toBe(1);
    } else {
      expect(pair.status).toBe('ERROR');
      expect(pair.error!.message.length).toBeGreaterThan(10);
    }
  });

  test('a stacked statement is refused by DuckDB’s own parser before anything runs', async () => {
    const playground = makePlayground();
    const testCase = ADVERSARIAL_CORPUS[0]!;
    const config = configPastTheGuard(testCase, fillPlaceholders(testCase.sql, playground, TABLES.source), TABLES, playground);
    const pair = (await runOnDuckdb(config)).pairs[0]!;
    expect(pair.error).toMatchObject({ kind: 'refused', step: 'schema-source' });
    expect(pair.error!.message).toContain('was not run');
  });

  test('a file outside the sources is refused by the lockdown, naming the file', async () => {
    const playground = makePlayground();
    const testCase = ADVERSARIAL_CORPUS.find((entry) => entry.name.startsWith('a string as a table'))!;
    const config = configPastTheGuard(testCase, fillPlaceholders(testCase.sql, playground, TABLES.source), TABLES, playground);
    const pair = (await runOnDuckdb(config)).pairs[0]!;
    expect(pair.error).toMatchObject({ kind: 'refused' });
    expect(pair.error!.message).toContain(`Cannot access file "${playground.secretFile}"`);
    expect(pair.error!.message).toContain('reads only the configured `file:` sources');
  });

  test('a plain subquery filter still works', async () => {
    const playground = makePlayground();
    const { errors, config } = loadAdversarialConfig({ name: 'plain', field: 'filter', sql: '', guard: 'passes' }, fillPlaceholders(PLAIN_SUBQUERY_FILTER, playground, TABLES.source), TABLES, playground);
    expect(errors).toEqual([]);
    const pair = (await runOnDuckdb(config!)).pairs[0]!;
    expect(pair.error).toBeUndefined();
    expect(pair.checks.find((check) => check.check === 'extra_rows')?.measured).toBe(2);
  });

  test.each([
    ['../outside.csv', 'source', 'file'],
    ['/etc/*.csv', 'source', 'file'],
  ])('a file: path outside the checkout and the config folder is refused where it is written: %s', (given) => {
    const playground = makePlayground();
    const text = `version: 1\npairs:\n  - name: p\n    source: { file: ${JSON.stringify(given)} }\n    target: { file: data/tgt.csv }\n    primary_key: [id]\n`;
    const errors = loadConfigTextIn(playground.folder, text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'pairs[0].source.file', line: 4 });
    expect(errors[0]!.message).toContain('outside the working directory and the config\'s folder');
  });
});

import { loadConfigText } from '../../src/config/load-config.js';

function loadConfigTextIn(folder: string, text: string) {
  return loadConfigText(text, path.join(folder, 'p.yml')).errors;
}
