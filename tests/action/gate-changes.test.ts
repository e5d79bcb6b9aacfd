import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { demoConfigCopy } from '../support/plant-defect.js';
import { startFakeGithub } from './support/fake-github.js';
import { pullRequestEvent, runBundle, tempFolder } from './support/run-bundle.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A repository whose main holds the demo configs; the pull request's working tree raises a threshold. */
function repositoryWithRaisedThreshold(): { repository: string; baseSha: string } {
  const repository = tempFolder('gate-repo');
  git(repository, 'init', '-q', '-b', 'main');
  git(repository, 'config', 'user.email', 'ci@example.com');
  git(repository, 'config', 'user.name', 'CI');
  demoConfigCopy(path.join(repository, 'recon-configs'));
  git(repository, 'add', '-A');
  git(repository, 'commit', '-q', '-m', 'base');
  const baseSha = git(repository, 'rev-parse', 'HEAD');
  const config = path.join(repository, 'recon-configs/card-portfolio.yml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('missing_rows: { max_percent: 0.5 }', 'missing_rows: { max_percent: 1 }'));
  return { repository, baseSha };
}

const CHANGE = 'fact_executive_summary missing_rows: threshold raised from max_percent 0.5 to max_percent 1';

describe.concurrent('gate changes: the pull request\'s configs against its base commit, read with git by the bundled action', () => {
  const inputs = { engine: 'duckdb', charts: 'none', 'fail-on': 'never' };

  test('raising a threshold is called out: a heading in the comment, an annotation at the pair, results.json', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { repository, baseSha } = repositoryWithRaisedThreshold();
    const run = await runBundle({ inputs, event: pullRequestEvent(41, { baseSha }), apiUrl: github.url, workspace: repository });
    expect(run.code, run.stdout).toBe(0);
    const body = github.commentsOn(41)[0]!.body;
    expect(body).toContain('**🔓 This change loosens its own gate:** 1 change vs main; listed for review; it does not fail the check.');
    expect(body).toContain('### 🔓 Gate loosened vs main');
    expect(body).toContain('(recon-configs/card-portfolio.yml line 14)');
    expect(run.stdout).toContain(`::warning title=Recon Gate%3A gate loosened,file=recon-configs/card-portfolio.yml,line=14::${CHANGE}`);
    const results = JSON.parse(readFileSync(run.outputs['results-json']!, 'utf8')) as { gateChanges: { baseFiles: string[]; loosened: unknown[] } };
    expect(results.gateChanges.baseFiles).toEqual(['recon-configs/card-portfolio.yml']);
    expect(results.gateChanges.loosened).toHaveLength(1);
  });

  test('fail-on-loosened fails the step until the pull request carries the label', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { repository, baseSha } = repositoryWithRaisedThreshold();
    const strict = { ...inputs, 'fail-on-loosened': 'true' };
    const refused = await runBundle({ inputs: strict, event: pullRequestEvent(42, { baseSha }), apiUrl: github.url, workspace: repository });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`::error::Recon Gate: this change loosens its own gate against main (1 change: ${CHANGE}); fail-on-loosened fails it until the label recon-gate:allow-loosening allows it.`);
    expect(github.commentsOn(42)[0]!.body).toContain('this fails the check until the label recon-gate:allow-loosening allows it');

    const allowed = await runBundle({ inputs: strict, event: pullRequestEvent(42, { baseSha, labels: ['migration', 'recon-gate:allow-loosening'] }), apiUrl: github.url, workspace: repository });
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(github.commentsOn(42)[0]!.body).toContain('allowed by the label recon-gate:allow-loosening');
  });

  test('a shallow checkout without the base commit fetches that one commit', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { repository: upstream, baseSha } = repositoryWithRaisedThreshold();
    git(upstream, 'commit', '-q', '-am', 'raise the threshold');
    const checkout = tempFolder('gate-shallow');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${upstream}`, checkout]);
    expect(() => git(checkout, 'cat-file', '-e', `${baseSha}^{commit}`)).toThrow();
    const run = await runBundle({ inputs, event: pullRequestEvent(43, { baseSha }), apiUrl: github.url, workspace: checkout });
    expect(run.stdout).toContain(`Compared the configs and waivers with main (${baseSha.slice(0, 12)})`);
    expect(github.commentsOn(43)[0]!.body).toContain('### 🔓 Gate loosened vs main');
  });

  test('a base commit that is nowhere: a warning, and the run goes on', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { repository } = repositoryWithRaisedThreshold();
    const run = await runBundle({ inputs, event: pullRequestEvent(44, { baseSha: 'f'.repeat(40) }), apiUrl: github.url, workspace: repository });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning::Recon Gate: gate changes not listed: the base commit ffffffffffff is not in the checkout and could not be fetched .*set `fetch-depth: 0` on actions\/checkout\./);
    expect(github.commentsOn(44)[0]!.body).not.toContain('🔓');
  });
});
