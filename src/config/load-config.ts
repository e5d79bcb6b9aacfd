import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHECK_NAMES, KEYED_CHECKS, type CheckName } from '../results/check-names.js';
import { configFileSchema, type ConfigFileInput, type FileInput, type PairInput, type SideInput } from './config-schema.js';
import { ConfigInvalidError, formatPath, type ConfigError } from './config-error.js';
import type { ConfigFile, CsvOptions, FileFormat, IgnoredColumns, PairConfig, ReconConfig, SideConfig, Threshold } from './recon-config.js';
import { outsideAllowedRoots } from './file-containment.js';
import { refuseUnsafeSql, stripTrailingSemicolon } from './sql-guard.js';
import { parseTableName } from './table-name.js';
import type { YamlLocator } from './yaml-locations.js';
import { validateYaml } from './yaml-validation.js';

const DEFAULT_SAMPLE_SIZE = 20;

/** Files named like this sit beside recon configs but are not pair configs. */
const NOT_PAIR_CONFIGS = new Set(['waivers.yml', 'waivers.yaml']);

/** Expands files and folders into the config files to read, in a stable order. */
export function findConfigFiles(paths: readonly string[]): { files: string[]; errors: ConfigError[] } {
  const files: string[] = [];
  const errors: ConfigError[] = [];
  for (const given of paths) {
    let stats;
    try {
      stats = statSync(given);
    } catch {
      errors.push({ file: toDisplayPath(given), line: 1, column: 1, path: '', message: 'no such file or folder', hint: 'Pass a YAML file or a folder of them with --config.' });
      continue;
    }
    if (stats.isDirectory()) {
      const found = walkYaml(given).filter((file) => !NOT_PAIR_CONFIGS.has(path.basename(file)));
      if (found.length === 0) {
        errors.push({ file: toDisplayPath(given), line: 1, column: 1, path: '', message: 'the folder holds no .yml or .yaml config files', hint: 'Add a config such as recon-configs/orders.yml (see the README).' });
      }
      files.push(...found);
    } else {
      files.push(given);
    }
  }
  return { files: [...new Set(files.map((file) => path.resolve(file)))], errors };
}

function walkYaml(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return walkYaml(full);
    return /\.ya?ml$/i.test(entry.name) ? [full] : [];
  });
}

export function toDisplayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return (relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative).split(path.sep).join('/');
}

export interface LoadOptions {
  /**
   * Check that local files exist and stay inside the checkout (default true). Off for configs
   * that are only read, never run: the base branch's copy, compared with this one (gate-changes.ts).
   */
  pathChecks?: boolean;
}

export interface LoadResult {
  config: ReconConfig;
  errors: ConfigError[];
}

/** Reads and validates every config; collects all errors instead of stopping at the first. */
export function loadConfigs(paths: readonly string[], options: LoadOptions = {}): LoadResult {
  const { files, errors } = findConfigFiles(paths);
  const config: ReconConfig = { files: [] };
  for (const file of files) {
    const loaded = loadConfigText(readFileSync(file, 'utf8'), file, options);
    errors.push(...loaded.errors);
    if (loaded.file) config.files.push(loaded.file);
  }
  errors.push(...crossFileErrors(config));
  return { config, errors };
}

/** Like loadConfigs, but throws ConfigInvalidError when anything is wrong. */
export function loadConfigsOrThrow(paths: readonly string[]): ReconConfig {
  const { config, errors } = loadConfigs(paths);
  if (errors.length > 0) throw new ConfigInvalidError(errors);
  return config;
}

export function loadConfigText(text: string, file: string, options: LoadOptions = {}): { file?: ConfigFile; errors: ConfigError[] } {
  const validated = validateYaml(text, toDisplayPath(file), configFileSchema, {
    empty: { message: 'the file is empty', hint: 'A config needs at least `version: 1` and a `pairs:` list (see the README).' },
  });
  if (!validated.ok) return { errors: validated.errors };
  return buildConfigFile(validated.data, file, validated.file, validated.locator, options.pathChecks ?? true);
}

