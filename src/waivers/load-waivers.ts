import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigInvalidError, formatPath, type ConfigError } from '../config/config-error.js';
import { toDisplayPath } from '../config/load-config.js';
import type { YamlLocator } from '../config/yaml-locations.js';
import { validateYaml } from '../config/yaml-validation.js';
import { COLUMN_CHECKS, waiversFileSchema, type Waiver, type WaiversFileInput } from './waiver-schema.js';

export interface WaiversLoad {
  waivers: Waiver[];
  errors: ConfigError[];
}

const DATE_HINT = 'Write the last day the waiver applies as YYYY-MM-DD, e.g. 2027-03-31: every waiver expires.';

/** Reads and validates waivers files; collects every error, as config loading does. */
export function loadWaivers(files: readonly string[]): WaiversLoad {
  const result: WaiversLoad = { waivers: [], errors: [] };
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      result.errors.push({ file: toDisplayPath(file), line: 1, column: 1, path: '', message: 'no such waivers file', hint: 'Pass an existing file with --waivers, or leave it out to use waivers.yml in the config folder when there is one.' });
      continue;
    }
    const loaded = loadWaiversText(text, file);
    result.waivers.push(...loaded.waivers);
    result.errors.push(...loaded.errors);
  }
  return result;
}

/** Like loadWaivers, but throws ConfigInvalidError when anything is wrong. */
export function loadWaiversOrThrow(files: readonly string[]): Waiver[] {
  const { waivers, errors } = loadWaivers(files);
  if (errors.length > 0) throw new ConfigInvalidError(errors);
  return waivers;
}

export function loadWaiversText(text: string, file: string): WaiversLoad {
  const validated = validateYaml(text, toDisplayPath(file), waiversFileSchema, {
    empty: { message: 'the waivers file is empty', hint: 'Write `version: 1` and a `waivers:` list (`waivers: []` when there are none).' },
    describe: describeDateIssue,
  });
  if (!validated.ok) return { waivers: [], errors: validated.errors };
  return buildWaivers(validated.data, validated.file, validated.locator);
}

/** Dates get their own wording; everything else reads like a config error. */
function describeDateIssue(issue: z.core.$ZodIssue, file: string, locator: YamlLocator): ConfigError[] | undefined {
  const issuePath = issue.path as PropertyKey[];
  if (!(issuePath.length === 3 && issuePath[0] === 'waivers' && issuePath[2] === 'expires')) return undefined;
  const given = locator.valueAt(issuePath);
  if (given === undefined) {
    return [{ file, ...locator.locate(issuePath.slice(0, -1)), path: formatPath(issuePath), message: 'missing required field', hint: DATE_HINT }];
  }
  const message = typeof given === 'string' ? `\`${given}\` is not a day` : `expected a day (YYYY-MM-DD), got ${Array.isArray(given) ? 'a list' : given === null ? 'nothing (null)' : `${typeof given} \`${String(given)}\``}`;
  return [{ file, ...locator.locate(issuePath), path: formatPath(issuePath), message, hint: DATE_HINT }];
}

function buildWaivers(input: WaiversFileInput, file: string, locator: YamlLocator): WaiversLoad {
  const errors: ConfigError[] = [];
  const error = (fieldPath: PropertyKey[], message: string, hint: string) => {
    errors.push({ file, ...locator.keyOf(fieldPath), path: formatPath(fieldPath), message, hint });
  };
  const waivers = input.waivers.map((entry, index): Waiver => {
    const at = ['waivers', index] as PropertyKey[];
    if (entry.column !== undefined && !(COLUMN_CHECKS as readonly string[]).includes(entry.check)) {
      error([...at, 'column'], `\`column\` does not apply to ${entry.check}: that check is not counted per column`, `Remove \`column\` to waive the whole check; columns can be named for ${COLUMN_CHECKS.join(', ')}.`);
    }
    if (entry.class !== undefined && entry.check !== 'value_mismatches') {
      error([...at, 'class'], `\`class\` applies only to value_mismatches, not ${entry.check}`, 'Remove `class`, or set `check: value_mismatches`.');
    }
    return {
      pair: entry.pair,
      check: entry.check,
      column: entry.column,
      class: entry.class,
      reason: entry.reason,
      owner: entry.owner,
      expires: entry.expires,
      location: { file, ...locator.locate(at) },
    };
  });
  return { waivers: errors.length === 0 ? waivers : [], errors };
}
