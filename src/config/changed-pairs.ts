import path from 'node:path';
import { globPattern } from './config-globs.js';
import { toDisplayPath } from './load-config.js';
import { allPairs, type PairConfig, type ReconConfig } from './recon-config.js';

/**
 * `only-changed`: the pairs a change touches. A pair runs when its config file changed, when a
 * waivers file changed (a waiver changes verdicts, and the one removed is no longer in the file
 * to name its pair), or when a changed file matches one of its `paths:` globs. Paths are compared
 * relative to the working directory (the checkout's root in the Action), with `/`.
 */

export interface PairSelection {
  /** Names of the pairs to run, each with why. */
  run: Map<string, string>;
  skipped: PairConfig[];
}

const normalise = (file: string) => toDisplayPath(file).replace(/^\.\//, '');

export function selectChangedPairs(config: ReconConfig, changedFiles: readonly string[], waiverFiles: readonly string[]): PairSelection {
  const changed = changedFiles.map(normalise);
  const changedSet = new Set(changed);
  const waiverChanged = waiverFiles.map(normalise).find((file) => changedSet.has(file));
  const run = new Map<string, string>();
  const skipped: PairConfig[] = [];
  for (const pair of allPairs(config)) {
    const configFile = normalise(pair.location.file);
    const matchers = (pair.paths ?? []).map((glob) => ({ glob, pattern: globPattern(normalise(path.resolve(glob))) }));
    const matched = matchers.flatMap(({ glob, pattern }) => {
      const file = changed.find((candidate) => pattern.test(candidate));
      return file ? [`${file} matches ${glob}`] : [];
    });
    if (changedSet.has(configFile)) run.set(pair.name, `its config ${configFile} changed`);
    else if (waiverChanged) run.set(pair.name, `the waivers file ${waiverChanged} changed`);
    else if (matched.length > 0) run.set(pair.name, matched[0]!);
    else skipped.push(pair);
  }
  return { run, skipped };
}

/** The config with only the selected pairs. */
export function withPairs(config: ReconConfig, names: ReadonlyMap<string, string>): ReconConfig {
  return { files: config.files.map((file) => ({ ...file, pairs: file.pairs.filter((pair) => names.has(pair.name)) })).filter((file) => file.pairs.length > 0) };
}
