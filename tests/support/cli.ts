import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/recon-gate.js'), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `recon-gate-${prefix}-`));
}

/**
 * A copy of the shipped demo (its data and its config, mounted from the copy) in a fresh folder,
 * with `edit` applied to the config text, written as `c.yml`: a demo that differs in one setting.
 */
export function demoWithConfig(prefix: string, edit: (config: string) => string): string {
  const folder = tempDir(prefix);
  cpSync(path.join(REPO_ROOT, 'demo-data'), path.join(folder, 'demo-data'), { recursive: true });
  const config = readFileSync(path.join(REPO_ROOT, 'recon-configs/card-portfolio.yml'), 'utf8').replace('mount: ../demo-data', 'mount: demo-data');
  writeFileSync(path.join(folder, 'c.yml'), edit(config));
  return folder;
}
