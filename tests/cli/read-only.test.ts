import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { runCli, tempDir } from '../support/cli.js';

test('every statement a run sends is read-only: SELECT, WITH … SELECT or DESCRIBE', () => {
  const out = tempDir('read-only');
  runCli(['run', '--config', 'recon-configs', '--out', out, '--quiet']);
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults;
  const statements = results.pairs.flatMap((pair) => pair.statements.map((statement) => statement.sql));
  expect(statements.length).toBeGreaterThanOrEqual(10);
  for (const sql of statements) expect(sql).toMatch(/^(SELECT|WITH|DESCRIBE)\b/);
  for (const sql of Object.values(results.pairs[0]!.reproduce ?? {})) expect(sql).toMatch(/^WITH\b/);
});
