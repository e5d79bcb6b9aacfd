import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type DatabricksConnection, connectionSecrets } from './connection-options.js';

/**
 * Report files into a Unity Catalog volume through the Databricks Files API
 * (`PUT /api/2.0/fs/directories{dir}`, `PUT /api/2.0/fs/files{file}?overwrite=true`, raw bytes),
 * with the same host and credentials as the SQL connection. A service principal first trades its
 * secret for a token (`POST /oidc/v1/token`, client credentials, scope all-apis).
 */

/** `/Volumes/<catalog>/<schema>/<volume>[/<dir>…]`. */
const VOLUME_PATH = /^\/Volumes\/[^/]+\/[^/]+\/[^/]+(\/[^/]+)*\/?$/;

export function isVolumePath(text: string): boolean {
  return VOLUME_PATH.test(text) && !text.split('/').some((part) => part === '..' || part === '.');
}

/** Catalog Explorer's page of the volume (it lists the folders; the path is said beside the link). */
export function volumeExplorerUrl(connection: Pick<DatabricksConnection, 'host' | 'port'>, volumePath: string): string {
  const [, , catalog, schema, volume] = volumePath.split('/');
  const origin = `https://${connection.host}${connection.port === 443 ? '' : `:${connection.port}`}`;
  return `${origin}/explore/data/volumes/${[catalog, schema, volume].map((part) => encodeURIComponent(part ?? '')).join('/')}`;
}

function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(folder, entry.name), `${prefix}${entry.name}/`) : entry.isFile() ? [`${prefix}${entry.name}`] : []));
}

const encodePath = (volumePath: string) => volumePath.split('/').map(encodeURIComponent).join('/');

function masked(text: string, secrets: string[]): string {
  return secrets.reduce((result, secret) => (secret ? result.split(secret).join('***') : result), text);
}

async function bearerToken(connection: DatabricksConnection, origin: string, fetcher: typeof fetch): Promise<string> {
  if (connection.auth.kind === 'personal-access-token') return connection.auth.token;
  const basic = Buffer.from(`${connection.auth.clientId}:${connection.auth.clientSecret}`).toString('base64');
  const response = await fetcher(`${origin}/oidc/v1/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=all-apis',
  });
  if (!response.ok) throw new Error(`the OAuth token request answered ${response.status}`);
  const token = ((await response.json()) as { access_token?: string }).access_token;
  if (!token) throw new Error('the OAuth token response has no access_token');
  return token;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (response.ok) return;
  let detail: string;
  try {
    const body = (await response.json()) as { error_code?: string; message?: string };
    detail = [body.error_code, body.message].filter(Boolean).join(': ');
  } catch {
    detail = response.statusText;
  }
  throw new Error(`${what}: ${response.status}${detail ? ` ${detail}` : ''}`);
}

export interface VolumeUpload {
  files: string[];
}

/** Uploads every file under `folder` into `volumeDir`, keeping sub-folders; replaces files already there. */
export async function uploadToVolume(connection: DatabricksConnection, folder: string, volumeDir: string, fetcher: typeof fetch = fetch): Promise<VolumeUpload> {
  const origin = `https://${connection.host}${connection.port === 443 ? '' : `:${connection.port}`}`;
  const secrets = connectionSecrets(connection);
  try {
    const token = await bearerToken(connection, origin, fetcher);
    secrets.push(token);
    const headers = { authorization: `Bearer ${token}` };
    const files = filesUnder(folder);
    const target = volumeDir.replace(/\/+$/, '');
    for (const directory of [...new Set(files.map((file) => path.posix.dirname(`${target}/${file}`)))]) {
      await expectOk(await fetcher(`${origin}/api/2.0/fs/directories${encodePath(directory)}`, { method: 'PUT', headers }), `creating ${directory}`);
    }
    for (const file of files) {
      const response = await fetcher(`${origin}/api/2.0/fs/files${encodePath(`${target}/${file}`)}?overwrite=true`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: readFileSync(path.join(folder, file)),
      });
      await expectOk(response, `uploading ${file}`);
    }
    return { files };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    // The cause is left off on purpose: its message may carry a token or secret, masked here.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(masked(`${(error as Error).message}${cause ? ` (${cause})` : ''}`, secrets));
  }
}
