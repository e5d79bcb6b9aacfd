import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';
import { tempFolder } from './support/run-bundle.js';

function files(folder: string, prefix = ''): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => (statSync(path.join(folder, name)).isDirectory() ? files(path.join(folder, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

describe('dist/', () => {
  // lib/ is compiled from src/ by the test run's global setup; bundling it again must give dist/ byte for byte.
  test('is what `npm run build:dist` makes from the current sources (run it and commit dist/ when this fails)', () => {
    const rebuilt = tempFolder('dist');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/action/build-dist.mjs'), rebuilt], { cwd: REPO_ROOT, stdio: 'pipe' });
    const committed = path.join(REPO_ROOT, 'dist');
    expect(files(committed)).toEqual(files(rebuilt));
    const stale = files(rebuilt).filter((file) => !readFileSync(path.join(rebuilt, file)).equals(readFileSync(path.join(committed, file))));
    expect(stale, `stale in dist/: ${stale.join(', ')}; run npm run build:dist`).toEqual([]);
  }, 180_000);

  test('holds no native module: .node binaries are per platform and DuckDB alone is ~70 MB', () => {
    const committed = path.join(REPO_ROOT, 'dist');
    expect(files(committed).filter((file) => file.endsWith('.node'))).toEqual([]);
    const bundle = readFileSync(path.join(committed, 'index.js'), 'utf8');
    expect(bundle).not.toContain('DuckDBInstance.create = ');
    expect(JSON.parse(readFileSync(path.join(committed, 'package.json'), 'utf8'))).toMatchObject({ type: 'module', name: 'recon-gate' });
  });
});
