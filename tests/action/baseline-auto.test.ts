import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { demoConfigCopy, PLANTED_KEY, plantDefect } from '../support/plant-defect.js';
import { type FakeGithub, type FakeWorkflowRun, startFakeGithub } from './support/fake-github.js';
import { FakeResultsService, startFakeResultsService } from './support/fake-results-service.js';
import { pullRequestEvent, runBundle, tempFolder } from './support/run-bundle.js';

const WORKFLOW = 77;
const THIS_RUN = 9001;

function run(overrides: Partial<FakeWorkflowRun> & Pick<FakeWorkflowRun, 'id'>): FakeWorkflowRun {
  return { workflowId: WORKFLOW, headBranch: 'main', headSha: 'a1b2c3d4e5f6', event: 'push', status: 'completed', conclusion: 'failure', createdAt: '2026-12-01T10:00:00Z', artifacts: [], ...overrides };
}

/** GitHub as the pull request's run sees it: this run of the workflow, on the PR's branch. */
function thisRun(github: FakeGithub): void {
  github.workflowRuns.push(run({ id: THIS_RUN, headBranch: 'feature', event: 'pull_request', status: 'in_progress', conclusion: null, createdAt: '2026-12-06T10:00:00Z' }));
}

const apiCalls = (github: FakeGithub) => github.requests.filter((request) => request.url.includes('/actions/') || request.url.startsWith('/blob/')).map((request) => `${request.method} ${request.url.replace(/\?.*$/, '')}`);

describe('baseline: auto — the base branch\'s last run, found and downloaded through the REST API by the bundled action', () => {
  test('the main run\'s real artifact is the baseline: nothing new passes fail-on new, one planted defect is 1 new and fails it', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const service = await startFakeResultsService(onTestFinished);
    const { configDir, targetFact } = demoConfigCopy(tempFolder('baseline-auto'));
    // A repository whose data may be shown: with values withheld the keys could only be compared by count.
    const inputs = { engine: 'duckdb', charts: 'none', config: configDir, 'sample-values': 'show' };

    // The base branch's run: a push to main whose reports go up as the artifact, through @actions/artifact.
    const main = await runBundle({
      inputs,
      event: { name: 'push', payload: { ref: 'refs/heads/main' } },
      apiUrl: github.url,
      env: { ACTIONS_RUNTIME_TOKEN: FakeResultsService.runtimeToken(), ACTIONS_RESULTS_URL: `${service.url}/` },
    });
    expect(main.code, main.stdout).toBe(1);
    const [uploaded] = [...service.artifacts.values()];
    expect(uploaded?.zip.length).toBeGreaterThan(0);

    thisRun(github);
    github.workflowRuns.push(
      run({ id: 8000, artifacts: [{ id: 555, name: uploaded!.name, zip: uploaded!.zip }] }),
      // Newer, but not the base branch's state: cancelled, and a fork's pull request from its own main.
      run({ id: 8001, conclusion: 'cancelled', createdAt: '2026-12-02T10:00:00Z', artifacts: [{ id: 556, name: uploaded!.name, zip: Buffer.from('not this one') }] }),
      run({ id: 8002, event: 'pull_request', headRepository: 'mallory/warehouse', conclusion: 'success', createdAt: '2026-12-03T10:00:00Z', artifacts: [{ id: 557, name: uploaded!.name, zip: Buffer.from('nor this') }] }),
    );
    const pr = (number: number) => runBundle({ inputs: { ...inputs, baseline: 'auto', 'fail-on': 'new' }, event: pullRequestEvent(number), apiUrl: github.url });

    const same = await pr(12);
    expect(same.code, same.stdout).toBe(0);
    expect(same.stdout).toContain(`Baseline: the ${uploaded!.name} of run 8000 on main (a1b2c3d, 2026-12-01T10:00:00Z), https://github.com/acme/warehouse/actions/runs/8000.`);
    expect(github.commentsOn(12)[0]!.body).toContain('**vs main:** 0 new findings, 0 fixed, 37 unchanged');
    expect(same.outputs).toMatchObject({ status: 'FAIL', 'new-findings': '0', 'fixed-findings': '0' });
    expect(apiCalls(github)).toEqual([
      `GET /repos/acme/warehouse/actions/runs/${THIS_RUN}`,
      `GET /repos/acme/warehouse/actions/workflows/${WORKFLOW}/runs`,
      'GET /repos/acme/warehouse/actions/runs/8000/artifacts',
      'GET /repos/acme/warehouse/actions/artifacts/555/zip',
      'GET /blob/artifacts/555.zip',
    ]);
    const listRuns = github.requests.find((request) => request.url.includes('/workflows/'))!;
    expect(new URL(listRuns.url, github.url).searchParams.get('branch')).toBe('main');

    await plantDefect(targetFact);
    const planted = await pr(13);
    expect(planted.code, planted.stdout).toBe(1);
    const body = github.commentsOn(13)[0]!.body;
    expect(body).toContain('**vs main:** 1 new finding, 0 fixed, 37 unchanged');
    expect(body).toContain(`new: date&#95;key=${PLANTED_KEY[0]}, institution&#95;id=${PLANTED_KEY[1]}`);
    expect(planted.stdout).toContain('::error::Recon Gate: 1 new finding vs main in 1 failing check (fail-on: new).');
    expect(planted.outputs['new-findings']).toBe('1');
  }, 120_000);
});

