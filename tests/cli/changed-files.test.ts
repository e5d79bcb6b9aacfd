import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { runCli, tempDir } from '../support/cli.js';
import { demoConfigCopy } from '../support/plant-defect.js';

describe('run --changed-files: only the pairs a change touches', () => {
  const { configDir } = demoConfigCopy(tempDir('changed-configs'));
  const config = path.join(configDir, 'card-portfolio.yml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('    primary_key: [institution_id]', "    primary_key: [institution_id]\n    paths: ['dbt/models/dim_institution.sql']"));
  const run = (changed: string[]) => {
    const list = path.join(tempDir('changed-list'), 'changed.txt');
    writeFileSync(list, `${changed.join('\n')}\n`);
    const out = tempDir('changed-out');
    const result = runCli(['run', '--config', configDir, '--out', out, '--changed-files', list]);
    return { ...result, results: JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults };
  };

  test('a file matching a pair\'s paths runs that pair; a pair without paths is skipped', () => {
    const { code, stderr, results } = run(['dbt/models/dim_institution.sql', 'README.md']);
    expect(code, stderr).toBe(0);
    expect(results.pairs.map((pair) => pair.name)).toEqual(['dim_institution']);
    expect(stderr).toContain('only changed: 1 of 2 pairs ran (2 changed files, from');
  });

  test('a change to the config file runs every pair in it', () => {
    const { results } = run([path.relative(process.cwd(), config)]);
    expect(results.pairs.map((pair) => pair.name)).toEqual(['fact_executive_summary', 'dim_institution']);
    expect(results.onlyChanged!.ran[0]!.why).toMatch(/^its config .*card-portfolio\.yml changed$/);
  });
});
