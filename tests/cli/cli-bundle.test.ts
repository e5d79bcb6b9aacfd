import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, runCli } from '../support/cli.js';

// The CLI's start-up cost is most of a run's fixed cost (README › Benchmarks): the bin runs one
// bundled file (built by the tests' global setup, as by `npm run build:lib`), DuckDB's JavaScript inside it.
describe('the CLI bundle', () => {
  const folder = path.join(REPO_ROOT, 'lib/bundle');
  // index.js and the chunks it imports when needed (DuckDB's API is one of them).
  const bundle = readdirSync(folder).filter((file) => file.endsWith('.js')).map((file) => readFileSync(path.join(folder, file), 'utf8')).join('\n');

  test('is what bin/recon-gate.js runs', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'bin/recon-gate.js'), 'utf8')).toMatch(/^import '\.\.\/lib\/bundle\/index\.js';$/m);
  });

  test('resolves only DuckDB\'s native binding at run time, not its JavaScript API', () => {
    expect(bundle.match(/createRequire\(import\.meta\.url\)\("@duckdb\/node-bindings"\)/g)).toHaveLength(1);
    expect(bundle).not.toMatch(/(import|require)\(\s*"@duckdb\/node-api"\s*\)/);
    expect(bundle).toContain('class DuckDBInstance');
  });

  test('reports the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(readFileSync(path.join(REPO_ROOT, 'lib/bundle/package.json'), 'utf8'))).toMatchObject({ name: 'recon-gate', version, type: 'module' });
    const run = runCli(['--version']);
    expect(run.stdout.trim()).toBe(`recon-gate ${version}`);
  });
});
