import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';
import { PASSING_PAIR, runBundle, tempFolder, writeConfigSet } from './support/run-bundle.js';

/**
 * The action as users get it: dist/ in a checkout without node_modules. `engine: duckdb` then
 * installs @duckdb/node-api from the npm registry into RUNNER_TEMP, once per job.
 */
describe('DuckDB installed on demand by the bundle alone', () => {
  test('the first step installs the pinned @duckdb/node-api into RUNNER_TEMP, a second step reuses it', async () => {
    const checkout = tempFolder('checkout');
    cpSync(path.join(REPO_ROOT, 'dist'), path.join(checkout, 'dist'), { recursive: true });
    const bundle = path.join(checkout, 'dist/index.js');
    const pinned = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['@duckdb/node-api'];
    const { folder } = writeConfigSet(PASSING_PAIR);
    const runnerTemp = tempFolder('runner-shared');
    // npm reaches the registry as it does for the developer running the tests.
    const network = Object.fromEntries(Object.entries(process.env).filter(([name]) => /^(https?_proxy|no_proxy|npm_config_.*|node_extra_ca_certs|ssl_cert_file|ssl_cert_dir)$/i.test(name)));

    const first = await runBundle({ bundle, inputs: { engine: 'duckdb', config: folder }, runnerTemp, env: network });
    expect(first.code, `${first.stdout}\n${first.stderr}`).toBe(0);
    expect(first.outputs.status).toBe('PASS');
    const installed = new RegExp(`^Installed @duckdb/node-api@${pinned!.replace(/\./g, '\\.')} into ${path.join(runnerTemp, 'recon-gate-duckdb')} in (\\d+\\.\\d) s\\.$`, 'm').exec(first.stdout);
    expect(installed, first.stdout).not.toBeNull();
    // The charts are drawn from dist/ alone too: the PNGs need resvg's WebAssembly and a font.
    expect(readFileSync(path.join(first.outputs['report-dir']!, 'charts/row-counts.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(first.stdout).not.toContain('could not be drawn');
    // The version comes from dist/package.json: no repository package.json is beside this copy.
    const results = JSON.parse(readFileSync(first.outputs['results-json']!, 'utf8')) as { tool: { version: string } };
    expect(results.tool.version).toBe((JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    console.info(`on-demand install of @duckdb/node-api@${pinned}: ${installed![1]} s`);

    const second = await runBundle({ bundle, inputs: { engine: 'duckdb', charts: 'none', config: folder }, runnerTemp, env: network });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Using @duckdb/node-api@${pinned} installed earlier in this job`);
  }, 180_000);
});
