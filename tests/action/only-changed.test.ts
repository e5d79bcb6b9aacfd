import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { startFakeGithub } from './support/fake-github.js';
import { FAILING_PAIR, PASSING_PAIR, pullRequestEvent, runBundle, writeConfigSet } from './support/run-bundle.js';

/** Two config files: the fact pair follows migrations/fact/, the dimension pair migrations/dim/. */
function configSet(): string {
  const { folder } = writeConfigSet(`${FAILING_PAIR}    paths: ['migrations/fact/**']\n`, 'fact.yml');
  writeFileSync(path.join(folder, 'dim.yml'), `version: 1\nduckdb:\n  mount: demo-data\npairs:\n${PASSING_PAIR}    paths: ['migrations/dim/**', 'models/dim_*.sql']\n`);
  return folder;
}

const unrelated = Array.from({ length: 149 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'modified' }));

describe.concurrent('only-changed: the pairs a pull request touches, from its files through the REST API', () => {
  const run = async (onTestFinished: (cleanup: () => Promise<void>) => void, files: Array<{ filename: string; status: string; previous_filename?: string }>, event = pullRequestEvent(51)) => {
    const github = await startFakeGithub(onTestFinished);
    github.pullRequestFiles.set(51, files);
    const result = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', config: configSet(), 'only-changed': 'true' }, event, apiUrl: github.url });
    const results = JSON.parse(readFileSync(result.outputs['results-json']!, 'utf8')) as RunResults;
    return { github, result, results, comment: github.commentsOn(51)[0]?.body ?? '' };
  };

  test('a change under migrations/fact/ runs the fact pair only, and lists the other as skipped', async ({ expect, onTestFinished }) => {
    const { github, result, results, comment } = await run(onTestFinished, [...unrelated, { filename: 'migrations/fact/0042_backfill.sql', status: 'added' }]);
    expect(results.pairs.map((pair) => pair.name)).toEqual(['fact_extra_rows']);
    expect(results.onlyChanged).toMatchObject({ source: 'pull request #51', changedFiles: 150, ran: [{ name: 'fact_extra_rows', why: 'migrations/fact/0042_backfill.sql matches migrations/fact/**' }], skipped: [{ name: 'dim_institution', line: 5 }] });
    expect(result.code).toBe(1);
    expect(comment).toContain('**Only what this change touches:** 1 of 2 pairs ran, those whose config or `paths:` match its 150 changed files; 1 skipped.');
    expect(comment).toContain('### Not run: untouched by this change (1)');
    // 150 files are two pages of 100.
    expect(github.requests.filter((request) => request.url.startsWith('/repos/acme/warehouse/pulls/51/files')).map((request) => new URL(request.url, github.url).searchParams.get('page') ?? '1')).toEqual(['1', '2']);
  });

  test('a renamed file counts under its old name too', async ({ expect, onTestFinished }) => {
    const { results } = await run(onTestFinished, [{ filename: 'models/archive/dim_bank.sql', previous_filename: 'models/dim_bank.sql', status: 'renamed' }]);
    expect(results.pairs.map((pair) => pair.name)).toEqual(['dim_institution']);
  });

  test('a change that touches no pair runs none and passes, so a required check still reports', async ({ expect, onTestFinished }) => {
    const { result, results, comment } = await run(onTestFinished, unrelated);
    expect(result.code, result.stdout).toBe(0);
    expect(results).toMatchObject({ status: 'PASS', pairs: [], onlyChanged: { ran: [], skipped: [{ name: 'dim_institution' }, { name: 'fact_extra_rows' }] } });
    expect(comment).toContain('0 of 2 pairs ran');
  });

  test('on a push every pair runs', async ({ expect, onTestFinished }) => {
    const { result, results } = await run(onTestFinished, [], { name: 'push', payload: {} } as ReturnType<typeof pullRequestEvent>);
    expect(results.pairs).toHaveLength(2);
    expect(results.onlyChanged).toBeUndefined();
    expect(result.stdout).toContain('only-changed: the push event has no pull request, so every pair runs.');
  });
});
