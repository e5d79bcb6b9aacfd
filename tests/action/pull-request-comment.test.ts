import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { type FakeGithub, startFakeGithub } from './support/fake-github.js';
import {
  FAKE_DATABRICKS_TOKEN,
  FAKE_GITHUB_TOKEN,
  FAILING_PAIR,
  PASSING_PAIR,
  pullRequestEvent,
  runBundle,
  writeConfigSet,
} from './support/run-bundle.js';

const DEMO_MARKER = '<!-- recon-gate:recon-configs -->';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

// Each test has its own fake GitHub, so the tests (each a few runs of the bundle) run side by side.
describe.concurrent('the sticky pull request comment, from the bundled action on the DuckDB demo', () => {
  const demo = (github: FakeGithub, number: number, inputs: Record<string, string> = {}, serverUrl?: string) =>
    runBundle({ inputs: { engine: 'duckdb', charts: 'none', ...inputs }, event: pullRequestEvent(number), apiUrl: github.url, serverUrl });

  test('the first run creates one comment: marker first, then the verdict; the next push updates that comment', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const first = await demo(github, 7);
    expect(first.code, first.stdout).toBe(1);
    const [comment, ...others] = github.commentsOn(7);
    expect(others).toHaveLength(0);
    expect(comment!.login).toBe('github-actions[bot]');
    const lines = comment!.body.split('\n');
    expect(lines[0]).toBe(DEMO_MARKER);
    expect(lines[1]).toBe('## ❌ Recon Gate: FAIL');
    expect(comment!.body).toContain('**2 pairs: 1 ✅ passed, 1 ❌ failed**');
    expect(comment!.body).toContain('🔗 [Workflow run](https://github.com/acme/warehouse/actions/runs/9001)');
    expect(first.outputs['comment-url']).toBe(`https://github.com/acme/warehouse/pull/7#issuecomment-${comment!.id}`);

    const second = await demo(github, 7);
    expect(second.code).toBe(1);
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.commentsOn(7)[0]!.id).toBe(comment!.id);
    expect(github.writes().map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /repos/acme/warehouse/issues/7/comments',
      `PATCH /repos/acme/warehouse/issues/comments/${comment!.id}`,
    ]);
    expect(second.stdout).toContain(`Pull request comment updated: ${second.outputs['comment-url']}`);
  });

  test("a comment by someone else that carries the same marker is left alone, and ours is created beside it", async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const planted = github.addComment(8, 'mallory', `${DEMO_MARKER}\nI quoted your marker`);
    await demo(github, 8);
    await demo(github, 8);
    const comments = github.commentsOn(8);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toEqual(planted);
    expect(comments[0]!.body).toBe(`${DEMO_MARKER}\nI quoted your marker`);
    expect(comments[1]!.login).toBe('github-actions[bot]');
    expect(github.requests.some((request) => request.method === 'PATCH' && request.url.endsWith(`/comments/${planted.id}`))).toBe(false);
  });

  test('two config sets on one pull request keep two comments, each updated by its own set', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const passing = writeConfigSet(PASSING_PAIR);
    const failing = writeConfigSet(FAILING_PAIR);
    await demo(github, 9, { config: passing.folder });
    await demo(github, 9, { config: failing.folder });
    await demo(github, 9, { config: passing.folder });
    const comments = github.commentsOn(9);
    expect(comments).toHaveLength(2);
    expect(comments.map((comment) => comment.body.split('\n')[1])).toEqual(['## ✅ Recon Gate: PASS', '## ❌ Recon Gate: FAIL']);
    expect(new Set(comments.map((comment) => comment.body.split('\n')[0])).size).toBe(2);
  });

  test('the comment list is read page by page: our comment after 120 others is found and updated', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    for (let i = 0; i < 120; i++) github.addComment(10, i % 2 ? 'reviewer' : 'github-actions[bot]', `comment ${i}`);
    const ours = github.addComment(10, 'github-actions[bot]', `${DEMO_MARKER}\nan older report`);
    await demo(github, 10);
    const requests = github.requests;
    expect(requests.filter((request) => request.url.startsWith('/repos/acme/warehouse/issues/10/comments')).map((request) => request.url)).toEqual([
      '/repos/acme/warehouse/issues/10/comments?per_page=100',
      '/repos/acme/warehouse/issues/10/comments?per_page=100&page=2',
    ]);
    expect(requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.url}`)).toEqual([`PATCH /repos/acme/warehouse/issues/comments/${ours.id}`]);
    expect(github.commentsOn(10)).toHaveLength(121);
    expect(ours.body).toContain('## ❌ Recon Gate: FAIL');
  });

  test("with a personal access token the comment is the token user's: the bot's comments are not ours", async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    github.userLogin = 'release-captain';
    github.addComment(11, 'github-actions[bot]', `${DEMO_MARKER}\nwritten with the default token`);
    await demo(github, 11);
    await demo(github, 11);
    expect(github.commentsOn(11).map((comment) => comment.login)).toEqual(['github-actions[bot]', 'release-captain']);
  });

  test('links are built from GITHUB_SERVER_URL and every request goes to GITHUB_API_URL', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await demo(github, 12, {}, 'https://acme.ghe.com');
    expect(github.commentsOn(12)[0]!.body).toContain('(https://acme.ghe.com/acme/warehouse/actions/runs/9001)');
    expect(run.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    expect(github.requests.every((request) => request.headers.host === new URL(github.url).host)).toBe(true);
  });

  test('comment: off posts nothing; comment: new adds a comment on every run', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const off = await demo(github, 13, { comment: 'off' });
    expect(github.requests).toEqual([]);
    expect(off.outputs['comment-url']).toBeUndefined();
    await demo(github, 14, { comment: 'new' });
    await demo(github, 14, { comment: 'new' });
    expect(github.commentsOn(14)).toHaveLength(2);
  });

  test('the outputs, the job summary and the annotations of the demo run', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await demo(github, 15);
    expect(run.outputs).toMatchObject({ status: 'FAIL', 'pairs-failed': '1', 'mismatched-rows': '4' });
    expect(run.outputs['report-dir']).toBe(path.join(run.runnerTemp, 'recon-gate', 'recon-configs'));
    for (const name of ['results-json', 'summary-markdown', 'workbook']) expect(statSync(run.outputs[name]!).size).toBeGreaterThan(0);
    expect(run.outputs['artifact-id']).toBeUndefined();

    expect(run.summary.startsWith('## ❌ Recon Gate: FAIL\n')).toBe(true);
    expect(run.summary).not.toContain('<!-- recon-gate:');
    expect(run.summary).toContain('> **Reports not uploaded** (skipped)');

    const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning)/.test(line));
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatch(/^::error title=Recon Gate%3A fact_executive_summary FAIL,file=recon-configs\/card-portfolio.yml,line=14,col=5::fact_executive_summary: row_count FAIL: /);
    expect(annotations[1]).toBe('::error::Recon Gate: FAIL (1 FAIL of 2 pairs; fail-on: fail).');
  });

  test('secrets: masked in the log, never in outputs, files, the summary or requests, except as the Authorization header', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await demo(github, 16, { 'databricks-token': FAKE_DATABRICKS_TOKEN, 'databricks-client-secret': `${FAKE_DATABRICKS_TOKEN}-sp` });
    expect(run.code).toBe(1);
    const stdoutLines = run.stdout.split('\n');
    expect(stdoutLines.slice(0, 3)).toEqual([`::add-mask::${FAKE_GITHUB_TOKEN}`, `::add-mask::${FAKE_DATABRICKS_TOKEN}`, `::add-mask::${FAKE_DATABRICKS_TOKEN}-sp`]);

    const places: Array<[string, string]> = [
      ['stdout without its add-mask lines', stdoutLines.filter((line) => !line.startsWith('::add-mask::')).join('\n')],
      ['stderr', run.stderr],
      ['outputs', JSON.stringify(run.outputs)],
      ['job summary', run.summary],
      ...filesUnder(run.runnerTemp).map((file): [string, string] => [file, readFileSync(file).toString('latin1')]),
    ];
    expect(github.requests.length).toBeGreaterThan(0);
    for (const request of github.requests) {
      expect(request.headers.authorization).toBe(`token ${FAKE_GITHUB_TOKEN}`);
      const { authorization: _authorization, ...headers } = request.headers;
      places.push([`${request.method} ${request.url}`, `${request.url}\n${JSON.stringify(headers)}\n${request.body}`]);
    }
    for (const [where, text] of places) {
      for (const secret of [FAKE_GITHUB_TOKEN, FAKE_DATABRICKS_TOKEN]) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
    }
  });
});
