import path from 'node:path';

/**
 * What the embedded DuckDB may touch on disk once it is locked down. DuckDB runs inside our own
 * process with our user's rights, so without this a config's SQL could read any file the runner
 * can (the event payload, `/proc/self/environ`, the workspace) or write one with COPY. Locked,
 * it reads only the configured sources and writes nothing outside its own spill folder.
 */
export interface FileAccess {
  /** Single files (a `file:` source without a glob, a mounted view's file). */
  files: string[];
  /** Folders, each with everything below it: a glob's fixed part, the spill folder. */
  directories: string[];
}

const GLOB_CHARACTERS = /[*?[{]/;

/** The folder a glob can match in: the path up to the component holding the first glob character. */
function globRoot(pattern: string): string {
  const parts = path.resolve(pattern).split(path.sep);
  const firstGlob = parts.findIndex((part) => GLOB_CHARACTERS.test(part));
  return parts.slice(0, firstGlob).join(path.sep) || path.sep;
}

/** The access a set of source paths (files or globs) needs. */
export function accessForSources(sources: readonly string[]): FileAccess {
  const files: string[] = [];
  const directories: string[] = [];
  for (const source of sources) {
    if (GLOB_CHARACTERS.test(source)) directories.push(globRoot(source));
    else files.push(path.resolve(source));
  }
  return { files, directories };
}

/** DuckDB treats an allowed directory as a prefix of the path: end it with a separator so `/data` does not allow `/data-secret`. */
export function asDirectoryPrefix(directory: string): string {
  const resolved = path.resolve(directory);
  return resolved.endsWith(path.sep) ? resolved : `${resolved}${path.sep}`;
}
