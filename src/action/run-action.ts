import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { formatConfigError } from '../config/config-error.js';
import { expandConfigGlobs } from '../config/config-globs.js';
import type { Engine } from '../engines/engine.js';
import { openEngine } from '../backends/registry.js';
import { allPairs } from '../config/recon-config.js';
import { runOutcome } from '../recon/outcome.js';
import { valueDiscloser } from '../results/value-disclosure.js';
import { invalidConfigResults, loadGateBase, loadReconInputs, reconcile, type ReconcileRequest, type Reconciled } from '../recon/reconcile.js';
import { cancelOnSignalsOrTimeout } from '../recon/run-cancellation.js';
import { commentMarker, markdownText } from '../report/markdown-escaping.js';
import { DEFAULT_MARKDOWN_BUDGET, markdownSummary } from '../report/markdown-summary.js';
import type { RunResults } from '../results/results-model.js';
import { ActionInputError, type ActionInputs } from './action-inputs.js';
import { type ActionOutputs, resultCounts } from './action-outputs.js';
import { capAnnotations, emitAnnotations, pairAnnotations } from './annotations.js';
import { type ArtifactOutcome, uploadReports } from './artifact-upload.js';
import { readBaseConfigs } from './base-configs.js';
import { pullRequestFiles } from './changed-files.js';
import { type BaselineOutcome, resolveBaseline } from './baseline-download.js';
import { ensureDuckdb } from './duckdb-install.js';
import { readCheckoutState } from './checkout-state.js';
import { forkDecision } from './fork-policy.js';
import type { GithubRun } from './github-event.js';
import { fitJobSummary, JOB_SUMMARY_BUDGET, writeJobSummary } from './job-summary.js';
import { configErrorAnnotations, configErrorLines, notRunMarkdown } from './not-run-report.js';
import { sampleValuesRule } from './sample-values-policy.js';
import { redactSecrets } from './secret-redaction.js';
import { COMMENT_LIMIT, postStickyComment } from './sticky-comment.js';

export interface ActionResult {
  outputs: ActionOutputs;
  /** Set when the step must fail; the caller passes it to core.setFailed and stops. */
  failure?: string;
}

type Environment = Record<string, string | undefined>;

/** Where the comment and the job summary go; both are redacted of every secret input. */
class Publisher {
  constructor(
    private readonly inputs: ActionInputs,
    private readonly run: GithubRun,
  ) {}

  private redact(text: string): string {
    return redactSecrets(text, this.inputs.secrets);
  }

  async jobSummary(markdown: string): Promise<void> {
    try {
      if (!(await writeJobSummary(this.redact(markdown)))) core.info('GITHUB_STEP_SUMMARY is not set: no job summary written.');
    } catch (error) {
      core.warning(`Could not write the job summary: ${(error as Error).message}`);
    }
  }

  /** The sticky comment; its URL, or undefined when there is none (no pull request, `comment: off`, or refused). */
  async comment(body: string): Promise<string | undefined> {
    const pr = this.run.pullRequest;
    if (!pr) {
      core.info(`The ${this.run.eventName || 'unknown'} event has no pull request to comment on: the report goes to the job summary only.`);
      return undefined;
    }
    if (this.inputs.comment === 'off') {
      core.info('comment: off, so no pull request comment.');
      return undefined;
    }
    if (!this.inputs.githubToken) {
      core.warning('No github-token: the pull request comment was not posted; the job summary has the report.');
      return undefined;
    }
    try {
      // Loaded only when there is a comment to post (not on push, schedule, release…).
      const { getOctokit } = await import('@actions/github');
      const octokit = getOctokit(this.inputs.githubToken, { baseUrl: this.run.apiUrl });
      const posted = await postStickyComment(
        octokit,
        { owner: this.run.owner, repo: this.run.repo, issueNumber: pr.number },
        this.redact(body),
        { marker: commentMarker(this.inputs.configSetId), mode: this.inputs.comment === 'new' ? 'new' : 'update' },
      );
      core.info(`Pull request comment ${posted.action}: ${posted.url}`);
      return posted.url;
    } catch (error) {
      const status = (error as { status?: number }).status;
      // A fork's pull_request run gets a read-only token; the verdict must not depend on the comment.
      const why = status === 403 ? ' (the token may not write to pull requests: a fork\'s pull request gets a read-only token, and the workflow needs `permissions: pull-requests: write`)' : '';
      core.warning(`Could not post the pull request comment${why}: ${(error as Error).message}. The job summary has the report.`);
      return undefined;
    }
  }