describe.concurrent('baseline: auto falls back to no baseline, and says why', () => {
  const setup = async (onTestFinished: (cleanup: () => Promise<void>) => void, runs: FakeWorkflowRun[] = [], options: { forbidden?: boolean } = {}) => {
    const github = await startFakeGithub(onTestFinished);
    thisRun(github);
    github.workflowRuns.push(...runs);
    github.actionsForbidden = options.forbidden ?? false;
    const result = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', baseline: 'auto', 'fail-on': 'new' }, event: pullRequestEvent(21), apiUrl: github.url });
    return { github, result, comment: github.commentsOn(21)[0]?.body ?? '' };
  };

  test('no run on the base branch yet: a notice, and fail-on new acts as fail', async ({ expect, onTestFinished }) => {
    const { result, comment } = await setup(onTestFinished);
    expect(result.stdout).toContain('::notice::Recon Gate: no completed run of this workflow on main: no baseline (the first run on main makes one).');
    expect(comment).toContain('> **No baseline:** no completed run of this workflow on main');
    expect(comment).toContain('`fail-on: new` acts as `fail`');
    expect(comment).not.toContain('**vs main:**');
    expect(result.code).toBe(1);
    expect(result.outputs['new-findings']).toBeUndefined();
  });

  test('the last run\'s artifact has expired: a notice naming the run, and no download is tried', async ({ expect, onTestFinished }) => {
    const { github, result } = await setup(onTestFinished, [run({ id: 8100, artifacts: [{ id: 600, name: 'recon-gate-recon-configs', expired: true, zip: Buffer.alloc(0) }] })]);
    expect(result.stdout).toContain('::notice::Recon Gate: the recon-gate-recon-configs artifact of run 8100 on main (a1b2c3d, 2026-12-01T10:00:00Z) has expired: no baseline');
    expect(github.requests.some((request) => request.url.includes('/artifacts/600/zip'))).toBe(false);
  });

  test('runs without our artifact are passed over: none of them has it', async ({ expect, onTestFinished }) => {
    const { result } = await setup(onTestFinished, [run({ id: 8200, artifacts: [{ id: 601, name: 'something-else', zip: Buffer.alloc(0) }] })]);
    expect(result.stdout).toContain('none of the last 1 completed runs of this workflow on main has an artifact named recon-gate-recon-configs');
  });

  test('a token without actions: read is a warning that says which permission is missing, and the gate still runs', async ({ expect, onTestFinished }) => {
    const { result } = await setup(onTestFinished, [], { forbidden: true });
    expect(result.stdout).toMatch(/::warning::Recon Gate: could not look up the baseline \(the token may not read Actions runs and artifacts: the workflow needs `permissions: actions: read`\)/);
    expect(result.outputs.status).toBe('FAIL');
  });

  test('an artifact that is not a zip is a warning, not a crash', async ({ expect, onTestFinished }) => {
    const { result } = await setup(onTestFinished, [run({ id: 8300, artifacts: [{ id: 602, name: 'recon-gate-recon-configs', zip: Buffer.from('<html>not a zip</html>') }] })]);
    expect(result.stdout).toContain('::warning::Recon Gate: the baseline artifact could not be read: not a zip archive');
    expect(result.outputs.status).toBe('FAIL');
  });

  test('on a push there is no base branch to compare with: a notice', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const result = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', baseline: 'auto' }, event: { name: 'push' }, apiUrl: github.url });
    expect(result.stdout).toContain("::notice::Recon Gate: baseline: auto compares with a pull request's base branch, and the push event has none: no baseline.");
    expect(github.requests.filter((request) => request.url.includes('/actions/'))).toEqual([]);
  });
});

describe.concurrent('baseline: <path>', () => {
  test('a results.json in the workspace is the baseline, named after the base branch', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const first = await runBundle({ inputs: { engine: 'duckdb', charts: 'none' }, event: { name: 'push' }, apiUrl: github.url });
    const results = JSON.parse(readFileSync(first.outputs['results-json']!, 'utf8')) as RunResults;
    const file = path.join(tempFolder('baseline-path'), 'main-results.json');
    writeFileSync(file, JSON.stringify(results));
    const second = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', baseline: file }, event: pullRequestEvent(22), apiUrl: github.url });
    expect(second.stdout).toContain(`Baseline: ${file} (the run of`);
    expect(github.commentsOn(22)[0]!.body).toContain('**vs main:** 0 new findings, 0 fixed, 37 unchanged');
  });

  test('a path that is not there is a warning; the run goes on without a baseline', async ({ expect, onTestFinished }) => {
    const github = await startFakeGithub(onTestFinished);
    const result = await runBundle({ inputs: { engine: 'duckdb', charts: 'none', baseline: 'nowhere/results.json' }, event: pullRequestEvent(23), apiUrl: github.url });
    expect(result.stdout).toMatch(/::warning::Recon Gate: cannot read the results .*nowhere\/results\.json: ENOENT/);
    expect(result.outputs.status).toBe('FAIL');
  });
});
