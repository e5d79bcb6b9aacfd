import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { GithubRun } from './github-event.js';

export type ArtifactOutcome =
  | { kind: 'uploaded'; id: number; url: string; size: number }
  /** Nothing was tried: the service does not exist here. The files stay in the report folder. */
  | { kind: 'skipped'; reason: string }
  /** Tried and failed; the run goes on, and the files stay in the report folder. */
  | { kind: 'failed'; reason: string };

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
    });
}

/** The artifact's page; GitHub has no other stable link to it. */
export function artifactUrl(run: Pick<GithubRun, 'serverUrl' | 'owner' | 'repo' | 'runId'>, id: number): string {
  return `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}/artifacts/${id}`;
}

/**
 * Every report of the run as ONE artifact, so a reviewer downloads one zip. A missing service
 * (GitHub Enterprise Server, or not on a runner) or a failed upload never fails the run: the
 * verdict does not depend on where the files end up.
 */
export async function uploadReports(
  name: string,
  folder: string,
  run: GithubRun,
  options: { retentionDays?: number; env?: Record<string, string | undefined> } = {},
): Promise<ArtifactOutcome> {
  const env = options.env ?? process.env;
  // Checked here too so the client's own "upload failed" warning annotation is never printed.
  if (run.enterpriseServer) {
    return {
      kind: 'skipped',
      reason: `${run.serverUrl} is a GitHub Enterprise Server, where this action cannot upload artifacts; the reports stay in the folder of the report-dir output: add an actions/upload-artifact step (the version your server supports) for that folder to keep them`,
    };
  }
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return { kind: 'skipped', reason: 'the Actions runtime gave this step no artifact service (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set)' };
  }
  // Loaded only when there is a service to talk to: it is about half of the bundle's code.
  const { DefaultArtifactClient, GHESNotSupportedError } = await import('@actions/artifact');
  try {
    const client = new DefaultArtifactClient();
    const uploaded = await client.uploadArtifact(name, filesUnder(folder), folder, { retentionDays: options.retentionDays });
    if (uploaded.id === undefined) return { kind: 'failed', reason: 'the artifact service returned no artifact id' };
    return { kind: 'uploaded', id: uploaded.id, url: artifactUrl(run, uploaded.id), size: uploaded.size ?? 0 };
  } catch (error) {
    if (error instanceof GHESNotSupportedError) return { kind: 'skipped', reason: error.message };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