function buildConfigFile(input: ConfigFileInput, absoluteFile: string, displayPath: string, locator: YamlLocator, pathChecks: boolean): { file?: ConfigFile; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const folder = path.dirname(absoluteFile);
  const error = (fieldPath: PropertyKey[], message: string, hint?: string, keyOf = false) => {
    errors.push({ file: displayPath, ...(keyOf ? locator.keyOf(fieldPath) : locator.locate(fieldPath)), path: formatPath(fieldPath), message, hint });
  };

  const defaults = input.defaults ?? {};
  const pairs = input.pairs.map((pair, index): PairConfig => {
    const at = ['pairs', index] as PropertyKey[];
    const explicitChecks = pair.checks ?? defaults.checks;
    let checks: CheckName[] = explicitChecks ? [...new Set(explicitChecks)] : [...CHECK_NAMES];
    const primaryKey = pair.primary_key ?? [];
    if (primaryKey.length === 0) {
      // Without a key, missing_rows and extra_rows compare whole rows as multisets; the checks
      // that pair rows by key do not apply: left out by default, an error when asked for.
      const keyed = checks.filter((check) => (KEYED_CHECKS as readonly CheckName[]).includes(check));
      if (keyed.length > 0 && explicitChecks) {
        error(
          [...at, 'checks'],
          `${keyed.join(', ')} ${keyed.length === 1 ? 'needs' : 'need'} a primary key, and this pair has none`,
          'Add `primary_key: [column, …]`, or leave them out: without a key, missing_rows and extra_rows compare whole rows as multisets.',
        );
      }
      checks = checks.filter((check) => !(KEYED_CHECKS as readonly CheckName[]).includes(check));
    }
    if (pair.group_by && !checks.includes('aggregates')) {
      error([...at, 'group_by'], 'group_by compares the aggregates per group, and this pair does not run the aggregates check', 'Add `aggregates` to `checks:`, or remove `group_by`.');
    }
    const exclude = pair.exclude ?? [];
    for (const [keyIndex, key] of primaryKey.entries()) {
      if (exclude.some((column) => column.toLowerCase() === key.toLowerCase())) {
        error([...at, 'primary_key', keyIndex], `key column \`${key}\` is also in \`exclude\``, 'Remove it from one of the two lists.');
      }
      if (pair.tolerances && Object.keys(pair.tolerances).some((column) => column.toLowerCase() === key.toLowerCase())) {
        error([...at, 'tolerances', key], `key column \`${key}\` cannot have a tolerance: keys are matched exactly`, undefined, true);
      }
    }
    const targets = Object.values(pair.column_map ?? {}).map((name) => name.toLowerCase());
    const repeated = targets.find((name, i) => targets.indexOf(name) !== i);
    if (repeated) error([...at, 'column_map'], `two source columns map to the same target column \`${repeated}\``);

    for (const role of ['source', 'target'] as const) {
      checkSideSql(pair[role], [...at, role], error);
      const file = pair[role].file;
      if (file !== undefined && pathChecks) checkFilePath(filePath(file), folder, [...at, role, 'file', ...(typeof file === 'string' ? [] : ['path'])], error);
    }
    if (pair.filter) {
      const refusal = refuseUnsafeSql(pair.filter, 'filter');
      if (refusal) error([...at, 'filter'], `filter refused: ${refusal}`);
    }
    return {
      name: pair.name,
      description: pair.description,
      location: { file: displayPath, ...locator.locate(at) },
      fieldLocations: Object.fromEntries([
        ...(pair.primary_key ?? []).map((_, i) => [`primary_key[${i}]`, locator.locate([...at, 'primary_key', i])] as const),
        ...(pair.exclude ?? []).map((_, i) => [`exclude[${i}]`, locator.locate([...at, 'exclude', i])] as const),
        ...(pair.mask_columns ?? []).map((_, i) => [`mask_columns[${i}]`, locator.locate([...at, 'mask_columns', i])] as const),
        ...Object.keys(pair.column_map ?? {}).map((name) => [`column_map.${name}`, locator.keyOf([...at, 'column_map', name])] as const),
        ...Object.keys(pair.tolerances ?? {}).map((name) => [`tolerances.${name}`, locator.keyOf([...at, 'tolerances', name])] as const),
        ...(Array.isArray(pair.ignore_spaces) ? pair.ignore_spaces : []).map((_, i) => [`ignore_spaces[${i}]`, locator.locate([...at, 'ignore_spaces', i])] as const),
        ...(Array.isArray(pair.ignore_case) ? pair.ignore_case : []).map((_, i) => [`ignore_case[${i}]`, locator.locate([...at, 'ignore_case', i])] as const),
        ...(pair.group_by ?? []).map((_, i) => [`group_by[${i}]`, locator.locate([...at, 'group_by', i])] as const),
      ]),
      source: toSideConfig(pair.source, folder),
      target: toSideConfig(pair.target, folder),
      sharedFilter: pair.filter,
      primaryKey,
      exclude,
      columnMap: pair.column_map ?? {},
      tolerances: Object.fromEntries(
        Object.entries(pair.tolerances ?? {}).map(([column, tolerance]) => [column, { abs: tolerance.abs ?? 0, rel: tolerance.rel ?? 0 }]),
      ),
      ignoreSpaces: ignoredColumns(pair.ignore_spaces),
      ignoreCase: ignoredColumns(pair.ignore_case),
      groupBy: uniqueNames(pair.group_by ?? []),
      checks,
      sampleSize: pair.sample_size ?? defaults.sample_size ?? DEFAULT_SAMPLE_SIZE,
      thresholds: resolveThresholds(defaults.thresholds, pair.thresholds),
      samplePercent: pair.sample?.percent,
      distinctCounts: pair.distinct_counts ?? defaults.distinct_counts,
      sampleValues: pair.sample_values ?? defaults.sample_values,
      maskColumns: uniqueNames([...(defaults.mask_columns ?? []), ...(pair.mask_columns ?? [])]),
      maskColumnsOfPair: uniqueNames(pair.mask_columns ?? []),
      ...(pair.paths ? { paths: pair.paths } : {}),
      persistMismatchesTo: persistTarget(pair.persist_mismatches_to, [...at, 'persist_mismatches_to'], error),
    };
  });

  const seen = new Map<string, number>();
  for (const [index, pair] of pairs.entries()) {
    const earlier = seen.get(pair.name.toLowerCase());
    if (earlier !== undefined) {
      error(['pairs', index, 'name'], `pair name \`${pair.name}\` is already used by pair ${earlier + 1}`, 'Pair names identify results and waivers; make each one unique.');
    } else {
      seen.set(pair.name.toLowerCase(), index);
    }
  }
  const mount = input.duckdb?.mount;
  const mountOutside = mount && pathChecks ? outsideAllowedRoots(path.resolve(folder, mount), [process.cwd(), folder]) : undefined;
  if (mountOutside) error(['duckdb', 'mount'], `\`${mount}\` resolves to ${mountOutside}, outside the working directory and the config's folder`, 'Mount a folder inside the checkout (or beside the config).');
  const file: ConfigFile = {
    file: displayPath,
    duckdbMount: input.duckdb?.mount ? path.resolve(folder, input.duckdb.mount) : undefined,
    pairs,
  };
  return { file: errors.length === 0 ? file : undefined, errors };
}

