import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readGithubRun } from '../../src/action/github-event.js';
import { sampleValuesRule } from '../../src/action/sample-values-policy.js';
import type { RunResults } from '../../src/results/results-model.js';
import { startFakeGithub } from './support/fake-github.js';
import { type BundleRun, pullRequestEvent, runBundle, tempFolder, commitAll } from './support/run-bundle.js';

const KEY = 'KEY-PLANTED-0042';
const SECRET = 'PLANTED-SECRET-7731';
const FORK = 'mallory/warehouse';

/** One pair whose planted key has a differing text cell, in a config folder of its own. */
function writePair(pairSettings = ''): string {
  const folder = tempFolder('disclosure');
  writeFileSync(path.join(folder, 'source.csv'), `id,name\n${KEY},${SECRET}\nK2,same\n`);
  writeFileSync(path.join(folder, 'target.csv'), `id,name\n${KEY},PLANTED-TARGET-4410\nK2,same\n`);
  writeFileSync(
    path.join(folder, 'recon.yml'),
    `version: 1\npairs:\n  - name: customers\n    source: { file: source.csv }\n    target: { file: target.csv }\n    primary_key: [id]\n${pairSettings}`,
  );
  return folder;
}

type Visibility = { private: boolean } | { visibility: string } | undefined;

/** A pull request event whose payload says (or does not say) how visible the repository is. */
function pullRequest(number: number, repository: Visibility, options: { headRepository?: string; name?: string } = {}) {
  const event = pullRequestEvent(number, options);
  return { ...event, payload: { ...event.payload, ...(repository ? { repository: { full_name: 'acme/warehouse', ...repository } } : {}) } };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => (statSync(path.join(folder, name)).isDirectory() ? filesUnder(path.join(folder, name)) : [path.join(folder, name)]));
}

/** Everything this run sent or left: the comment, the job summary, the log and every report file. */
function everything(run: BundleRun, comment: string | undefined): string {
  const reports = filesUnder(run.outputs['report-dir']!).filter((file) => !file.endsWith('.xlsx') && !file.endsWith('.png'));
  return [comment ?? '', run.summary, run.stdout, run.stderr, ...reports.map((file) => readFileSync(file, 'utf8'))].join('\n');
}


async function runOn(event: ReturnType<typeof pullRequest>, pairSettings: string, inputs: Record<string, string>, onTestFinished: (fn: () => Promise<void>) => void) {
  const github = await startFakeGithub(onTestFinished);
  const folder = writePair(pairSettings);
  // pull_request_target with allow-fork-sql runs only on the base commit: make the folder one.
  const env = event.name === 'pull_request_target' ? { GITHUB_SHA: commitAll(folder) } : {};
  const run = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', config: folder, ...inputs }, event, apiUrl: github.url, workspace: folder, env });
  expect(run.code, run.stdout).toBe(1);
  const comment = github.commentsOn(event.payload.number)[0]?.body;
  const results = JSON.parse(readFileSync(run.outputs['results-json']!, 'utf8')) as RunResults;
  return { run, comment, all: everything(run, comment), disclosure: results.pairs[0]!.disclosure };
}

