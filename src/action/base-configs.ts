import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expandConfigGlobs } from '../config/config-globs.js';

/**
 * The pull request's configs and waivers as they are at its base commit, read with git (never
 * checked out, never run) into a folder of their own, laid out as in the repository, so that
 * the same `config` and `waivers` inputs name the same files there.
 */

export type BaseConfigs =
  | { kind: 'read'; root: string; configPaths: string[]; waiverFiles: string[] }
  | { kind: 'none'; reason: string; problem?: boolean };

export interface BaseConfigRequest {
  workspace: string;
  sha: string;
  /** The `config` input's entries, as given (relative to the workspace, or absolute). */
  patterns: string[];
  /** The `waivers` input's files; empty: waivers.yml beside the configs, as for the head. */
  waiverFiles: string[];
  /** A folder this run owns; emptied first. */
  folder: string;
}

const GLOB_CHARACTERS = /[*?[]/;
const YAML = /\.ya?ml$/i;

class GitError extends Error {}

function git(workspace: string, args: string[], input?: { binary: true }): string | Buffer {
  try {
    return execFileSync('git', ['-C', workspace, ...args], { encoding: input ? 'buffer' : 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer | string }).stderr ?? '').trim().split('\n')[0];
    throw new GitError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

const gitText = (workspace: string, args: string[]) => String(git(workspace, args)).trim();

function hasCommit(workspace: string, sha: string): boolean {
  try {
    gitText(workspace, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Where a config entry's files can be: the entry itself, or for a glob the folder before its first wildcard. */
function rootOf(absolute: string): string {
  const parts = absolute.split(path.sep);
  const wildcard = parts.findIndex((part) => GLOB_CHARACTERS.test(part));
  return wildcard === -1 ? absolute : parts.slice(0, wildcard).join(path.sep) || path.sep;
}

function inside(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
}

export function readBaseConfigs(request: BaseConfigRequest): BaseConfigs {
  const { workspace, sha } = request;
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return { kind: 'none', reason: `the base commit \`${sha}\` is not a commit id`, problem: true };
  try {
    const repositoryRoot = gitText(workspace, ['rev-parse', '--show-toplevel']);
    if (!hasCommit(workspace, sha)) {
      // actions/checkout fetches one commit by default: fetch the base's alone, with the checkout's credentials.
      try {
        git(workspace, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
      } catch (error) {
        return { kind: 'none', reason: `the base commit ${sha.slice(0, 12)} is not in the checkout and could not be fetched (${(error as Error).message}); set \`fetch-depth: 0\` on actions/checkout`, problem: true };
      }
      if (!hasCommit(workspace, sha)) return { kind: 'none', reason: `the base commit ${sha.slice(0, 12)} is not in the checkout; set \`fetch-depth: 0\` on actions/checkout`, problem: true };
    }
    rmSync(request.folder, { recursive: true, force: true });
    mkdirSync(request.folder, { recursive: true });
    const copy = (relative: string) => {
      const target = path.join(request.folder, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, git(workspace, ['cat-file', 'blob', `${sha}:${relative.split(path.sep).join('/')}`], { binary: true }));
    };
    const rebase = (given: string) => {
      const absolute = path.resolve(workspace, given);
      const relative = inside(repositoryRoot, absolute);
      return relative === undefined ? undefined : { absolute, relative };
    };

    const configPatterns: string[] = [];
    for (const pattern of request.patterns) {
      const entry = rebase(pattern);
      if (!entry) continue;
      const root = inside(repositoryRoot, rootOf(entry.absolute)) ?? '';
      const listed = gitText(workspace, ['ls-tree', '-r', '--name-only', sha, '--', root || '.']).split('\n').filter((file) => YAML.test(file));
      for (const file of listed) copy(file);
      configPatterns.push(path.join(request.folder, entry.relative));
    }
    const expanded = expandConfigGlobs(configPatterns);
    // A config folder or file the pull request added is not at the base: its pairs are all new.
    const configPaths = expanded.paths.filter((file) => existsSync(file));
    const waiverFiles: string[] = [];
    for (const file of request.waiverFiles) {
      const entry = rebase(file);
      if (!entry) continue;
      try {
        copy(entry.relative);
        waiverFiles.push(path.join(request.folder, entry.relative));
      } catch {
        // Not at the base: every waiver in it is added by the pull request.
      }
    }
    // Named waiver files none of which is at the base: compare with no waivers, not with the defaults.
    if (request.waiverFiles.length > 0 && waiverFiles.length === 0) {
      const empty = path.join(request.folder, '.recon-gate-no-waivers.yml');
      writeFileSync(empty, 'version: 1\nwaivers: []\n');
      waiverFiles.push(empty);
    }
    return { kind: 'read', root: request.folder, configPaths, waiverFiles };
  } catch (error) {
    if (error instanceof GitError) return { kind: 'none', reason: `the configs at the base commit could not be read: ${error.message}`, problem: true };
    throw error;
  }
}
