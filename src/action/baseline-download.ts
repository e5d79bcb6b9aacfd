import path from 'node:path';
import type { BaselineInput } from '../results/baseline-comparison.js';
import { parseResults, readResultsFile, ResultsFileError } from '../results/read-results.js';
import type { GithubRun } from './github-event.js';
import type { GithubClient } from './sticky-comment.js';
import { ZipReadError, zipEntry } from './zip-file.js';

/**
 * The Action's `baseline` input: nothing, a results.json in the workspace, or `auto`: the results
 * artifact of the last completed run of this workflow on the pull request's base branch.
 */
export type BaselineSetting = { kind: 'off' } | { kind: 'auto' } | { kind: 'file'; path: string };

export type BaselineOutcome =
  | { kind: 'found'; baseline: BaselineInput; /** Where it came from, for the log. */ note: string }
  /** No baseline: the run goes on without one (and `fail-on: new` is then `fail`). */
  | { kind: 'none'; reason: string; /** A problem to fix (a warning), not an ordinary absence (a notice). */ problem?: boolean };

/** Runs looked at, newest first: one page. Older runs' artifacts have usually expired anyway. */
const RUNS_LOOKED_AT = 20;
/** A bigger download is not one of our report artifacts. */
const MAX_ZIP_BYTES = 512 * 1024 * 1024;
/** Conclusions whose runs wrote their reports: a red gate's run fails, and its results are still the baseline. */
const CONCLUSIONS = new Set(['success', 'failure']);

export function baselineSetting(text: string): BaselineSetting {
  const value = text.trim();
  if (value === '' || value === 'off' || value === 'none') return { kind: 'off' };
  if (value === 'auto') return { kind: 'auto' };
  return { kind: 'file', path: value };
}

export interface BaselineContext {
  run: GithubRun;
  artifactName: string;
  /** Created only when the API is needed. */
  client: () => Promise<GithubClient | undefined>;
}

function labelFor(run: GithubRun): string {
  return run.pullRequest?.baseRef ?? 'baseline';
}

function readFile(setting: { path: string }, run: GithubRun): BaselineOutcome {
  const file = path.resolve(run.workspace, setting.path);
  try {
    const results = readResultsFile(file);
    return { kind: 'found', baseline: { results, label: labelFor(run), source: setting.path }, note: `Baseline: ${setting.path} (the run of ${results.run.startedAt}).` };
  } catch (error) {
    if (!(error instanceof ResultsFileError)) throw error;
    return { kind: 'none', reason: `${error.message}; comparing with no baseline`, problem: true };
  }
}

function httpStatus(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

async function latestArtifact(octokit: GithubClient, context: BaselineContext, baseRef: string): Promise<BaselineOutcome> {
  const { run, artifactName } = context;
  const repository = { owner: run.owner, repo: run.repo };
  if (!run.runId) return { kind: 'none', reason: 'GITHUB_RUN_ID is not set, so this workflow cannot be found: no baseline' };
  const { data: current } = await octokit.rest.actions.getWorkflowRun({ ...repository, run_id: Number(run.runId) });
  const { data: listed } = await octokit.rest.actions.listWorkflowRuns({
    ...repository,
    workflow_id: current.workflow_id,
    branch: baseRef,
    status: 'completed',
    exclude_pull_requests: true,
    per_page: RUNS_LOOKED_AT,
  });
  const fullName = `${run.owner}/${run.repo}`.toLowerCase();
  // A fork's pull request from its own `main` is a run with head_branch main too: only this
  // repository's runs of the branch itself (push, schedule, dispatch) are its state.
  const candidates = listed.workflow_runs.filter(
    (candidate) =>
      candidate.id !== current.id &&
      CONCLUSIONS.has(candidate.conclusion ?? '') &&
      !candidate.event.startsWith('pull_request') &&
      (candidate.head_repository?.full_name ?? fullName).toLowerCase() === fullName,
  );
  for (const candidate of candidates) {
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repository, run_id: candidate.id, name: artifactName, per_page: 10 });
    const artifact = data.artifacts.find((entry) => entry.name === artifactName);
    if (!artifact) continue;
    const where = `run ${candidate.id} on ${baseRef} (${candidate.head_sha.slice(0, 7)}, ${candidate.created_at})`;
    if (artifact.expired) return { kind: 'none', reason: `the ${artifactName} artifact of ${where} has expired: no baseline (a longer retention-days on ${baseRef} keeps it)` };
    if (artifact.size_in_bytes > MAX_ZIP_BYTES) return { kind: 'none', reason: `the ${artifactName} artifact of ${where} is ${artifact.size_in_bytes} bytes, too big to be a reports artifact: no baseline`, problem: true };
    let zip: Buffer;
    try {
      const response = await octokit.rest.actions.downloadArtifact({ ...repository, artifact_id: artifact.id, archive_format: 'zip' });
      zip = Buffer.from(response.data as ArrayBuffer);
    } catch (error) {
      if (httpStatus(error) === 410 || httpStatus(error) === 404) return { kind: 'none', reason: `the ${artifactName} artifact of ${where} is gone (${httpStatus(error)}): no baseline` };
      throw error;
    }
    const entry = zipEntry(zip, 'results.json');
    if (!entry) return { kind: 'none', reason: `the ${artifactName} artifact of ${where} has no results.json: no baseline`, problem: true };
    const source = `${artifactName} of ${where}`;
    const results = parseResults(entry.toString('utf8'), source);
    return { kind: 'found', baseline: { results, label: baseRef, source }, note: `Baseline: the ${source}, ${candidate.html_url}.` };
  }
  const looked = candidates.length === 0 ? `no completed run of this workflow on ${baseRef}` : `none of the last ${candidates.length} completed runs of this workflow on ${baseRef} has an artifact named ${artifactName}`;
  return { kind: 'none', reason: `${looked}: no baseline (the first run on ${baseRef} makes one)` };
}

/** Finds the baseline; every way of not finding one is an outcome, never an exception: the gate still runs. */
export async function resolveBaseline(setting: BaselineSetting, context: BaselineContext): Promise<BaselineOutcome> {
  if (setting.kind === 'off') return { kind: 'none', reason: 'no baseline asked for' };
  if (setting.kind === 'file') return readFile(setting, context.run);
  const baseRef = context.run.pullRequest?.baseRef;
  if (!baseRef) return { kind: 'none', reason: `baseline: auto compares with a pull request's base branch, and the ${context.run.eventName || 'unknown'} event has none: no baseline` };
  const octokit = await context.client();
  if (!octokit) return { kind: 'none', reason: 'baseline: auto needs the github-token input: no baseline', problem: true };
  try {
    return await latestArtifact(octokit, context, baseRef);
  } catch (error) {
    if (error instanceof ZipReadError || error instanceof ResultsFileError) return { kind: 'none', reason: `the baseline artifact could not be read: ${error.message}; no baseline`, problem: true };
    const status = httpStatus(error);
    const hint = status === 403 || status === 404 ? ' (the token may not read Actions runs and artifacts: the workflow needs `permissions: actions: read`)' : '';
    return { kind: 'none', reason: `could not look up the baseline${hint}: ${(error as Error).message}; no baseline`, problem: true };
  }
}