function ignoredColumns(value: boolean | string[] | undefined): IgnoredColumns {
  if (value === true) return 'all';
  if (value === undefined || value === false) return 'none';
  return uniqueNames(value);
}

/** Column names match case-insensitively, as the engines resolve them: the first spelling stays. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}

type ErrorSink = (fieldPath: PropertyKey[], message: string, hint?: string, keyOf?: boolean) => void;

function persistTarget(name: string | string[] | undefined, at: PropertyKey[], error: ErrorSink): string[] | undefined {
  if (name === undefined) return undefined;
  const parsed = parseTableName(name);
  if ('error' in parsed) {
    error(at, parsed.error, 'Write `schema.table` or `catalog.schema.table` for the table that receives the differing keys.');
    return undefined;
  }
  return parsed.parts;
}

function checkSideSql(side: SideInput, at: PropertyKey[], error: ErrorSink): void {
  if (side.query) {
    const refusal = refuseUnsafeSql(side.query, 'query');
    if (refusal) error([...at, 'query'], `query refused: ${refusal}`);
  }
  if (side.filter) {
    const refusal = refuseUnsafeSql(side.filter, 'filter');
    if (refusal) error([...at, 'filter'], `filter refused: ${refusal}`);
  }
  if (side.table !== undefined) {
    const parsed = parseTableName(side.table);
    if ('error' in parsed) error([...at, 'table'], parsed.error, 'Write `table`, `schema.table` or `catalog.schema.table`; quote odd parts with backticks or double quotes, or give a list of parts.');
  }
  if (side.file !== undefined) {
    const format = formatOf(side.file);
    if (!format) {
      error([...at, 'file'], `cannot tell the format of \`${filePath(side.file)}\``, 'Use a path ending in .parquet, .csv or .json (globs such as data/*.parquet work), or give `format:`.');
    } else if (typeof side.file !== 'string' && format !== 'csv') {
      for (const option of ['columns', 'delimiter', 'quote', 'null', 'header'] as const) {
        if (side.file[option] !== undefined) error([...at, 'file', option], `\`${option}\` applies to CSV files only; this file is ${format}`, `${format === 'parquet' ? 'Parquet files carry their own types' : 'Remove it'}, or set \`format: csv\`.`, true);
      }
    }
  }
}

function filePath(file: FileInput): string {
  return typeof file === 'string' ? file : file.path;
}

function formatOf(file: FileInput): FileFormat | undefined {
  return typeof file === 'string' ? fileFormat(file) : (file.format ?? fileFormat(file.path));
}

/** Paths the warehouse resolves itself (Unity Catalog volumes, DBFS, object stores): not local files. */
export function isWarehousePath(file: string): boolean {
  return /^(\/Volumes\/|\/dbfs\/|[a-z][a-z0-9+.-]*:\/)/i.test(file);
}

