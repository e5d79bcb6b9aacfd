import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatPath, type ConfigError } from './config-error.js';
import { closestMatch } from './did-you-mean.js';
import { YamlLocator } from './yaml-locations.js';
import { allowedKeys, schemaAt } from './zod-shape.js';

/**
 * A YAML file checked against a zod schema, every problem located at its line and column with a
 * hint: the one way config files and waivers files are read.
 */

export type ValidatedYaml<T> = { ok: true; data: T; file: string; locator: YamlLocator } | { ok: false; errors: ConfigError[] };

export interface YamlValidationOptions {
  /** What to say about a file with nothing in it. */
  empty: { message: string; hint: string };
  /** Words some issues differently; the rest read as describeIssue says. */
  describe?: (issue: z.core.$ZodIssue, file: string, locator: YamlLocator) => ConfigError[] | undefined;
}

/** `file` is the path as errors show it. */
export function validateYaml<S extends z.ZodType>(text: string, file: string, schema: S, options: YamlValidationOptions): ValidatedYaml<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(document, lineCounter);
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        file,
        ...locator.position(error.pos[0]),
        path: '',
        message: `YAML syntax error: ${error.message.split('\n')[0]}`,
        hint: 'Check the indentation and quoting on this line; values with `:` or `#` need quotes.',
      })),
    };
  }
  const raw = document.toJS() as unknown;
  if (raw === null || raw === undefined) return { ok: false, errors: [{ file, ...locator.position(0), path: '', ...options.empty }] };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.flatMap((issue) => options.describe?.(issue, file, locator) ?? describeIssue(issue, file, locator, schema)) };
  }
  return { ok: true, data: parsed.data, file, locator };
}

/** One zod issue as located errors; `schema` is the root the issue's path starts from. */
export function describeIssue(issue: z.core.$ZodIssue, file: string, locator: YamlLocator, schema: z.ZodType): ConfigError[] {
  const issuePath = issue.path as PropertyKey[];
  const fieldPath = formatPath(issuePath);
  if (issue.code === 'unrecognized_keys') {
    const valid = allowedKeys(schema, issuePath);
    return issue.keys.map((key) => {
      const suggestion = closestMatch(key, valid);
      return {
        file,
        ...locator.locate(issuePath, key),
        path: formatPath([...issuePath, key]),
        message: `unknown key \`${key}\``,
        hint: `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Valid keys here: ${valid.join(', ')}.`,
      };
    });
  }
  if (issue.code === 'invalid_key') {
    const valid = allowedKeys(schema, issuePath.slice(0, -1));
    const key = String(issuePath[issuePath.length - 1]);
    const suggestion = closestMatch(key, valid);
    return [{
      file,
      ...locator.keyOf(issuePath),
      path: fieldPath,
      message: `unknown key \`${key}\``,
      hint: `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Valid keys here: ${valid.join(', ')}.`,
    }];
  }
  const location = locator.locate(issuePath);
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((value) => String(value));
    const given = valueAt(locator, issuePath);
    const suggestion = typeof given === 'string' ? closestMatch(given, values) : undefined;
    const what = given === undefined ? 'a value is missing' : `\`${String(given)}\` is not allowed`;
    return [{
      file,
      ...location,
      path: fieldPath,
      message: what,
      hint: `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Expected one of: ${values.join(', ')}.`,
    }];
  }
  if (issue.code === 'invalid_type') {
    const given = valueAt(locator, issuePath);
    const expected = describeExpected(schema, issuePath, issue.expected);
    const message = given === undefined ? `missing required field` : `expected ${expected}, got ${describeValue(given)}`;
    return [{ file, ...(given === undefined ? locator.locate(issuePath.slice(0, -1)) : location), path: fieldPath, message, hint: `Write ${expected} here.` }];
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    const isCount = issue.origin === 'array' || issue.origin === 'string';
    const message = isCount
      ? issue.code === 'too_small' ? `needs at least ${limit} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}` : `allows at most ${limit} item(s)`
      : `${String(valueAt(locator, issuePath))} is out of range`;
    const hint = isCount ? undefined : `Use a value ${issue.code === 'too_small' ? `of at least ${limit}` : `of at most ${limit}`}.`;
    return [{ file, ...location, path: fieldPath, message, hint }];
  }
  return [{ file, ...location, path: fieldPath, message: issue.message.replace(/\.$/, '') }];
}

function describeExpected(root: z.ZodType, path: ReadonlyArray<PropertyKey>, expected: string): string {
  const schema = schemaAt(root, path);
  const type = schema?._zod.def.type;
  if (type === 'union') return 'a table name such as `schema.table` (or a list of its parts)';
  if (type === 'literal') return `\`${String((schema?._zod.def.values as unknown[] | undefined)?.[0])}\``;
  if (expected === 'object') return 'a mapping of keys to values';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing (null)';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}

function valueAt(locator: YamlLocator, path: ReadonlyArray<PropertyKey>): unknown {
  return locator.valueAt(path);
}
