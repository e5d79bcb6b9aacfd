import path from 'node:path';
import type { GateChange, GateChanges } from '../results/gate-changes-model.js';
import type { Waiver } from '../waivers/waiver-schema.js';
import { allPairs, type DistinctCountMode, type PairConfig, type ReconConfig, type SideConfig, type Threshold, type Tolerance } from '../config/recon-config.js';

/**
 * What a pull request loosened in its own gate: its configs and waivers against the same files at
 * its base. Every setting is compared after defaults are applied, so a raised `defaults:`
 * threshold shows on each pair it reaches. Only loosening is listed: a stricter gate needs no
 * second look. Filters, sides, keys and column maps are SQL or names whose effect cannot be
 * judged from the text, so any change to them is listed.
 */

export interface GateSide {
  config: ReconConfig;
  waivers: Waiver[];
}

export interface GateChangeOptions {
  label: string;
  baseFiles: string[];
  unreadable?: string[];
  enforced: boolean;
  allowWith: string;
  allowedBy?: string;
  /** How a base file is named in the reports (the Action's copy of the base lives in a temporary folder). */
  baseFileName?: (file: string) => string;
  /** The engine's `distinct_counts` for a pair that leaves it unset: unset on one side and set on the other compares against it. */
  defaultDistinctCounts: DistinctCountMode;
}

/** What a threshold lets pass: a count and a percentage. `max_count: 0` lets nothing pass, like no limit at all. */
function allowance(threshold: Threshold): { count: number; percent: number } {
  if (threshold.maxCount === undefined && threshold.maxPercent === undefined) return { count: 0, percent: 0 };
  const count = threshold.maxCount ?? Infinity;
  const percent = threshold.maxPercent ?? Infinity;
  return count === 0 || percent === 0 ? { count: 0, percent: 0 } : { count, percent };
}

function thresholdText(threshold: Threshold): string {
  const parts = [threshold.maxCount !== undefined ? `max_count ${threshold.maxCount}` : undefined, threshold.maxPercent !== undefined ? `max_percent ${threshold.maxPercent}` : undefined].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'no limit (any difference fails)';
}

function toleranceText(tolerance: Tolerance): string {
  return tolerance.abs === 0 && tolerance.rel === 0 ? 'none' : [tolerance.abs > 0 ? `abs ${tolerance.abs}` : undefined, tolerance.rel > 0 ? `rel ${tolerance.rel}` : undefined].filter((part) => part !== undefined).join(', ');
}

/** A side as text that means the same in the base's copy and here: file paths relative to their config. */
function sideText(side: SideConfig, configFile: string): string {
  const what = side.kind === 'table' ? `table ${side.parts.join('.')}` : side.kind === 'query' ? `query ${side.sql}` : `file ${path.relative(path.dirname(path.resolve(configFile)), side.path).split(path.sep).join('/')} (${side.format})`;
  return side.kind === 'file' && side.csv ? `${what} ${JSON.stringify(side.csv)}` : what;
}

const lower = (text: string) => text.toLowerCase();

