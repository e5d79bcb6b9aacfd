import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { startFakeGithub } from './support/fake-github.js';
import { PASSING_PAIR, pullRequestEvent, runBundle, writeConfigSet } from './support/run-bundle.js';

const FORK = 'mallory/warehouse';

/** Commits everything in the folder (a git repository from the first call) and returns the commit. */
function commitAll(folder: string): string {
  const git = (...args: string[]) => execFileSync('git', ['-C', folder, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'configs');
  return git('rev-parse', 'HEAD');
}

describe.concurrent('pull requests from forks', () => {
  test('pull_request from a fork without Databricks secrets is skipped: neutral exit 0, status SKIPPED, no connection attempt', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await runBundle({
      inputs: { 'databricks-host': 'dbc-123.cloud.databricks.com', 'databricks-http-path': '/sql/1.0/warehouses/abc', 'databricks-token': '' },
      event: pullRequestEvent(41, { headRepository: FORK }),
      apiUrl: github.url,
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toEqual({ status: 'SKIPPED' });
    expect(run.stdout).toMatch(/^::notice::Recon Gate skipped: pull request #41 comes from the fork mallory\/warehouse, and GitHub gives workflows triggered by forks no secrets/m);
    expect(run.stdout).not.toMatch(/^::error/m);
    expect(run.summary).toContain('## ⏭️ Recon Gate: SKIPPED');
    expect(github.requests).toEqual([]);
  });

  test('a pull request whose fork was deleted counts as a fork', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await runBundle({ inputs: { 'databricks-host': 'dbc-123.cloud.databricks.com' }, event: pullRequestEvent(42, { headRepository: null }), apiUrl: github.url });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SKIPPED');
    expect(run.stdout).toContain('comes from a fork that has been deleted');
  });

  test('pull_request from a fork on DuckDB needs no secret: it runs, and a read-only token only costs the comment', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { folder } = writeConfigSet(PASSING_PAIR);
    github.readOnly = true;
    const run = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', config: folder }, event: pullRequestEvent(43, { headRepository: FORK }), apiUrl: github.url });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('PASS');
    expect(run.stdout).toMatch(/^::warning::Could not post the pull request comment \(the token may not write to pull requests/m);
    expect(run.summary).toContain('## ✅ Recon Gate: PASS');
  });

  test('pull_request_target from a fork is refused: nothing runs, the step fails and says why', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { folder } = writeConfigSet(PASSING_PAIR);
    const run = await runBundle({
      inputs: { engine: 'duckdb', config: folder },
      event: pullRequestEvent(44, { headRepository: FORK, name: 'pull_request_target' }),
      apiUrl: github.url,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('ERROR');
    expect(run.outputs['report-dir']).toBeUndefined();
    expect(run.stdout).not.toMatch(/^PASS/m);
    expect(run.stdout).toMatch(/^::error::Recon Gate refusing to run on pull_request_target for pull request #44 from the fork mallory\/warehouse: its configs, filters and queries would run with this repository's warehouse credentials/m);
    expect(github.commentsOn(44)[0]!.body).toContain("Refused to run configs from a fork with this repository's credentials");
  });

  test('pull_request_target from a fork runs when allow-fork-sql is true and the workspace is the base commit, with a warning', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { folder } = writeConfigSet(PASSING_PAIR);
    const sha = commitAll(folder);
    const run = await runBundle({
      inputs: { engine: 'duckdb', charts: 'none', config: 'recon.yml', 'allow-fork-sql': 'true' },
      event: pullRequestEvent(45, { headRepository: FORK, name: 'pull_request_target' }),
      workspace: folder,
      env: { GITHUB_SHA: sha },
      apiUrl: github.url,
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('PASS');
    expect(run.stdout).toMatch(/^::warning::allow-fork-sql is true: running on pull_request_target for pull request #45 from the fork mallory\/warehouse/m);
    expect(github.commentsOn(45)[0]!.body).toContain('## ✅ Recon Gate: PASS');
  });

  test('allow-fork-sql does not hold when the workspace is the pull request head, or the head files were copied onto the base', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { folder } = writeConfigSet(PASSING_PAIR);
    const base = commitAll(folder);
    appendFileSync(path.join(folder, 'recon.yml'), '# changed by the fork\n');
    const copiedOnto = await runBundle({
      inputs: { engine: 'duckdb', charts: 'none', config: 'recon.yml', 'allow-fork-sql': 'true' },
      event: pullRequestEvent(47, { headRepository: FORK, name: 'pull_request_target' }),
      workspace: folder,
      env: { GITHUB_SHA: base },
      apiUrl: github.url,
    });
    expect(copiedOnto.code).toBe(1);
    expect(copiedOnto.stdout).toContain('although allow-fork-sql is true: tracked files in the workspace differ from the checked-out base commit');
    const head = commitAll(folder);
    const onHead = await runBundle({
      inputs: { engine: 'duckdb', charts: 'none', config: 'recon.yml', 'allow-fork-sql': 'true' },
      event: pullRequestEvent(48, { headRepository: FORK, name: 'pull_request_target' }),
      workspace: folder,
      env: { GITHUB_SHA: base },
      apiUrl: github.url,
    });
    expect(onHead.code).toBe(1);
    expect(onHead.outputs.status).toBe('ERROR');
    expect(onHead.stdout).toContain(`the workspace holds commit ${head.slice(0, 12)}, not the base commit ${base.slice(0, 12)}`);
    expect(onHead.stdout).not.toMatch(/^PASS/m);
  });

  test('pull_request_target from a branch of the same repository runs as usual', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { folder } = writeConfigSet(PASSING_PAIR);
    const run = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', config: folder }, event: pullRequestEvent(46, { name: 'pull_request_target' }), apiUrl: github.url });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('PASS');
  });
});