describe.concurrent('which table values the Action posts', () => {
  test('a public repository, and a config that does not say: no key and no value anywhere', async ({ onTestFinished }) => {
    const { comment, all, disclosure } = await runOn(pullRequest(61, { private: false }), '', {}, onTestFinished);
    expect(comment).toContain('## ❌ Recon Gate: FAIL');
    expect(comment).toContain('No key or value is shown (`sample_values: none`), because the repository is public');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(SECRET);
    expect(disclosure).toEqual({ sampleValues: 'none', reason: 'the repository is public, and the config does not set sample_values' });
  });

  test('a private repository shows them, as the CLI does', async ({ onTestFinished }) => {
    const { comment, disclosure } = await runOn(pullRequest(62, { visibility: 'private' }), '', {}, onTestFinished);
    expect(comment).toContain(KEY);
    expect(comment).toContain(SECRET);
    expect(disclosure).toBeUndefined();
  });

  test('a public repository shows them when the workflow says sample-values: show, or the pair says sample_values: show', async ({ onTestFinished }) => {
    const byInput = await runOn(pullRequest(63, { visibility: 'public' }), '', { 'sample-values': 'show' }, onTestFinished);
    expect(byInput.comment).toContain(SECRET);
    const byConfig = await runOn(pullRequest(64, { private: false }), '    sample_values: show\n', {}, onTestFinished);
    expect(byConfig.comment).toContain(SECRET);
    expect(byConfig.comment).toContain(KEY);
  });

  test('the input is also the most any pair shows: keys_only keeps the values of a pair that asks for show out', async ({ onTestFinished }) => {
    const { comment, all, disclosure } = await runOn(pullRequest(65, { private: true }), '    sample_values: show\n', { 'sample-values': 'keys_only' }, onTestFinished);
    expect(comment).toContain(KEY);
    expect(all).not.toContain(SECRET);
    expect(disclosure).toEqual({ sampleValues: 'keys_only', reason: "the Action's sample-values input is keys_only" });
  });

  test('an event that does not say whether the repository is private counts as public', async ({ onTestFinished }) => {
    const { all, disclosure } = await runOn(pullRequest(66, undefined), '', {}, onTestFinished);
    expect(all).not.toContain(SECRET);
    expect(disclosure?.sampleValues).toBe('none');
  });

  test("a fork's pull request never posts a value, whatever the config and the input say", async ({ onTestFinished }) => {
    const { comment, all, disclosure } = await runOn(pullRequest(67, { private: true }, { headRepository: FORK }), '    sample_values: show\n', { 'sample-values': 'show' }, onTestFinished);
    expect(comment).toContain('## ❌ Recon Gate: FAIL');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(SECRET);
    expect(disclosure).toEqual({ sampleValues: 'none', reason: "pull request #67 comes from the fork mallory/warehouse: a fork's run never reports table values" });
  });

  test('nor does pull_request_target from a fork that allow-fork-sql lets run', async ({ onTestFinished }) => {
    const { all, disclosure } = await runOn(pullRequest(68, { private: true }, { headRepository: FORK, name: 'pull_request_target' }), '    sample_values: show\n', { 'allow-fork-sql': 'true' }, onTestFinished);
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(SECRET);
    expect(disclosure?.sampleValues).toBe('none');
  });

  test('a bad sample-values input names the input and the allowed values', async ({ onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await runBundle({ inputs: { engine: 'duckdb', 'sample-values': 'hidden' }, event: pullRequest(69, { private: true }), apiUrl: github.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('input `sample-values`: must be one of auto, show, keys_only, none, not "hidden"');
  });
});

describe('the rule, from the event', () => {
  const eventFile = (payload: object) => {
    const file = path.join(tempFolder('event'), 'event.json');
    writeFileSync(file, JSON.stringify(payload));
    return file;
  };
  const runOf = (payload: object) => readGithubRun({ GITHUB_EVENT_PATH: eventFile(payload), GITHUB_REPOSITORY: 'acme/warehouse' });

  test.each([
    [{ repository: { private: false } }, 'public'],
    [{ repository: { private: true } }, 'private'],
    [{ repository: { private: true, visibility: 'internal' } }, 'internal'],
    [{ repository: { private: false, visibility: 'PUBLIC' } }, 'public'],
    [{}, undefined],
  ])('the payload %j says the repository is %s', (payload, visibility) => {
    expect(runOf(payload).repositoryVisibility).toBe(visibility);
  });

  test('auto: configs decide, with none for pairs that do not say on a public or unknown repository; an input caps every pair; a fork forces none', () => {
    const pr = { ...pullRequest(1, { private: false }).payload };
    expect(sampleValuesRule(runOf(pr), 'auto')).toEqual({ unset: 'none', reason: 'the repository is public, and the config does not set sample_values' });
    expect(sampleValuesRule(runOf({ ...pr, repository: { private: true } }), 'auto')).toEqual({ unset: 'show' });
    expect(sampleValuesRule(runOf({ ...pr, repository: { visibility: 'internal' } }), 'auto')).toEqual({ unset: 'show' });
    expect(sampleValuesRule(runOf({}), 'auto')).toMatchObject({ unset: 'none', reason: expect.stringContaining('does not say') });
    expect(sampleValuesRule(runOf(pr), 'show')).toMatchObject({ unset: 'show', atMost: 'show' });
    expect(sampleValuesRule(runOf(pr), 'keys_only')).toMatchObject({ unset: 'keys_only', atMost: 'keys_only' });
    const fork = pullRequest(2, { private: true }, { headRepository: FORK }).payload;
    expect(sampleValuesRule(runOf(fork), 'show')).toMatchObject({ unset: 'none', atMost: 'none' });
  });
});