function comparePair(base: PairConfig, head: PairConfig, baseConfigFile: string, defaultDistinctCounts: DistinctCountMode): Array<Omit<GateChange, 'file' | 'line' | 'in'>> {
  const changes: Array<Omit<GateChange, 'file' | 'line' | 'in'>> = [];
  const pair = head.name;
  for (const check of base.checks) {
    if (!head.checks.includes(check)) changes.push({ kind: 'check_removed', pair, check, message: `${pair}: the ${check} check was removed` });
  }
  for (const check of head.checks.filter((name) => base.checks.includes(name))) {
    const before = allowance(base.thresholds[check] ?? {});
    const after = allowance(head.thresholds[check] ?? {});
    if (after.count > before.count || after.percent > before.percent) {
      const [from, to] = [thresholdText(base.thresholds[check] ?? {}), thresholdText(head.thresholds[check] ?? {})];
      changes.push({ kind: 'threshold_raised', pair, check, before: from, after: to, message: `${pair} ${check}: threshold raised from ${from} to ${to}` });
    }
  }
  const baseTolerances = new Map(Object.entries(base.tolerances).map(([column, tolerance]) => [lower(column), tolerance]));
  for (const [column, tolerance] of Object.entries(head.tolerances)) {
    const before = baseTolerances.get(lower(column)) ?? { abs: 0, rel: 0 };
    if (tolerance.abs > before.abs || tolerance.rel > before.rel) {
      changes.push({ kind: 'tolerance_widened', pair, column, before: toleranceText(before), after: toleranceText(tolerance), message: `${pair} column ${column}: tolerance widened from ${toleranceText(before)} to ${toleranceText(tolerance)}` });
    }
  }
  const excludedBefore = new Set(base.exclude.map(lower));
  for (const column of head.exclude) {
    if (!excludedBefore.has(lower(column))) changes.push({ kind: 'column_excluded', pair, column, message: `${pair}: column ${column} is excluded from the comparison` });
  }
  const filters: Array<[string, string | undefined, string | undefined]> = [
    ['filter (both sides)', base.sharedFilter, head.sharedFilter],
    ['source filter', base.source.filter, head.source.filter],
    ['target filter', base.target.filter, head.target.filter],
  ];
  for (const [name, before, after] of filters) {
    // A filter removed compares more rows: stricter, not listed.
    if (after !== undefined && after.trim() !== (before ?? '').trim()) {
      changes.push({ kind: 'filter_changed', pair, before, after, message: before === undefined ? `${pair}: ${name} added: ${after}` : `${pair}: ${name} changed from ${before} to ${after}` });
    }
  }
  const [sampledBefore, sampledAfter] = [base.samplePercent ?? 100, head.samplePercent ?? 100];
  if (sampledAfter < sampledBefore) {
    changes.push({ kind: 'sampling_narrowed', pair, before: `${sampledBefore} %`, after: `${sampledAfter} %`, message: `${pair}: compares ${sampledAfter} % of the keys, down from ${sampledBefore} %` });
  }
  for (const role of ['source', 'target'] as const) {
    const [before, after] = [sideText(base[role], baseConfigFile), sideText(head[role], head.location.file)];
    if (before !== after) changes.push({ kind: 'side_changed', pair, before, after, message: `${pair}: the ${role} changed from ${before} to ${after}` });
  }
  const [keyBefore, keyAfter] = [base.primaryKey.join(', '), head.primaryKey.join(', ')];
  if (lower(keyBefore) !== lower(keyAfter)) changes.push({ kind: 'key_changed', pair, before: keyBefore, after: keyAfter, message: `${pair}: the primary key changed from [${keyBefore}] to [${keyAfter}]` });
  const mapText = (map: Record<string, string>) => Object.entries(map).map(([source, target]) => `${source} → ${target}`).sort().join(', ') || 'none';
  if (lower(mapText(base.columnMap)) !== lower(mapText(head.columnMap))) {
    changes.push({ kind: 'column_map_changed', pair, before: mapText(base.columnMap), after: mapText(head.columnMap), message: `${pair}: column_map changed from ${mapText(base.columnMap)} to ${mapText(head.columnMap)}` });
  }
  const strictness = { exact: 2, approximate: 1, off: 0 } as const;
  const [countsBefore, countsAfter] = [base.distinctCounts ?? defaultDistinctCounts, head.distinctCounts ?? defaultDistinctCounts];
  if (strictness[countsAfter] < strictness[countsBefore]) {
    changes.push({ kind: 'distinct_counts_relaxed', pair, before: countsBefore, after: countsAfter, message: `${pair}: distinct_counts relaxed from ${countsBefore} to ${countsAfter}` });
  }
  for (const [field, before, after] of [['ignore_spaces', base.ignoreSpaces, head.ignoreSpaces], ['ignore_case', base.ignoreCase, head.ignoreCase]] as const) {
    const text = (value: typeof before) => (value === 'all' ? 'true' : value === 'none' ? 'off' : `[${value.join(', ')}]`);
    const widened = after === 'all' ? before !== 'all' : after !== 'none' && (before === 'none' || (before !== 'all' && after.some((column) => !before.map(lower).includes(lower(column)))));
    if (widened) changes.push({ kind: 'differences_ignored', pair, before: text(before), after: text(after), message: `${pair}: ${field} widened from ${text(before)} to ${text(after)}` });
  }
  return changes;
}

/** A waiver's scope: what it covers, whatever its reason or owner. */
function waiverScope(waiver: Waiver): string {
  return [waiver.pair, waiver.check, waiver.column ?? '', waiver.class ?? ''].map(lower).join('\u0000');
}

function waiverText(waiver: Waiver): string {
  return `${waiver.pair} ${waiver.check}${waiver.column ? ` column ${waiver.column}` : ''}${waiver.class ? ` class ${waiver.class}` : ''}`;
}

export function gateChanges(base: GateSide, head: GateSide, options: GateChangeOptions): GateChanges {
  const baseName = options.baseFileName ?? ((file: string) => file);
  const loosened: GateChange[] = [];
  const headPairs = new Map(allPairs(head.config).map((pair) => [lower(pair.name), pair]));
  const basePairs = allPairs(base.config);
  for (const pair of basePairs) {
    const now = headPairs.get(lower(pair.name));
    if (!now) {
      loosened.push({ kind: 'pair_removed', pair: pair.name, message: `pair ${pair.name} is no longer reconciled: it was removed from the configs`, file: baseName(pair.location.file), line: pair.location.line, in: 'base' });
      continue;
    }
    for (const change of comparePair(pair, now, pair.location.file, options.defaultDistinctCounts)) loosened.push({ ...change, file: now.location.file, line: now.location.line, in: 'head' });
  }

  const latestExpiry = new Map<string, string>();
  for (const waiver of base.waivers) {
    const scope = waiverScope(waiver);
    const known = latestExpiry.get(scope);
    if (known === undefined || waiver.expires > known) latestExpiry.set(scope, waiver.expires);
  }
  for (const waiver of head.waivers) {
    const known = latestExpiry.get(waiverScope(waiver));
    const where = { file: waiver.location.file, line: waiver.location.line, in: 'head' as const };
    const detail = { pair: waiver.pair, check: waiver.check, ...(waiver.column ? { column: waiver.column } : {}) };
    if (known === undefined) {
      loosened.push({ kind: 'waiver_added', ...detail, after: waiver.expires, message: `waiver added for ${waiverText(waiver)} until ${waiver.expires} (${waiver.owner}): ${waiver.reason}`, ...where });
    } else if (waiver.expires > known) {
      loosened.push({ kind: 'waiver_extended', ...detail, before: known, after: waiver.expires, message: `waiver for ${waiverText(waiver)} extended from ${known} to ${waiver.expires} (${waiver.owner})`, ...where });
    }
  }
  return {
    label: options.label,
    baseFiles: options.baseFiles,
    unreadable: options.unreadable ?? [],
    loosened,
    enforced: options.enforced,
    allowWith: options.allowWith,
    ...(options.allowedBy ? { allowedBy: options.allowedBy } : {}),
  };
}
