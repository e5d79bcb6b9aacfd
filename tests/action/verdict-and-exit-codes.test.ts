import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { type FakeGithub, startFakeGithub } from './support/fake-github.js';
import { FAILING_PAIR, PASSING_PAIR, pullRequestEvent, runBundle, WARNING_PAIR, writeConfigSet } from './support/run-bundle.js';

function annotationLines(stdout: string, level: 'error' | 'warning'): string[] {
  return stdout.split('\n').filter((line) => line.startsWith(`::${level}`));
}

describe.concurrent('the step passes or fails by the verdict and fail-on', () => {
  /** A push event: the step's verdict alone, and proof that no comment is even looked for. */
  const runOn = (github: FakeGithub, pairs: string, inputs: Record<string, string> = {}) => {
    const { folder } = writeConfigSet(pairs);
    return runBundle({ inputs: { engine: 'duckdb', charts: 'none', config: 'recon.yml', ...inputs }, workspace: folder, apiUrl: github.url, event: { name: 'push', payload: { ref: 'refs/heads/main' } } });
  };

  test('every pair passes: exit 0, status PASS, no annotation', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await runOn(github, PASSING_PAIR);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'PASS', 'pairs-failed': '0', 'mismatched-rows': '0' });
    expect(annotationLines(run.stdout, 'error')).toEqual([]);
    expect(annotationLines(run.stdout, 'warning')).toEqual([]);
    expect(run.summary).toContain('## ✅ Recon Gate: PASS');
  });

  test('a warning passes with fail-on: fail, and fails with fail-on: warn; either way a warning annotation marks the pair', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const lenient = await runOn(github, WARNING_PAIR);
    expect(lenient.code, lenient.stdout).toBe(0);
    expect(lenient.outputs.status).toBe('WARN');
    expect(annotationLines(lenient.stdout, 'warning')).toEqual([
      expect.stringMatching(/^::warning title=Recon Gate%3A fact_missing_rows WARN,file=recon\.yml,line=5,col=5::fact_missing_rows: missing_rows WARN: 3 source rows/),
    ]);

    const strict = await runOn(github, WARNING_PAIR, { 'fail-on': 'warn' });
    expect(strict.code).toBe(1);
    expect(strict.outputs.status).toBe('WARN');
    expect(annotationLines(strict.stdout, 'error')).toEqual(['::error::Recon Gate: WARN (1 WARN of 1 pairs; fail-on: warn).']);
  });

  test('a failing pair fails the step (exit 1), unless fail-on: never', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const failing = await runOn(github, `${PASSING_PAIR}${FAILING_PAIR}`);
    expect(failing.code).toBe(1);
    expect(failing.outputs).toMatchObject({ status: 'FAIL', 'pairs-failed': '1' });
    expect(annotationLines(failing.stdout, 'error')).toEqual([
      expect.stringMatching(/^::error title=Recon Gate%3A fact_extra_rows FAIL,file=recon\.yml,line=9,col=5::fact_extra_rows: extra_rows FAIL: 2 target rows/),
      '::error::Recon Gate: FAIL (1 FAIL of 2 pairs; fail-on: fail).',
    ]);

    const reportOnly = await runOn(github, FAILING_PAIR, { 'fail-on': 'never' });
    expect(reportOnly.code).toBe(0);
    expect(reportOnly.outputs.status).toBe('FAIL');
  });

  test('a push event writes the job summary only: no request to GitHub at all, and the log says why', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await runOn(github, PASSING_PAIR);
    expect(github.requests).toEqual([]);
    expect(run.stdout).toContain('The push event has no pull request to comment on: the report goes to the job summary only.');
    expect(run.outputs['comment-url']).toBeUndefined();
  });

  test('a config error fails the step, annotates each error at its file and line, and comments on the pull request', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const workspace = writeConfigSet(PASSING_PAIR).folder;
    writeFileSync(
      path.join(workspace, 'broken.yml'),
      'version: 1\npairs:\n  - name: orders\n    source: { table: legacy.orders }\n    target: { table: lakehouse.orders }\n    primary_key: [id]\n    treshold: 3\n  - name: customers\n    source: { table: a.b }\n    target: { table: a.c }\n    checks: [row_cont]\n',
    );
    const run = await runBundle({ inputs: { engine: 'duckdb', config: 'broken.yml, recon.yml' }, workspace, apiUrl: github.url, event: pullRequestEvent(21) });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ status: 'ERROR', 'comment-url': expect.stringContaining('#issuecomment-') });
    const errors = annotationLines(run.stdout, 'error');
    expect(errors).toEqual([
      expect.stringMatching(/^::error title=Recon Gate%3A config error in pairs\[0\]\.treshold,file=broken\.yml,line=7,col=5::unknown key `treshold`\. Did you mean `thresholds`\?/),
      expect.stringMatching(/^::error title=Recon Gate%3A config error in pairs\[1\]\.checks\[0\],file=broken\.yml,line=11,col=14::`row_cont` is not allowed\. Did you mean `row_count`\?/),
      '::error::Recon Gate: 2 config errors; nothing was run. The annotations show each one at its file and line.',
    ]);
    const [comment] = github.commentsOn(21);
    expect(comment!.body.split('\n').slice(0, 4)).toEqual(['<!-- recon-gate:broken.yml-recon.yml -->', '## ⛔ Recon Gate: ERROR', '', '**2 config errors; nothing was run**']);
    expect(comment!.body).toContain('- **broken.yml:7:5** (pairs&#91;0&#93;.treshold): unknown key &#96;treshold&#96;.');
    expect(run.summary).toContain('**2 config errors; nothing was run**');
  });

  test('a bad input fails the step with a message that names the input, before anything runs', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const run = await runOn(github, PASSING_PAIR, { 'fail-on': 'sometimes' });
    expect(run.code).toBe(1);
    expect(annotationLines(run.stdout, 'error')).toEqual(['::error::input `fail-on`: must be one of fail, warn, new, never, not "sometimes"']);
    expect(run.outputs).toEqual({});
    const timeout = await runOn(github, PASSING_PAIR, { 'statement-timeout': '-5' });
    expect(annotationLines(timeout.stdout, 'error')).toEqual(['::error::input `statement-timeout`: must be a positive number, not "-5"']);
    const glob = await runOn(github, PASSING_PAIR, { config: 'nothing-here/**/*.yml' });
    expect(annotationLines(glob.stdout, 'error')).toEqual(['::error::input `config`: the glob "nothing-here/**/*.yml" matches no .yml or .yaml file']);
  });

  test('a glob in config finds the YAML files it matches', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { folder } = writeConfigSet(PASSING_PAIR, 'passing.yml');
    writeFileSync(path.join(folder, 'warning.yml'), `version: 1\nduckdb:\n  mount: demo-data\npairs:\n${WARNING_PAIR}`);
    writeFileSync(path.join(folder, 'notes.txt'), 'not a config');
    const run = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', config: '*.yml' }, workspace: folder, apiUrl: github.url });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('WARN');
    expect(run.stdout).toMatch(/PASS {2}dim_institution/);
    expect(run.stdout).toMatch(/WARN {2}fact_missing_rows/);
  });

  test('Databricks without credentials (not a fork) is an error with a clear message, never a silent pass', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const { folder } = writeConfigSet(PASSING_PAIR);
    const run = await runBundle({
      inputs: { config: folder, 'databricks-host': 'dbc-123.cloud.databricks.com', 'databricks-http-path': '/sql/1.0/warehouses/abc' },
      apiUrl: github.url,
      event: pullRequestEvent(22),
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('ERROR');
    expect(annotationLines(run.stdout, 'error')).toEqual([
      '::error::Recon Gate could not open the databricks engine: no Databricks credentials: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for a service principal',
    ]);
    expect(github.commentsOn(22)[0]!.body).toContain('## ⛔ Recon Gate: ERROR');
  });

  test('more failing pairs than GitHub shows: the worst first, then one annotation that counts the rest', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const pairs = Array.from({ length: 12 }, (_, i) => FAILING_PAIR.replace('fact_extra_rows', `fact_extra_rows_${String(i).padStart(2, '0')}`)).join('');
    const run = await runOn(github, pairs);
    const errors = annotationLines(run.stdout, 'error');
    // 8 pairs + "4 more" + setFailed's own: GitHub shows 10 errors per step.
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 8).every((line) => /file=recon\.yml,line=\d+/.test(line))).toBe(true);
    expect(errors[8]).toBe('::error title=Recon Gate%3A 4 more errors::4 more errors than GitHub shows per step are listed in the job summary.');
    expect(errors[9]).toBe('::error::Recon Gate: FAIL (12 FAIL of 12 pairs; fail-on: fail).');
  });
});
