import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DUCKDB_PACKAGE, DuckdbModuleMissingError, loadDuckdbModule } from '../engines/duckdb/duckdb-module.js';
import { pinnedDependencyVersion } from '../tool-version.js';

/**
 * dist/ carries no native module: DuckDB's binary is ~70 MB and differs per platform. When the
 * action runs from its own checkout (no node_modules), `engine: duckdb` installs the exact
 * version package.json pins into the runner's temp folder, once per job.
 */
export interface DuckdbAvailability {
  /** `beside` the action (a node_modules it can resolve), or installed into `prefix` now or earlier in the job. */
  source: 'beside' | 'installed' | 'reused';
  prefix?: string;
  version?: string;
  installMs?: number;
}

function installedVersion(prefix: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(prefix, 'node_modules', DUCKDB_PACKAGE, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** A registry that does not answer must not hold the job until its own timeout. */
const INSTALL_TIMEOUT_MS = 5 * 60_000;

function npmInstall(prefix: string, spec: string): Promise<void> {
  const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '--prefix', prefix, spec];
  return new Promise((resolve, reject) => {
    // npm is a .cmd script on Windows, which Node starts only through a shell.
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32', timeout: INSTALL_TIMEOUT_MS });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`cannot start npm to install ${spec} (${error.message}); engine duckdb needs npm on the runner's PATH`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else if (child.killed) reject(new Error(`npm install ${spec} did not finish in ${INSTALL_TIMEOUT_MS / 60_000} minutes: ${output.trim().split('\n').slice(-5).join(' ')}`));
      else reject(new Error(`npm install ${spec} exited with ${code}: ${output.trim().split('\n').slice(-5).join(' ')}`));
    });
  });
}

export async function ensureDuckdb(runnerTemp: string): Promise<DuckdbAvailability> {
  try {
    await loadDuckdbModule();
    return { source: 'beside' };
  } catch (error) {
    if (!(error instanceof DuckdbModuleMissingError)) throw error;
  }
  const version = pinnedDependencyVersion(DUCKDB_PACKAGE);
  if (!version) throw new Error(`package.json pins no version of ${DUCKDB_PACKAGE}`);
  const prefix = path.join(runnerTemp, 'recon-gate-duckdb');
  if (installedVersion(prefix) === version) {
    await loadDuckdbModule(prefix);
    return { source: 'reused', prefix, version };
  }
  const started = Date.now();
  await npmInstall(prefix, `${DUCKDB_PACKAGE}@${version}`);
  const installMs = Date.now() - started;
  await loadDuckdbModule(prefix);
  return { source: 'installed', prefix, version, installMs };
}