  /** Comment and job summary for a run that produced no results. */
  async notRun(verdict: 'SKIPPED' | 'ERROR', title: string, lines: string[] = [], { comment = true } = {}): Promise<string | undefined> {
    const runUrl = this.run.runUrl;
    await this.jobSummary(notRunMarkdown({ verdict, title, lines, runUrl }));
    return comment ? this.comment(notRunMarkdown({ verdict, title, lines, runUrl, markerId: this.inputs.configSetId })) : undefined;
  }
}

function artifactNote(artifact: ArtifactOutcome): string | undefined {
  if (artifact.kind === 'uploaded') return undefined;
  return `> **Reports not uploaded** (${artifact.kind === 'skipped' ? 'skipped' : 'failed'}): ${artifact.reason.replace(/\s+/g, ' ')}.`;
}

async function githubClient(inputs: ActionInputs, run: GithubRun) {
  if (!inputs.githubToken) return undefined;
  const { getOctokit } = await import('@actions/github');
  return getOctokit(inputs.githubToken, { baseUrl: run.apiUrl });
}

async function findBaseline(inputs: ActionInputs, run: GithubRun): Promise<BaselineOutcome> {
  const outcome = await resolveBaseline(inputs.baseline, { run, artifactName: inputs.artifactName, client: () => githubClient(inputs, run) });
  if (outcome.kind === 'found') core.info(outcome.note);
  else if (inputs.baseline.kind !== 'off') {
    if (outcome.problem) core.warning(`Recon Gate: ${outcome.reason}.`);
    else core.notice(`Recon Gate: ${outcome.reason}.`);
  }
  return outcome;
}

/** The configs and waivers at the pull request's base commit, to list what it loosened; undefined when there is nothing to compare with. */
function readGateBase(inputs: ActionInputs, run: GithubRun): ReconcileRequest['gateBase'] {
  const pr = run.pullRequest;
  if (inputs.gateChanges === 'off') return undefined;
  if (!pr?.baseSha) {
    if (inputs.failOnLoosened) core.notice(`Recon Gate: fail-on-loosened compares with a pull request's base commit, and the ${run.eventName || 'unknown'} event has none.`);
    return undefined;
  }
  const read = readBaseConfigs({ workspace: run.workspace, sha: pr.baseSha, patterns: inputs.configPatterns, waiverFiles: inputs.waiverFiles, folder: path.join(run.runnerTemp ?? tmpdir(), 'recon-gate-base', inputs.configSetId) });
  if (read.kind === 'none') {
    // Loosening cannot be told apart from no change here: with fail-on-loosened, that is a problem to fix.
    if (read.problem || inputs.failOnLoosened) core.warning(`Recon Gate: gate changes not listed: ${read.reason}.`);
    else core.notice(`Recon Gate: gate changes not listed: ${read.reason}.`);
    return undefined;
  }
  const base = loadGateBase(read.configPaths, read.waiverFiles);
  const label = pr.baseRef ?? pr.baseSha.slice(0, 12);
  core.info(`Compared the configs and waivers with ${label} (${pr.baseSha.slice(0, 12)}): ${base.files.length} files there.`);
  const allowWith = `the label ${inputs.allowLooseningLabel}`;
  return {
    base,
    options: {
      label,
      enforced: inputs.failOnLoosened,
      allowWith,
      allowedBy: (pr.labels ?? []).includes(inputs.allowLooseningLabel) ? allowWith : undefined,
      baseFileName: (file) => path.relative(read.root, path.resolve(file)).split(path.sep).join('/'),
    },
  };
}

