import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * A `file:` source or a `duckdb.mount` folder is read by the engine and its rows can reach the
 * PR comment, so a config may only name files inside the working directory (the checkout) or
 * its own folder. Without this, `file: ../../_temp/_github_workflow/event.json` would post the
 * runner's event payload. Symbolic links are followed before the check, so a committed link to
 * `/proc/self/environ` is caught as well.
 */
export function outsideAllowedRoots(given: string, roots: readonly string[]): string | undefined {
  const fixedPart = fixedPrefix(given);
  const resolved = realOrResolved(fixedPart);
  const realRoots = roots.map(realOrResolved);
  const inside = realRoots.some((root) => resolved === root || resolved.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`));
  return inside ? undefined : resolved;
}

/** The part of a path before its first glob character: what the engine will list or open. */
function fixedPrefix(given: string): string {
  const parts = path.resolve(given).split(path.sep);
  const firstGlob = parts.findIndex((part) => /[*?[{]/.test(part));
  return firstGlob === -1 ? parts.join(path.sep) : parts.slice(0, firstGlob).join(path.sep) || path.sep;
}

/** The real path of the longest existing ancestor, with the rest appended (a file may not exist yet). */
function realOrResolved(given: string): string {
  const resolved = path.resolve(given);
  let existing = resolved;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return resolved;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}
