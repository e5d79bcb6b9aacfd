import { readFileSync } from 'node:fs';

/** What the action needs to know about the workflow run it is part of. */
export interface GithubRun {
  eventName: string;
  owner: string;
  repo: string;
  /** `https://github.com`, or a GitHub Enterprise host: every web link is built from it. */
  serverUrl: string;
  /** `https://api.github.com`, or `<host>/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  /** Link to this workflow run, when the run id is known. */
  runUrl?: string;
  runId?: string;
  /** GITHUB_SHA: on pull_request_target, the base branch's commit the run is for. */
  sha?: string;
  /** The checkout: config paths in annotations are relative to it. */
  workspace: string;
  runnerTemp?: string;
  pullRequest?: PullRequestInfo;
  /** From the event payload's `repository`; undefined when the payload does not say (a scheduled run's may not). */
  repositoryVisibility?: 'public' | 'private' | 'internal';
  /** GitHub Enterprise Server, where the artifact service of @actions/artifact does not exist. */
  enterpriseServer: boolean;
}

export interface PullRequestInfo {
  number: number;
  /** `owner/name` of the branch's repository; undefined when the fork was deleted. */
  headRepository?: string;
  baseRepository: string;
  /** The head is in another repository: its configs are not the base repository's to trust. */
  fromFork: boolean;
  /** The branch the pull request merges into (`main`), and its commit when the event was sent. */
  baseRef?: string;
  baseSha?: string;
  /** The pull request's labels when the event was sent (absent: none). */
  labels?: string[];
}

interface PullRequestPayload {
  number?: number;
  head?: { repo?: { full_name?: string } | null };
  base?: { ref?: string; sha?: string; repo?: { full_name?: string } };
  labels?: Array<{ name?: string }>;
}

type Environment = Record<string, string | undefined>;

/**
 * The same rule as @actions/artifact: github.com, GHE.com data residency and *.localhost are
 * github.com-like; any other host is an Enterprise Server.
 */
export function isEnterpriseServer(serverUrl: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return true;
  }
  return hostname !== 'github.com' && !hostname.endsWith('.ghe.com') && !hostname.endsWith('.localhost');
}

function readPayload(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  try {
    const payload = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function pullRequestOf(payload: Record<string, unknown>, repository: string): PullRequestInfo | undefined {
  const pr = payload.pull_request as PullRequestPayload | undefined;
  if (!pr || typeof pr.number !== 'number') return undefined;
  const baseRepository = pr.base?.repo?.full_name ?? repository;
  const headRepository = pr.head?.repo?.full_name ?? undefined;
  return {
    number: pr.number,
    headRepository,
    baseRepository,
    // A head whose repository is gone is treated as a fork: nothing proves it was trusted.
    fromFork: headRepository === undefined || headRepository.toLowerCase() !== baseRepository.toLowerCase(),
    baseRef: typeof pr.base?.ref === 'string' ? pr.base.ref : undefined,
    baseSha: typeof pr.base?.sha === 'string' ? pr.base.sha : undefined,
    labels: Array.isArray(pr.labels) ? pr.labels.map((label) => label?.name).filter((name): name is string => typeof name === 'string') : [],
  };
}

/** `visibility` where GitHub sends it (public, private, internal), else `private` as a boolean. */
function visibilityOf(payload: Record<string, unknown>): GithubRun['repositoryVisibility'] {
  const repository = payload.repository as { private?: unknown; visibility?: unknown } | undefined;
  if (!repository || typeof repository !== 'object') return undefined;
  const visibility = typeof repository.visibility === 'string' ? repository.visibility.toLowerCase() : undefined;
  if (visibility === 'public' || visibility === 'private' || visibility === 'internal') return visibility;
  if (repository.private === false) return 'public';
  if (repository.private === true) return 'private';
  return undefined;
}

/** Reads the run from the variables the runner sets (and the event payload file). */
export function readGithubRun(env: Environment = process.env): GithubRun {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const runId = env.GITHUB_RUN_ID || undefined;
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    serverUrl,
    apiUrl,
    runId,
    sha: env.GITHUB_SHA || undefined,
    runUrl: runId && repository ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || undefined,
    pullRequest: pullRequestOf(payload, repository),
    repositoryVisibility: visibilityOf(payload),
    enterpriseServer: isEnterpriseServer(serverUrl),
  };
}
