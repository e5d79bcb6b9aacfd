import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { expandConfigGlobs } from '../../src/config/config-globs.js';
import { REPO_ROOT, runCli, tempDir } from '../support/cli.js';

describe('recon-gate init', () => {
  test('on the demo tables it proposes the demo’s real key, and the config it writes runs', () => {
    const folder = tempDir('init');
    cpSync(path.join(REPO_ROOT, 'demo-data'), path.join(folder, 'demo-data'), { recursive: true });
    const init = runCli(['init', '--source', 'legacy.fact_executive_summary', '--target', 'lakehouse.fact_executive_summary', '--mount', 'demo-data'], { cwd: folder });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('wrote recon-configs/fact_executive_summary.yml (key date_key, institution_id, corporation_id, product_id;');
    const text = readFileSync(path.join(folder, 'recon-configs/fact_executive_summary.yml'), 'utf8');
    const config = parse(text) as { duckdb: { mount: string }; pairs: Array<{ primary_key: string[]; source: unknown }> };
    expect(config.pairs[0]!.primary_key).toEqual(['date_key', 'institution_id', 'corporation_id', 'product_id']);
    expect(config.duckdb.mount).toBe('../demo-data');
    expect(text).toContain('# together unique and never NULL on both sides (1800 and 1799 rows); no column alone is');
    // The starter config is a real config: it runs and finds the demo's defects.
    const run = runCli(['run', '--config', 'recon-configs', '--out', 'out', '--quiet'], { cwd: folder });
    expect(run.code).toBe(1);
    const results = JSON.parse(readFileSync(path.join(folder, 'out/results.json'), 'utf8')) as { pairs: Array<{ checks: Array<{ check: string; measured: number }> }> };
    expect(results.pairs[0]!.checks.find((check) => check.check === 'missing_rows')!.measured).toBe(3);
  });

  test('a renamed column becomes a column_map entry and a float column gets a tolerance; a keyless table says why', () => {
    const folder = tempDir('init-map');
    writeFileSync(path.join(folder, 'old.csv'), 'cust_no,amount,ratio\n1,10,0.5\n2,20,0.25\n2,20,0.25\n');
    writeFileSync(path.join(folder, 'new.csv'), 'custno,amount,ratio\n1,10,0.5\n2,20,0.25\n2,20,0.25\n');
    const init = runCli(['init', '--source', 'old.csv', '--target', 'new.csv', '--out', 'c.yml'], { cwd: folder });
    expect(init.code, init.stderr).toBe(0);
    const text = readFileSync(path.join(folder, 'c.yml'), 'utf8');
    const pair = (parse(text) as { pairs: Array<Record<string, unknown>> }).pairs[0]!;
    expect(pair.column_map).toEqual({ cust_no: 'custno' });
    expect(pair.tolerances).toEqual({ ratio: { rel: 0.000000001 } });
    expect(pair.primary_key).toBeUndefined();
    expect(text).toContain('# No key proposed: no combination of up to 6 non-NULL columns is unique on both sides');
    // An existing file is not replaced without --force.
    const again = runCli(['init', '--source', 'old.csv', '--target', 'new.csv', '--out', 'c.yml'], { cwd: folder });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('c.yml exists; pass --force to replace it');
  });

  test('a side that does not exist is a config error, exit 2', () => {
    const folder = tempDir('init-missing');
    const init = runCli(['init', '--source', 'nope.parquet', '--target', 'also-nope.parquet', '--out', 'c.yml'], { cwd: folder });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('no file `nope.parquet`');
  });
});

describe('--version and --config globs', () => {
  test('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: `recon-gate ${version}\n` });
  });

  test('globs expand to the YAML files and folders they match; nothing else is printed', () => {
    const folder = tempDir('globs');
    mkdirSync(path.join(folder, 'a/b'), { recursive: true });
    for (const file of ['a/one.yml', 'a/b/two.yaml', 'a/b/notes.txt', 'three.yml']) writeFileSync(path.join(folder, file), '');
    const all = expandConfigGlobs([`${folder}/**/*.y*ml`]);
    expect(all.paths.map((file) => path.relative(folder, file))).toEqual(['a/b/two.yaml', 'a/one.yml', 'three.yml']);
    expect(expandConfigGlobs([`${folder}/a/*.yml`]).paths.map((file) => path.relative(folder, file))).toEqual(['a/one.yml']);
    expect(expandConfigGlobs([`${folder}/none/*.yml`])).toEqual({ paths: [], unmatched: [`${folder}/none/*.yml`] });
    const validate = runCli(['validate', '--config', 'recon-configs/*.yml']);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/^1 config file, 2 pairs: valid\n/);
  });
});
