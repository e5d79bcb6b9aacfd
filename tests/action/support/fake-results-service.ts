import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface UploadedArtifact {
  name: string;
  zip: Buffer;
  /** What FinalizeArtifact said: the size and `sha256:<hex>` the client computed. */
  finalized?: { size: string; hash: string };
}

export interface ServiceRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyLength: number;
}

/**
 * The Actions results service and blob storage as @actions/artifact (v6) talks to them:
 * CreateArtifact, Put Block, Put Block List, FinalizeArtifact (see
 * shared/notes/artifact-testing.md). Every Twirp answer has a JSON body: the client retries a
 * body it cannot parse.
 */
export class FakeResultsService {
  readonly artifacts = new Map<string, UploadedArtifact>();
  readonly requests: ServiceRequest[] = [];
  /** CreateArtifact bodies as sent: name, backend ids, expires_at when a retention was given. */
  readonly createRequests: Array<Record<string, unknown>> = [];
  /** Answer CreateArtifact with this Twirp error instead (e.g. 409 for a name already used). */
  createError: { status: number; code: string; msg: string } | undefined;
  private readonly blocks = new Map<string, Buffer>();
  private server: Server | undefined;
  private baseUrl = '';

  get url(): string {
    return this.baseUrl;
  }

  /** A runtime token the client accepts: it decodes the JWT payload without checking a signature. */
  static runtimeToken(): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'none' })}.${part({ scp: 'Actions.Results:run-1:job-1' })}.`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        this.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, bodyLength: body.length });
        const url = new URL(request.url ?? '/', this.baseUrl);
        const { status, body: answer, type } = this.answer(request.method ?? '', url, body);
        response.writeHead(status, { 'content-type': type });
        response.end(answer);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(method: string, url: URL, body: Buffer): { status: number; body: string; type: string } {
    const json = (status: number, value: unknown) => ({ status, body: JSON.stringify(value), type: 'application/json' });
    if (method === 'POST' && url.pathname === `${TWIRP}CreateArtifact`) {
      if (this.createError) return json(this.createError.status, { code: this.createError.code, msg: this.createError.msg });
      const request = JSON.parse(body.toString()) as { name: string };
      this.createRequests.push(request);
      const { name } = request;
      this.artifacts.set(name, { name, zip: Buffer.alloc(0) });
      return json(200, { ok: true, signed_upload_url: `${this.baseUrl}/blob/${encodeURIComponent(name)}.zip?sig=fake-signature` });
    }
    if (method === 'POST' && url.pathname === `${TWIRP}FinalizeArtifact`) {
      const { name, size, hash } = JSON.parse(body.toString()) as { name: string; size: string; hash: string };
      const artifact = this.artifacts.get(name);
      if (!artifact) return json(404, { code: 'not_found', msg: `no artifact ${name}` });
      artifact.finalized = { size, hash };
      return json(200, { ok: true, artifact_id: '4242' });
    }
    const blob = /^\/blob\/(.+)\.zip$/.exec(url.pathname);
    if (method === 'PUT' && blob) {
      const name = decodeURIComponent(blob[1]!);
      if (url.searchParams.get('comp') === 'block') {
        this.blocks.set(`${name}/${url.searchParams.get('blockid')}`, body);
        return { status: 201, body: '', type: 'text/plain' };
      }
      if (url.searchParams.get('comp') === 'blocklist') {
        const ids = [...body.toString().matchAll(/<Latest>([^<]+)<\/Latest>/g)].map((match) => match[1]!);
        const artifact = this.artifacts.get(name);
        if (artifact) artifact.zip = Buffer.concat(ids.map((id) => this.blocks.get(`${name}/${id}`) ?? Buffer.alloc(0)));
        return { status: 201, body: '', type: 'text/plain' };
      }
    }
    return json(404, { code: 'not_found', msg: `the fake has no ${method} ${url.pathname}` });
  }
}

/** A service of its own for one test, stopped when the test ends. */
export async function startFakeResultsService(onTestFinished: (cleanup: () => Promise<void>) => void): Promise<FakeResultsService> {
  const service = new FakeResultsService();
  await service.start();
  onTestFinished(() => service.stop());
  return service;
}