/** With only-changed on a pull request, its changed files; undefined runs every pair (and says why). */
async function changedFilesOf(inputs: ActionInputs, run: GithubRun): Promise<ReconcileRequest['onlyChanged']> {
  if (!inputs.onlyChanged) return undefined;
  const octokit = run.pullRequest ? await githubClient(inputs, run) : undefined;
  const listed = octokit ? await pullRequestFiles(octokit, run) : { kind: 'unknown' as const, reason: run.pullRequest ? 'there is no github-token' : `the ${run.eventName || 'unknown'} event has no pull request` };
  if (listed.kind === 'unknown') {
    (run.pullRequest ? core.warning : core.info)(`only-changed: ${listed.reason}, so every pair runs.`);
    return undefined;
  }
  core.info(`only-changed: pull request #${run.pullRequest!.number} changes ${listed.files.length} files.`);
  return { changedFiles: listed.files, source: `pull request #${run.pullRequest!.number}` };
}

const LOOSENING_ANNOTATIONS = 5;

/** A warning at each loosened setting's line (at most a few: GitHub shows 10 warnings per step, and pairs need theirs). */
function annotateLoosening(results: RunResults): void {
  const changes = results.gateChanges?.loosened.filter((change) => change.in === 'head') ?? [];
  for (const change of changes.slice(0, LOOSENING_ANNOTATIONS)) core.warning(change.message, { title: 'Recon Gate: gate loosened', file: change.file, startLine: change.line });
  if (changes.length > LOOSENING_ANNOTATIONS) core.warning(`${changes.length - LOOSENING_ANNOTATIONS} more gate changes loosen it: the comment and results.json list them all.`, { title: 'Recon Gate: gate loosened' });
}

/** Said in the comment when a baseline was asked for and there is none: the reviewer expects "vs main". */
function baselineNote(inputs: ActionInputs, baseline: BaselineOutcome): string | undefined {
  if (inputs.baseline.kind === 'off' || baseline.kind === 'found') return undefined;
  return `> **No baseline:** ${markdownText(baseline.reason, 400)}.${inputs.failOn === 'new' ? ' With no baseline every finding is new, so `fail-on: new` acts as `fail`.' : ''}`;
}

/**
 * One run of the action: fork policy → configs → engine → reconciliation → reports → artifact →
 * comment and job summary → annotations. Returns the outputs and, when the step must fail, why.
 */
