import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the action made, as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/repos/acme/warehouse/issues/7/comments?per_page=100`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
}

export interface FakeArtifact {
  id: number;
  name: string;
  expired?: boolean;
  zip: Buffer;
}

/** A run of a workflow, as GET /repos/{owner}/{repo}/actions/runs/{id} describes it. */
export interface FakeWorkflowRun {
  id: number;
  workflowId: number;
  headBranch: string;
  headSha: string;
  event: string;
  status: 'completed' | 'in_progress';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  createdAt: string;
  /** `owner/name`; a fork's pull request run has the fork here. */
  headRepository?: string;
  artifacts: FakeArtifact[];
}

interface Answer {
  status: number;
  json?: unknown;
  /** A body that is not JSON (a zip), sent as is with its own content type. */
  raw?: { body: Buffer; type: string };
  headers?: Record<string, string>;
}

/**
 * The slice of GitHub's REST API the action calls, on loopback: who am I, list (paginated),
 * create and update issue comments; workflow runs, their artifacts and the artifact download
 * (a 302 to a blob URL, as GitHub answers). Records every request so tests can assert on them.
 */
export class FakeGithub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: FakeComment[] = [];
  /** Login for `GET /user`; undefined answers 403 as GitHub does for the default GITHUB_TOKEN. */
  userLogin: string | undefined;
  /** Answer comment writes with 403, as for the read-only token of a fork's pull request. */
  readOnly = false;
  /** Workflow runs, any order; the run list answers newest first, as GitHub does. */
  readonly workflowRuns: FakeWorkflowRun[] = [];
  /** Answer the Actions endpoints with 403, as for a token without `actions: read`. */
  actionsForbidden = false;
  /** The files of each pull request, for `GET /repos/{owner}/{repo}/pulls/{number}/files`. */
  readonly pullRequestFiles = new Map<number, Array<{ filename: string; status: string; previous_filename?: string }>>();
  private nextId = 1000;
  private server: Server | undefined;
  private baseUrl = '';

  get url(): string {
    return this.baseUrl;
  }

  addComment(issueNumber: number, login: string, body: string): FakeComment {
    const comment = { id: this.nextId++, issueNumber, body, login };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.filter((comment) => comment.issueNumber === issueNumber);
  }

  /** Requests other than the ones every run makes to read who it is. */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
        const { status, json, raw, headers } = this.answer(request.method ?? '', new URL(request.url ?? '/', this.baseUrl), body);
        response.writeHead(status, { 'content-type': raw ? raw.type : 'application/json; charset=utf-8', ...headers });
        response.end(raw ? raw.body : JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private commentJson(comment: FakeComment) {
    return {
      id: comment.id,
      body: comment.body,
      user: { login: comment.login, type: comment.login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/acme/warehouse/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    };
  }

  /** One page of a list, with GitHub's `link: <…>; rel="next"` header when there is more. */
  private page(url: URL, all: unknown[]): Answer {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const headers: Record<string, string> = {};
    if (page * perPage < all.length) {
      const next = new URL(url.href);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return { status: 200, json: all.slice((page - 1) * perPage, page * perPage), headers };
  }

  private runJson(run: FakeWorkflowRun) {
    return {
      id: run.id,
      workflow_id: run.workflowId,
      head_branch: run.headBranch,
      head_sha: run.headSha,
      event: run.event,
      status: run.status,
      conclusion: run.conclusion,
      created_at: run.createdAt,
      html_url: `https://github.com/acme/warehouse/actions/runs/${run.id}`,
      head_repository: { full_name: run.headRepository ?? 'acme/warehouse' },
    };
  }

  private artifactJson(artifact: FakeArtifact) {
    return {
      id: artifact.id,
      name: artifact.name,
      size_in_bytes: artifact.zip.length,
      expired: artifact.expired ?? false,
      archive_download_url: `${this.baseUrl}/repos/acme/warehouse/actions/artifacts/${artifact.id}/zip`,
    };
  }

  private actionsAnswer(url: URL): Answer | undefined {
    const runs = /^\/repos\/[^/]+\/[^/]+\/actions\/workflows\/(\d+)\/runs$/.exec(url.pathname);
    if (runs) {
      const branch = url.searchParams.get('branch');
      const status = url.searchParams.get('status');
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const matching = this.workflowRuns
        .filter((run) => run.workflowId === Number(runs[1]) && (!branch || run.headBranch === branch) && (!status || run.status === status || run.conclusion === status))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { status: 200, json: { total_count: matching.length, workflow_runs: matching.slice(0, perPage).map((run) => this.runJson(run)) } };
    }
    const artifacts = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)\/artifacts$/.exec(url.pathname);
    if (artifacts) {
      const run = this.workflowRuns.find((candidate) => candidate.id === Number(artifacts[1]));
      if (!run) return { status: 404, json: { message: 'Not Found' } };
      const name = url.searchParams.get('name');
      const listed = run.artifacts.filter((artifact) => !name || artifact.name === name);
      return { status: 200, json: { total_count: listed.length, artifacts: listed.map((artifact) => this.artifactJson(artifact)) } };
    }
    const run = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)$/.exec(url.pathname);
    if (run) {
      const found = this.workflowRuns.find((candidate) => candidate.id === Number(run[1]));
      return found ? { status: 200, json: this.runJson(found) } : { status: 404, json: { message: 'Not Found' } };
    }
    const download = /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname);
    if (download) {
      const artifact = this.workflowRuns.flatMap((candidate) => candidate.artifacts).find((candidate) => candidate.id === Number(download[1]));
      if (!artifact) return { status: 404, json: { message: 'Not Found' } };
      if (artifact.expired) return { status: 410, json: { message: 'Artifact has expired' } };
      return { status: 302, json: {}, headers: { location: `${this.baseUrl}/blob/artifacts/${artifact.id}.zip?sig=fake-signature` } };
    }
    return undefined;
  }

  private answer(method: string, url: URL, body: string): Answer {
    const forbidden = { status: 403, json: { message: 'Resource not accessible by integration', status: '403' } };
    const blob = /^\/blob\/artifacts\/(\d+)\.zip$/.exec(url.pathname);
    if (blob && method === 'GET') {
      const artifact = this.workflowRuns.flatMap((run) => run.artifacts).find((candidate) => candidate.id === Number(blob[1]));
      return artifact ? { status: 200, raw: { body: artifact.zip, type: 'application/zip' } } : { status: 404, json: { message: 'BlobNotFound' } };
    }
    if (method === 'GET' && url.pathname.includes('/actions/')) {
      if (this.actionsForbidden) return forbidden;
      const answer = this.actionsAnswer(url);
      if (answer) return answer;
    }
    if (method === 'GET' && url.pathname === '/user') {
      return this.userLogin ? { status: 200, json: { login: this.userLogin, type: 'User' } } : forbidden;
    }
    const files = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(url.pathname);
    if (files && method === 'GET') return this.page(url, this.pullRequestFiles.get(Number(files[1])) ?? []);
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (list && method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = this.commentsOn(Number(list[3]));
      const pageItems = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url.href);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return { status: 200, json: pageItems.map((comment) => this.commentJson(comment)), headers };
    }
    if (list && method === 'POST') {
      if (this.readOnly) return forbidden;
      // Comments are authored by whoever the token is: the bot for the default token.
      const comment = this.addComment(Number(list[3]), this.userLogin ?? 'github-actions[bot]', (JSON.parse(body) as { body: string }).body);
      return { status: 201, json: this.commentJson(comment) };
    }
    const update = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (update && method === 'PATCH') {
      if (this.readOnly) return forbidden;
      const comment = this.comments.find((candidate) => candidate.id === Number(update[3]));
      if (!comment) return { status: 404, json: { message: 'Not Found' } };
      comment.body = (JSON.parse(body) as { body: string }).body;
      return { status: 200, json: this.commentJson(comment) };
    }
    return { status: 404, json: { message: `the fake has no ${method} ${url.pathname}` } };
  }
}

/** A fake of its own for one test, stopped when the test ends: tests can then run concurrently. */
export async function startFakeGithub(onTestFinished: (cleanup: () => Promise<void>) => void): Promise<FakeGithub> {
  const github = new FakeGithub();
  await github.start();
  onTestFinished(() => github.stop());
  return github;
}