/**
 * A local file must exist (a glob: its fixed folder) and stay inside the checkout or the config's
 * folder; checked when the config is loaded, so `validate` finds a wrong path without a warehouse.
 */
function checkFilePath(given: string, folder: string, at: PropertyKey[], error: ErrorSink): void {
  if (isWarehousePath(given)) return;
  const resolved = path.resolve(folder, given);
  const outside = outsideAllowedRoots(resolved, [process.cwd(), folder]);
  if (outside) {
    error(at, `\`${given}\` resolves to ${outside}, outside the working directory and the config's folder`, 'Recon Gate reads files only inside the checkout (or beside the config); copy the export there.');
    return;
  }
  const glob = /[*?[{]/.test(given);
  const mustExist = glob ? resolved.split(path.sep).slice(0, resolved.split(path.sep).findIndex((part) => /[*?[{]/.test(part))).join(path.sep) : resolved;
  if (!existsSync(mustExist)) {
    error(at, glob ? `no folder \`${toDisplayPath(mustExist)}\` for the pattern \`${given}\`` : `no file \`${toDisplayPath(resolved)}\``, 'Paths in `file:` are relative to the folder of this config file.');
  }
}

function toSideConfig(side: SideInput, folder: string): SideConfig {
  if (side.query) return { kind: 'query', sql: stripTrailingSemicolon(side.query), filter: side.filter };
  if (side.file !== undefined) {
    const given = filePath(side.file);
    const format = formatOf(side.file) ?? 'parquet';
    const resolved = isWarehousePath(given) ? given : path.resolve(folder, given);
    return { kind: 'file', path: resolved, format, filter: side.filter, ...(typeof side.file === 'string' || format !== 'csv' ? {} : { csv: csvOptions(side.file) }) };
  }
  const parsed = parseTableName(side.table ?? '');
  return { kind: 'table', parts: 'parts' in parsed ? parsed.parts : [], filter: side.filter };
}

function csvOptions(file: Exclude<FileInput, string>): CsvOptions {
  return { delimiter: file.delimiter, quote: file.quote, nullText: file.null, header: file.header, types: file.columns };
}

function fileFormat(file: string): FileFormat | undefined {
  const match = /\.(parquet|csv|json|jsonl|ndjson)$/i.exec(file);
  if (!match) return undefined;
  const extension = match[1]!.toLowerCase();
  return extension === 'parquet' ? 'parquet' : extension === 'csv' ? 'csv' : 'json';
}

const DEFAULT_THRESHOLD: Threshold = { maxCount: 0 };

function resolveThresholds(
  defaults: PairInput['thresholds'],
  pair: PairInput['thresholds'],
): Record<CheckName, Threshold> {
  const resolved = {} as Record<CheckName, Threshold>;
  for (const check of CHECK_NAMES) {
    const given = pair?.[check] ?? defaults?.[check];
    resolved[check] = given ? { maxCount: given.max_count, maxPercent: given.max_percent } : { ...DEFAULT_THRESHOLD };
  }
  return resolved;
}

function crossFileErrors(config: ReconConfig): ConfigError[] {
  const errors: ConfigError[] = [];
  const seen = new Map<string, PairConfig>();
  for (const file of config.files) {
    for (const pair of file.pairs) {
      const earlier = seen.get(pair.name.toLowerCase());
      if (earlier && earlier.location.file !== pair.location.file) {
        errors.push({ ...pair.location, path: 'name', message: `pair name \`${pair.name}\` is also used in ${earlier.location.file}:${earlier.location.line}`, hint: 'Pair names identify results and waivers; make each one unique across config files.' });
      } else if (!earlier) {
        seen.set(pair.name.toLowerCase(), pair);
      }
    }
  }
  return errors;
}
