import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { uploadToVolume } from '../../src/engines/databricks/volume-upload.js';
import { openEngine } from '../../src/backends/registry.js';
import { loadReconInputs, reconcile } from '../../src/recon/reconcile.js';
import type { RunResults } from '../../src/results/results-model.js';
import { tempDir } from '../support/cli.js';

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  contentType?: string;
  body?: string;
}

/**
 * The Databricks Files API as its reference describes it: PUT a directory, PUT a file's raw bytes
 * with `overwrite=true`, 200/204 with no body; the OAuth token endpoint for a service principal.
 * A fetch stand-in, so every request is seen exactly as sent (no TLS: the host is not contacted).
 */
function fakeFilesApi(answer: (request: Recorded) => Response | undefined = () => undefined) {
  const requests: Recorded[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const body = init?.body === undefined ? undefined : Buffer.isBuffer(init.body) ? init.body.toString('utf8') : String(init.body);
    const request = { method: init?.method ?? 'GET', url: String(input), authorization: headers.get('authorization') ?? undefined, contentType: headers.get('content-type') ?? undefined, body };
    requests.push(request);
    const custom = answer(request);
    if (custom) return custom;
    if (request.url.endsWith('/oidc/v1/token')) return Response.json({ access_token: 'oauth-access-token', token_type: 'Bearer', expires_in: 3600 });
    return new Response(null, { status: request.url.includes('/fs/files/') ? 204 : 200 });
  }) as typeof fetch;
  return { requests, fetcher };
}

const connection = { host: 'dbc-1234.cloud.databricks.com', port: 443, httpPath: '/sql/1.0/warehouses/abc', maxConcurrentStatements: 4, checkServerCertificate: true, telemetryEnabled: false } as const;

describe('report_volume: the reports copied into a Unity Catalog volume through the Files API', () => {
  test('a directory per folder, then each file as raw bytes with overwrite, with the personal access token', async () => {
    const folder = tempDir('volume-files');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    writeFileSync(path.join(folder, 'results.json'), '{"a":1}');
    mkdirSync(path.join(folder, 'charts'));
    writeFileSync(path.join(folder, 'charts', 'row counts.svg'), '<svg/>');
    const fake = fakeFilesApi();
    const uploaded = await uploadToVolume({ ...connection, auth: { kind: 'personal-access-token', token: 'dapi-secret' } }, folder, '/Volumes/main/recon/reports/runs/9001', fake.fetcher);
    expect(uploaded.files).toEqual(['charts/row counts.svg', 'results.json']);
    expect(fake.requests.map(({ method, url, authorization, contentType, body }) => [method, url, authorization, contentType, body])).toEqual([
      ['PUT', 'https://dbc-1234.cloud.databricks.com/api/2.0/fs/directories/Volumes/main/recon/reports/runs/9001/charts', 'Bearer dapi-secret', undefined, undefined],
      ['PUT', 'https://dbc-1234.cloud.databricks.com/api/2.0/fs/directories/Volumes/main/recon/reports/runs/9001', 'Bearer dapi-secret', undefined, undefined],
      ['PUT', 'https://dbc-1234.cloud.databricks.com/api/2.0/fs/files/Volumes/main/recon/reports/runs/9001/charts/row%20counts.svg?overwrite=true', 'Bearer dapi-secret', 'application/octet-stream', '<svg/>'],
      ['PUT', 'https://dbc-1234.cloud.databricks.com/api/2.0/fs/files/Volumes/main/recon/reports/runs/9001/results.json?overwrite=true', 'Bearer dapi-secret', 'application/octet-stream', '{"a":1}'],
    ]);
  });

  test('a service principal trades its secret for a token first; the secret never reaches the Files API', async () => {
    const folder = tempDir('volume-oauth');
    (await import('node:fs')).writeFileSync(path.join(folder, 'summary.md'), '# hi');
    const fake = fakeFilesApi();
    await uploadToVolume({ ...connection, auth: { kind: 'oauth-m2m', clientId: 'sp-id', clientSecret: 'sp-secret' } }, folder, '/Volumes/main/recon/reports', fake.fetcher);
    const [token, ...files] = fake.requests;
    expect(token).toMatchObject({ method: 'POST', url: 'https://dbc-1234.cloud.databricks.com/oidc/v1/token', authorization: `Basic ${Buffer.from('sp-id:sp-secret').toString('base64')}`, body: 'grant_type=client_credentials&scope=all-apis' });
    expect(files.every((request) => request.authorization === 'Bearer oauth-access-token')).toBe(true);
  });

  test('through the pipeline: results.json and summary.md link the volume folder; a refusal is said in both, never a failed run', async () => {
    const configDir = path.resolve('recon-configs');
    const { config, waivers } = loadReconInputs([configDir]);
    const engine = await openEngine({ engine: 'duckdb', config });
    const databricks = { host: 'dbc-1234.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/abc', token: 'dapi-secret' };
    try {
      const ok = fakeFilesApi();
      const good = tempDir('volume-run');
      const { results } = await reconcile({ config, waivers, engine, reportDir: good, reports: { charts: 'none' }, reportVolume: { volumeDir: '/Volumes/main/recon/reports/runs', runId: '9001', configSet: 'recon-configs', databricks, env: {}, fetch: ok.fetcher } });
      expect(results.reportVolume).toEqual({ path: '/Volumes/main/recon/reports/runs/recon-configs/9001', url: 'https://dbc-1234.cloud.databricks.com/explore/data/volumes/main/recon/reports' });
      expect(readFileSync(path.join(good, 'summary.md'), 'utf8')).toContain('🗂️ [Reports in the volume](https://dbc-1234.cloud.databricks.com/explore/data/volumes/main/recon/reports): /Volumes/main/recon/reports/runs/recon-configs/9001');
      expect(ok.requests.filter((request) => request.url.includes('/fs/files/')).map((request) => request.url.replace(/^.*\/9001\//, '').replace(/\?.*$/, ''))).toEqual(
        expect.arrayContaining(['results.json', 'summary.md', 'report.xlsx', 'junit.xml']),
      );

      const refused = fakeFilesApi((request) => (request.url.includes('/fs/') ? Response.json({ error_code: 'PERMISSION_DENIED', message: 'User does not have WRITE VOLUME on Volume main.recon.reports' }, { status: 403 }) : undefined));
      const bad = tempDir('volume-refused');
      const second = await reconcile({ config, waivers, engine, reportDir: bad, reports: { charts: 'none' }, reportVolume: { volumeDir: '/Volumes/main/recon/reports/runs', runId: '9001', configSet: 'recon-configs', databricks, env: {}, fetch: refused.fetcher } });
      const error = 'not copied: creating /Volumes/main/recon/reports/runs/recon-configs/9001: 403 PERMISSION_DENIED: User does not have WRITE VOLUME on Volume main.recon.reports';
      expect(second.results.reportVolume?.error).toBe(error);
      expect((JSON.parse(readFileSync(path.join(bad, 'results.json'), 'utf8')) as RunResults).reportVolume?.error).toBe(error);
      expect(readFileSync(path.join(bad, 'summary.md'), 'utf8')).toContain('> **Reports not copied to the volume** /Volumes/main/recon/reports/runs/recon-configs/9001: creating /Volumes');
      expect(second.results.status).toBe('FAIL');
    } finally {
      await engine.close();
    }
  });
});
