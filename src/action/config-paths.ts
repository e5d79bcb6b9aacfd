import { statSync } from 'node:fs';
import { create as createGlobber } from '@actions/glob';
import { ActionInputError } from './action-inputs.js';

const GLOB_CHARACTERS = /[*?[]/;

/**
 * Expands the `config` input: plain paths stay as given (a missing one becomes a config error at
 * that path), globs become the YAML files and folders they match. A glob that matches nothing is
 * an input error, since it is almost always a typo.
 */
export async function resolveConfigPaths(patterns: readonly string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const pattern of patterns) {
    if (!GLOB_CHARACTERS.test(pattern)) {
      paths.push(pattern);
      continue;
    }
    const globber = await createGlobber(pattern, { matchDirectories: true, implicitDescendants: false });
    const matches = (await globber.glob()).filter((match) => /\.ya?ml$/i.test(match) || statSync(match).isDirectory()).sort();
    if (matches.length === 0) throw new ActionInputError('config', `the glob "${pattern}" matches no .yml or .yaml file`);
    paths.push(...matches);
  }
  return paths;
}
