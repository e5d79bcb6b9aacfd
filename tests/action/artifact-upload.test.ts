import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { startFakeGithub } from './support/fake-github.js';
import { FakeResultsService, startFakeResultsService } from './support/fake-results-service.js';
import { pullRequestEvent, runBundle } from './support/run-bundle.js';
import { zipEntries } from './support/zip-entries.js';

function relativeFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => (statSync(path.join(folder, name)).isDirectory() ? relativeFiles(path.join(folder, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

describe.concurrent('the reports artifact: the real @actions/artifact client against a loopback results service', () => {
  const runtime = (results: FakeResultsService) => ({
    ACTIONS_RUNTIME_TOKEN: FakeResultsService.runtimeToken(),
    ACTIONS_RESULTS_URL: `${results.url}/`,
    // A stalled blob request must not hang the test run.
    ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS: '5000',
  });

  test('every report goes up as one zip, and the comment and the job summary link to it', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const results = await startFakeResultsService(onTestFinished);
    const run = await runBundle({ inputs: { engine: 'duckdb', 'retention-days': '7' }, event: pullRequestEvent(31), apiUrl: github.url, env: runtime(results) });
    expect(run.code, run.stdout).toBe(1);

    const artifact = results.artifacts.get('recon-gate-recon-configs');
    expect(artifact, `uploaded: ${[...results.artifacts.keys()].join(', ')}`).toBeDefined();
    expect(artifact!.finalized).toEqual({ size: String(artifact!.zip.length), hash: `sha256:${createHash('sha256').update(artifact!.zip).digest('hex')}` });

    const reportDir = run.outputs['report-dir']!;
    const entries = zipEntries(artifact!.zip);
    expect(entries.map((entry) => entry.name).sort()).toEqual(relativeFiles(reportDir));
    expect(entries.map((entry) => entry.name).sort()).toEqual(
      expect.arrayContaining(['results.json', 'summary.csv', 'details.csv', 'report.xlsx', 'summary.md', 'charts/row-counts.png', 'charts/row-counts.svg']),
    );
    for (const entry of entries) {
      const onDisk = readFileSync(path.join(reportDir, entry.name));
      expect(entry.data.length, entry.name).toBe(entry.size);
      // summary.md on disk is written again after the upload, with the artifact's link.
      if (entry.name === 'summary.md') {
        expect(entry.data.toString()).not.toContain('/artifacts/');
        expect(onDisk.toString()).toContain('/artifacts/4242');
      } else {
        expect(entry.size, entry.name).toBe(onDisk.length);
        expect(entry.data.equals(onDisk), entry.name).toBe(true);
      }
    }

    const url = 'https://github.com/acme/warehouse/actions/runs/9001/artifacts/4242';
    expect(run.outputs).toMatchObject({ 'artifact-id': '4242', 'artifact-url': url });
    expect(github.commentsOn(31)[0]!.body).toContain(`📦 [Reports: report.xlsx, CSV, charts, results.json](${url})`);
    expect(run.summary).toContain(`(${url})`);

    const [created] = results.createRequests;
    expect(created).toMatchObject({ name: 'recon-gate-recon-configs', workflow_run_backend_id: 'run-1', workflow_job_run_backend_id: 'job-1' });
    const days = (Date.parse(String(created!.expires_at)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.01);
    const create = results.requests.find((request) => request.url.endsWith('/CreateArtifact'));
    expect(create?.headers.authorization).toBe(`Bearer ${FakeResultsService.runtimeToken()}`);
    expect(results.requests.filter((request) => request.url.includes('comp=block&')).length).toBeGreaterThan(0);
  });

  test('on GitHub Enterprise Server the upload is skipped, the run goes on, and the log and comment say so', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const results = await startFakeResultsService(onTestFinished);
    const run = await runBundle({
      inputs: { engine: 'duckdb', charts: 'none' },
      event: pullRequestEvent(32),
      apiUrl: github.url,
      serverUrl: 'https://github.acme.internal',
      env: runtime(results),
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('FAIL');
    expect(results.requests).toEqual([]);
    expect(run.stdout).toContain('Reports not uploaded: https://github.acme.internal is a GitHub Enterprise Server');
    expect(run.stdout).not.toMatch(/^::warning::Artifact upload failed/m);
    expect(run.outputs['artifact-url']).toBeUndefined();
    expect(statSync(path.join(run.outputs['report-dir']!, 'report.xlsx')).isFile()).toBe(true);
    const comment = github.commentsOn(32)[0]!.body;
    expect(comment).toContain('> **Reports not uploaded** (skipped): https://github.acme.internal is a GitHub Enterprise Server');
    expect(comment).toContain('(https://github.acme.internal/acme/warehouse/actions/runs/9001)');
  });

  test('a refused upload (an artifact of that name exists) is a warning: the verdict stands', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const results = await startFakeResultsService(onTestFinished);
    results.createError = { status: 409, code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' };
    const run = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', 'artifact-name': 'reports' }, event: pullRequestEvent(33), apiUrl: github.url, env: runtime(results) });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('FAIL');
    expect(run.stdout).toMatch(/^::warning::Could not upload the reports as an artifact: Failed to CreateArtifact: .*409/m);
    expect(github.commentsOn(33)[0]!.body).toContain('> **Reports not uploaded** (failed)');
  });
});