export async function runAction(inputs: ActionInputs, run: GithubRun, env: Environment = process.env): Promise<ActionResult> {
  const publish = new Publisher(inputs, run);

  const decision = forkDecision(run, inputs, env, run.eventName === 'pull_request_target' && run.pullRequest?.fromFork ? readCheckoutState(run.workspace) : undefined);
  if (decision.kind === 'skip') {
    core.notice(`Recon Gate skipped: ${decision.reason}`);
    // No comment: this run's token is read-only, and a comment would only say "skipped".
    await publish.notRun('SKIPPED', 'Skipped: a pull request from a fork has no warehouse credentials', [decision.reason], { comment: false });
    return { outputs: { status: 'SKIPPED' } };
  }
  if (decision.kind === 'refuse') {
    const commentUrl = await publish.notRun('ERROR', 'Refused to run configs from a fork with this repository\'s credentials', [decision.reason]);
    return { outputs: { status: 'ERROR', 'comment-url': commentUrl }, failure: `Recon Gate ${decision.reason}` };
  }
  if (decision.warning) core.warning(decision.warning);

  const expanded = expandConfigGlobs(inputs.configPatterns);
  if (expanded.unmatched.length > 0) throw new ActionInputError('config', `the glob "${expanded.unmatched[0]}" matches no .yml or .yaml file`);
  const configPaths = expanded.paths;
  const { config, waivers, errors } = loadReconInputs(configPaths, inputs.waiverFiles);
  if (errors.length > 0) {
    for (const error of errors) core.info(formatConfigError(error));
    emitAnnotations(capAnnotations(configErrorAnnotations(errors, run.workspace), { error: 1 }, "the step's log"));
    const title = `${errors.length} config error${errors.length === 1 ? '' : 's'}; nothing was run`;
    const commentUrl = await publish.notRun('ERROR', title, configErrorLines(errors, run.workspace));
    const { failure } = runOutcome(invalidConfigResults(errors, inputs.engine), { failOn: inputs.failOn });
    return { outputs: { status: 'ERROR', 'comment-url': commentUrl }, failure: `${failure} The annotations show each one at its file and line.` };
  }

  const baseline = await findBaseline(inputs, run);
  const gateBase = readGateBase(inputs, run);
  const onlyChanged = await changedFilesOf(inputs, run);

  let engine: Engine;
  try {
    if (inputs.engine === 'duckdb') {
      const duckdb = await ensureDuckdb(run.runnerTemp ?? tmpdir());
      if (duckdb.source === 'installed') core.info(`Installed @duckdb/node-api@${duckdb.version} into ${duckdb.prefix} in ${((duckdb.installMs ?? 0) / 1000).toFixed(1)} s.`);
      if (duckdb.source === 'reused') core.info(`Using @duckdb/node-api@${duckdb.version} installed earlier in this job at ${duckdb.prefix}.`);
    }
    engine = await openEngine({ engine: inputs.engine, config, settings: inputs.engineSettings, env });
  } catch (error) {
    const message = `could not open the ${inputs.engine} engine: ${(error as Error).message}`;
    const commentUrl = await publish.notRun('ERROR', `The ${inputs.engine} engine could not be opened; nothing was run`, [redactSecrets(message, inputs.secrets)]);
    return { outputs: { status: 'ERROR', 'comment-url': commentUrl }, failure: `Recon Gate ${message}` };
  }

  const reportDir = path.join(run.runnerTemp ?? tmpdir(), 'recon-gate', inputs.configSetId);
  // Our own folder: files from an earlier run in this job must not end up in this artifact.
  rmSync(reportDir, { recursive: true, force: true });
  const cancellation = cancelOnSignalsOrTimeout(inputs.runTimeoutSeconds, (line) => core.info(line));
  let reconciled: Reconciled;
  try {
    reconciled = await reconcile({
      config,
      waivers,
      engine,
      reportDir,
      reports: { charts: inputs.charts, quickchartHost: inputs.quickchartHost, runUrl: run.runUrl },
      statementTimeoutSeconds: inputs.statementTimeoutSeconds,
      signal: cancellation.signal,
      disclose: valueDiscloser(allPairs(config), sampleValuesRule(run, inputs.sampleValues)),
      baseline: baseline.kind === 'found' ? baseline.baseline : undefined,
      gateBase,
      onlyChanged,
      history: inputs.resultsTable
        ? { target: inputs.resultsTable, run: { runId: run.runId ?? new Date().toISOString(), configSet: inputs.configSetId, commit: env.GITHUB_SHA || run.sha, ref: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || undefined } }
        : undefined,
      reportVolume: inputs.reportVolume ? { volumeDir: inputs.reportVolume, runId: run.runId ?? new Date().toISOString(), configSet: inputs.configSetId, databricks: inputs.engineSettings, env } : undefined,
      onPairDone: (pair) => core.info(`${pair.status.padEnd(5)} ${pair.name}${pair.error ? `: ${pair.error.message}` : ''} (${(pair.durationMs / 1000).toFixed(1)} s)`),
    });
  } finally {
    cancellation.dispose();
    await engine.close();
  }
  const { results, reports: written } = reconciled;
  for (const waiver of results.waivers?.expired ?? []) {
    core.warning(`waiver for ${waiver.pair} ${waiver.check} expired on ${waiver.expires} (owner ${waiver.owner}): it no longer waives anything`, { title: 'Recon Gate: expired waiver', file: waiver.file, startLine: waiver.line });
  }
  for (const waiver of results.waivers?.stale ?? []) {
    core.warning(`stale waiver: ${waiver.why}`, { title: 'Recon Gate: stale waiver', file: waiver.file, startLine: waiver.line });
  }
  for (const note of written.notes) core.warning(note);
  annotateLoosening(results);
  if (results.reportVolume?.error) core.warning(`Recon Gate: reports ${results.reportVolume.error.replace(/^not copied/, 'not copied to the volume')}`);
  else if (results.reportVolume) core.info(`Reports copied to ${results.reportVolume.path}.`);
  if (results.history?.error) core.warning(`Recon Gate: the run was not appended to ${results.history.table}: ${results.history.error}`);
  else if (results.history) core.info(`Appended ${results.history.rows} rows to ${results.history.table} (run id ${results.history.runId}, config set ${results.history.configSet}).`);

  const artifact = await uploadReports(inputs.artifactName, reportDir, run, { retentionDays: inputs.retentionDays });
  if (artifact.kind === 'uploaded') core.info(`Reports uploaded as the artifact ${inputs.artifactName} (${artifact.size} bytes): ${artifact.url}`);
  else if (artifact.kind === 'skipped') core.info(`Reports not uploaded: ${artifact.reason}. They are in ${reportDir}.`);
  else core.warning(`Could not upload the reports as an artifact: ${artifact.reason}. They are in ${reportDir}.`);

  const artifactUrl = artifact.kind === 'uploaded' ? artifact.url : undefined;
  const notes = [baselineNote(inputs, baseline), artifactNote(artifact)].filter((note): note is string => note !== undefined);
  const withNotes = (markdown: string) => (notes.length > 0 ? `${markdown}\n${notes.join('\n\n')}\n` : markdown);
  const render = (budget: number, markerId?: string) =>
    markdownSummary(results, { charts: inputs.charts, quickchartHost: inputs.quickchartHost, artifactUrl, runUrl: run.runUrl, markerId, chartNotes: written.notes, maxLength: budget });
  const notesLength = withNotes('').length;

  // summary.md in the artifact could not link to the artifact itself; the copy on disk can.
  writeFileSync(written.summaryMarkdown, redactSecrets(withNotes(render(DEFAULT_MARKDOWN_BUDGET - notesLength)), inputs.secrets));
  await publish.jobSummary(fitJobSummary((budget) => withNotes(render(budget - notesLength)), JOB_SUMMARY_BUDGET));
  const commentBody = withNotes(render(Math.min(DEFAULT_MARKDOWN_BUDGET, COMMENT_LIMIT) - notesLength, inputs.configSetId));
  const commentUrl = await publish.comment(commentBody);

  const { failure } = runOutcome(results, { failOn: inputs.failOn, bySignal: cancellation.bySignal });
  emitAnnotations(capAnnotations(pairAnnotations(results, run.workspace), { error: failure ? 1 : 0 }));

  return {
    outputs: {
      status: results.status,
      ...resultCounts(results),
      'results-json': written.resultsJson,
      'report-dir': reportDir,
      'summary-markdown': written.summaryMarkdown,
      workbook: written.workbook,
      'junit-xml': written.junitXml,
      'artifact-id': artifact.kind === 'uploaded' ? artifact.id : undefined,
      'artifact-url': artifactUrl,
      'comment-url': commentUrl,
      'new-findings': results.baseline?.counts.new,
      'fixed-findings': results.baseline?.counts.fixed,
    },
    failure,
  };
}
