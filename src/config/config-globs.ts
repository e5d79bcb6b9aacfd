import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const GLOB_CHARACTERS = /[*?[]/;

/** A glob as a regular expression over `/`-separated paths: `**` spans folders, `*` and `?` do not. */
export function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` anything below.
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else {
      source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Every file and folder under `root`, as absolute paths (hidden folders included, links not followed into loops). */
function walk(root: string): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      found.push(full);
      if (entry.isDirectory()) visit(full);
    }
  };
  visit(root);
  return found;
}

/**
 * Expands `--config` / the `config` input: plain paths stay as given (a missing one becomes a
 * config error at that path), globs become the YAML files and folders they match. A glob that
 * matches nothing is returned as unmatched, since it is almost always a typo.
 */
export function expandConfigGlobs(patterns: readonly string[]): { paths: string[]; unmatched: string[] } {
  const paths: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (!GLOB_CHARACTERS.test(pattern)) {
      paths.push(pattern);
      continue;
    }
    const absolute = path.resolve(pattern).split(path.sep).join('/');
    const parts = absolute.split('/');
    const root = parts.slice(0, parts.findIndex((part) => GLOB_CHARACTERS.test(part))).join('/') || '/';
    const matcher = globPattern(absolute);
    const matches = walk(root)
      .filter((candidate) => matcher.test(candidate.split(path.sep).join('/')))
      .filter((match) => /\.ya?ml$/i.test(match) || statSync(match).isDirectory())
      .sort();
    if (matches.length === 0) unmatched.push(pattern);
    paths.push(...matches);
  }
  return { paths, unmatched };
}
