import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../support/cli.js';

export const BUNDLE = path.join(REPO_ROOT, 'dist/index.js');
export const DEMO_DATA = path.join(REPO_ROOT, 'demo-data');

/** A token-shaped value that must never show up anywhere but the Authorization header. */
export const FAKE_GITHUB_TOKEN = 'ghs_FakeTokenForTests0123456789abcdef';
export const FAKE_DATABRICKS_TOKEN = 'dapiFakeDatabricksToken0123456789';

export interface BundleRunOptions {
  /** Action inputs by their action.yml names; the others get action.yml's defaults, as on a runner. */
  inputs?: Record<string, string>;
  event?: { name: string; payload?: object };
  /** The checkout the action runs in (GITHUB_WORKSPACE and the working directory). */
  workspace?: string;
  /** GITHUB_API_URL: the fake GitHub. */
  apiUrl?: string;
  serverUrl?: string;
  env?: Record<string, string | undefined>;
  /** Run a copy of the bundle from elsewhere (the on-demand DuckDB test). */
  bundle?: string;
  /** Shared by runs that stand for steps of one job. */
  runnerTemp?: string;
}

export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
  env: Record<string, string>;
}

interface ActionManifest {
  inputs: Record<string, { default?: string }>;
}

export function actionManifest(): ActionManifest {
  return parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionManifest;
}

/** GITHUB_OUTPUT's heredoc format: `name<<delimiter`, the value, the delimiter. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

export function tempFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `recon-gate-action-${prefix}-`));
}

/** Runs the bundled action as the runner does: a child process given INPUT_* and GITHUB_* variables. */
export async function runBundle(options: BundleRunOptions = {}): Promise<BundleRun> {
  return startBundle(options).finished;
}

export interface StartedBundle {
  child: ChildProcess;
  /** The output so far. */
  stdout(): string;
  finished: Promise<BundleRun>;
}

/** Starts the bundled action, for tests that act on it while it runs (signals). */
export function startBundle(options: BundleRunOptions = {}): StartedBundle {
  const runnerTemp = options.runnerTemp ?? tempFolder('runner');
  const workspace = options.workspace ?? REPO_ROOT;
  const eventPath = path.join(runnerTemp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event?.payload ?? {}));
  const outputFile = path.join(runnerTemp, 'github_output');
  const summaryFile = path.join(runnerTemp, 'step_summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');

  // Nothing from the outer environment but what a process needs: tests may themselves run inside
  // GitHub Actions, whose GITHUB_*, ACTIONS_* and DATABRICKS_* must not leak into the action.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? runnerTemp };
  // A machine whose traffic to the npm registry goes through a TLS proxy needs its CA for npm.
  if (process.env.NODE_EXTRA_CA_CERTS) env.NODE_EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
  for (const [name, input] of Object.entries(actionManifest().inputs)) {
    const value = name === 'github-token' ? FAKE_GITHUB_TOKEN : (input.default ?? '');
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/warehouse',
    GITHUB_RUN_ID: '9001',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_SERVER_URL: options.serverUrl ?? 'https://github.com',
    ...(options.apiUrl ? { GITHUB_API_URL: options.apiUrl } : {}),
  });
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const child = spawn(process.execPath, [options.bundle ?? BUNDLE], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<number | null>((resolve) => child.on('close', resolve)).then((code) => ({
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
    runnerTemp,
    env,
  }));
  return { child, stdout: () => stdout, finished };
}

/** A config folder of its own, over the demo data, with the given pairs (YAML list items). */
export function writeConfigSet(pairs: string, name = 'recon.yml'): { folder: string; file: string } {
  const folder = tempFolder('configs');
  const file = path.join(folder, name);
  // A copy beside the config: a config may only read files in the workspace or its own folder.
  cpSync(DEMO_DATA, path.join(folder, 'demo-data'), { recursive: true });
  writeFileSync(file, `version: 1\nduckdb:\n  mount: demo-data\npairs:\n${pairs}`);
  return { folder, file };
}

export const PASSING_PAIR = `  - name: dim_institution
    source: { table: legacy.dim_institution }
    target: { table: lakehouse.dim_institution }
    primary_key: [institution_id]
`;

/** The demo fact table has 3 of 1,800 rows missing in the target: under a 0.5 % limit, a WARN. */
export const WARNING_PAIR = `  - name: fact_missing_rows
    source: { table: legacy.fact_executive_summary }
    target: { table: lakehouse.fact_executive_summary }
    primary_key: [date_key, institution_id, corporation_id, product_id]
    checks: [missing_rows]
    thresholds:
      missing_rows: { max_percent: 0.5 }
`;

export const FAILING_PAIR = `  - name: fact_extra_rows
    source: { table: legacy.fact_executive_summary }
    target: { table: lakehouse.fact_executive_summary }
    primary_key: [date_key, institution_id, corporation_id, product_id]
    checks: [extra_rows]
`;

export function pullRequestEvent(number: number, options: { headRepository?: string | null; baseRepository?: string; name?: string; baseSha?: string; labels?: string[] } = {}) {
  const base = options.baseRepository ?? 'acme/warehouse';
  const head = options.headRepository === undefined ? base : options.headRepository;
  return {
    name: options.name ?? 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: { ref: 'feature', repo: head === null ? null : { full_name: head } },
        base: { ref: 'main', ...(options.baseSha ? { sha: options.baseSha } : {}), repo: { full_name: base } },
        ...(options.labels ? { labels: options.labels.map((name) => ({ name })) } : {}),
      },
    },
  };
}

/** Commits everything in the folder (a git repository from the first call) and returns the commit. */
export function commitAll(folder: string): string {
  const git = (...args: string[]) => execFileSync('git', ['-C', folder, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'configs');
  return git('rev-parse', 'HEAD');
}
