import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { demoWithConfig, runCli } from '../support/cli.js';

/** The demo with one misspelt key column in its second pair. */
const misspeltDemo = () => demoWithConfig('schema-errors', (config) => config.replace('primary_key: [institution_id]', 'primary_key: [instituion_id]'));

describe('config names checked against the real schemas', () => {
  const folder = misspeltDemo();
  const line = readFileSync(path.join(folder, 'c.yml'), 'utf8').split('\n').findIndex((text) => text.includes('instituion_id')) + 1;
  const expected = `c.yml:${line}:19 dim_institution.primary_key[0]: key column \`instituion_id\` is missing in the source (it has: institution_id, institution_name, country_code, onboarded_on). Did you mean \`institution_id\`?`;

  test('run: exit 2 with file:line:column, the field and did-you-mean; the other pair still runs and reports', () => {
    const run = runCli(['run', '--config', 'c.yml', '--out', 'out', '--quiet'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(expected);
    const results = JSON.parse(readFileSync(path.join(folder, 'out/results.json'), 'utf8')) as RunResults;
    expect(results.pairs.map((pair) => [pair.name, pair.status])).toEqual([['fact_executive_summary', 'FAIL'], ['dim_institution', 'ERROR']]);
    expect(results.pairs[1]!.error!.configErrors![0]).toMatchObject({ file: 'c.yml', line, column: 19, path: 'dim_institution.primary_key[0]', hint: 'Did you mean `institution_id`?' });
  });

  test('plan: exit 2 with the same error, before any data is scanned', () => {
    const plan = runCli(['plan', '--config', 'c.yml', '--json'], { cwd: folder });
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain(expected);
    const listing = JSON.parse(plan.stdout) as { pairs: Array<{ name: string; statements: Array<{ purpose: string }> }> };
    expect(listing.pairs[1]!.statements.map((statement) => statement.purpose)).toEqual(['schema-source', 'schema-target']);
  });
});

describe('ignore_case and ignore_spaces name real string columns', () => {
  const folder = demoWithConfig('ignore-errors', (config) => config.replace('primary_key: [institution_id]', 'primary_key: [institution_id]\n    ignore_case: [institution_nme]\n    ignore_spaces: [onboarded_on]'));
  const config = readFileSync(path.join(folder, 'c.yml'), 'utf8');
  const lines = config.split('\n');
  const caseLine = lines.findIndex((text) => text.includes('institution_nme')) + 1;
  const spacesLine = lines.findIndex((text) => text.includes('ignore_spaces: [onboarded_on]')) + 1;

  test('a misspelt column gets did-you-mean at its line, a non-string column is refused; exit 2 from plan and run', () => {
    for (const args of [['plan', '--config', 'c.yml'], ['run', '--config', 'c.yml', '--out', 'out', '--quiet']]) {
      const result = runCli(args, { cwd: folder });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`c.yml:${caseLine}:19 dim_institution.ignore_case[0]: ignore_case names \`institution_nme\`, which is not a column of both sides. Did you mean \`institution_name\`?`);
      expect(result.stderr).toContain(`c.yml:${spacesLine}:21 dim_institution.ignore_spaces[0]: ignore_spaces names \`onboarded_on\`, whose type timestamp is not a string; ignore_spaces applies to text only`);
    }
  });
});
