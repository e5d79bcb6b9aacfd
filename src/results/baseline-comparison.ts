import type { BaselineComparison, CheckComparison, Key } from './baseline-model.js';
import type { CheckName, CheckResult, PairResult, RunResults, Status } from './results-model.js';

/**
 * This run against an earlier run of the same configs (a baseline: usually the base branch's last
 * run): which findings are new, which were fixed, which were already there. A reviewer of a gate
 * that has been red for weeks needs "did this pull request make it worse", not the full list again.
 *
 * A finding is one thing a check that did not pass found, named so that the next run names it the
 * same: a key for the keyed checks (missing_rows, extra_rows, duplicate_keys, value_mismatches),
 * a column for schema and nulls, `sum(amount)` for aggregates, and the check itself for row_count,
 * row_hash and a check that could not run. A check that passed has no findings, however much it
 * measured within its thresholds. A waived check is compared as it was before its waiver (waiving
 * is not fixing), and marked waived.
 */


export interface BaselineInput {
  results: RunResults;
  label: string;
  source: string;
}

const KEYED = ['missing_rows', 'extra_rows', 'duplicate_keys', 'value_mismatches'] as const;
type KeyedCheck = (typeof KEYED)[number];

function isKeyed(check: CheckName): check is KeyedCheck {
  return (KEYED as readonly string[]).includes(check);
}

/** The status the thresholds gave, before any waiver. */
function measuredStatus(check: CheckResult): Status {
  return check.waiver?.outcome === 'waived' ? check.waiver.originalStatus : check.status;
}

const keyId = (key: Key) => JSON.stringify(key);

interface KeyedFindings {
  keys: Map<string, Key>;
  /** Every key the check found (the sample holds `keys.size` of them). */
  total: number;
}

function sampledKeys(pair: PairResult, check: KeyedCheck): Key[] {
  switch (check) {
    case 'missing_rows':
      return pair.samples.onlyInSource.map((sample) => sample.key);
    case 'extra_rows':
      return pair.samples.onlyInTarget.map((sample) => sample.key);
    case 'duplicate_keys':
      return pair.samples.duplicateKeys.map((sample) => sample.key);
    case 'value_mismatches':
      return pair.samples.mismatches.map((sample) => sample.key);
  }
}

function keyTotal(check: CheckResult): number {
  const details = check.details;
  switch (details.check) {
    case 'missing_rows':
    case 'extra_rows':
      return details.keys;
    // A key duplicated on both sides is counted twice here and sampled once: such a sample reads as
    // incomplete and is compared by count, which is the cautious side.
    case 'duplicate_keys':
      return details.source.keys + details.target.keys;
    case 'value_mismatches':
      return details.mismatchedRows;
    default:
      return check.measured;
  }
}

function keyedFindings(pair: PairResult, check: CheckResult & { check: KeyedCheck }): KeyedFindings {
  const keys = new Map(sampledKeys(pair, check.check).map((key) => [keyId(key), key] as const));
  return { keys, total: keyTotal(check) };
}

/** The findings of a check that is neither keyed nor could-not-run, by name. */
function namedFindings(check: CheckResult): string[] {
  const details = check.details;
  let names: string[] = [];
  switch (details.check) {
    case 'schema':
      names = details.columns.filter((column) => column.status !== 'same' && column.status !== 'excluded').map((column) => `${column.label} (${column.status.replace(/_/g, ' ')})`);
      break;
    case 'nulls':
      names = details.columns.filter((column) => column.difference !== 0).map((column) => column.label);
      break;
    case 'aggregates':
      names = details.aggregates.filter((aggregate) => !aggregate.withinTolerance).map((aggregate) => `${aggregate.function}(${aggregate.label})`);
      break;
    case 'row_count':
      return ['row count'];
    case 'row_hash':
      return ['row hash'];
    default:
      break;
  }
  // Not passing for a reason no column names (a warning such as nullability): the check is the finding.
  return names.length > 0 ? names : [check.check.replace(/_/g, ' ')];
}

const COULD_NOT_RUN = 'could not run';

interface Side {
  pair: PairResult;
  check: CheckResult;
  status: Status;
}

function hasFindings(side: Side | undefined): side is Side {
  return side !== undefined && side.status !== 'PASS';
}

function compareCheck(pairName: string, checkName: CheckName, now: Side | undefined, base: Side | undefined): CheckComparison | undefined {
  if (!hasFindings(now) && !hasFindings(base)) return undefined;
  const comparison: CheckComparison = {
    pair: pairName,
    check: checkName,
    status: now?.check.status,
    baselineStatus: base?.check.status,
    measured: now?.check.measured,
    baselineMeasured: base?.check.measured,
    new: 0,
    fixed: 0,
    unchanged: 0,
    newFindings: [],
    fixedFindings: [],
    ...(now?.check.waiver?.outcome === 'waived' ? { waived: true } : {}),
  };
  // A check that could not run says nothing about what the baseline found: nothing is fixed.
  if (now?.status === 'ERROR') {
    if (base?.status === 'ERROR') comparison.unchanged = 1;
    else {
      comparison.new = 1;
      comparison.newFindings.push(COULD_NOT_RUN);
    }
    return comparison;
  }
  if (base?.status === 'ERROR') {
    comparison.fixedFindings.push(COULD_NOT_RUN);
    comparison.fixed = 1;
    base = undefined;
  }
  const nowFound = hasFindings(now) ? now : undefined;
  const baseFound = hasFindings(base) ? base : undefined;
  if (isKeyed(checkName)) {
    const found = (side: Side | undefined): KeyedFindings => (side ? keyedFindings(side.pair, side.check as CheckResult & { check: KeyedCheck }) : { keys: new Map(), total: 0 });
    const current = found(nowFound);
    const previous = found(baseFound);
    const complete = current.keys.size >= current.total && previous.keys.size >= previous.total;
    if (complete) {
      const added = [...current.keys].filter(([id]) => !previous.keys.has(id)).map(([, key]) => key);
      const removed = [...previous.keys].filter(([id]) => !current.keys.has(id)).map(([, key]) => key);
      comparison.new += added.length;
      comparison.fixed += removed.length;
      comparison.unchanged += current.keys.size - added.length;
      comparison.keys = { from: 'sampled', new: added, fixed: removed };
    } else {
      comparison.new += Math.max(0, current.total - previous.total);
      comparison.fixed += Math.max(0, previous.total - current.total);
      comparison.unchanged += Math.min(current.total, previous.total);
      comparison.keys = { from: 'count', new: [], fixed: [] };
    }
    return comparison;
  }
  const current = new Set(nowFound ? namedFindings(nowFound.check) : []);
  const previous = new Set(baseFound ? namedFindings(baseFound.check) : []);
  for (const name of current) {
    if (previous.has(name)) comparison.unchanged += 1;
    else comparison.newFindings.push(name);
  }
  for (const name of previous) if (!current.has(name)) comparison.fixedFindings.push(name);
  comparison.new += comparison.newFindings.length;
  comparison.fixed = comparison.fixedFindings.length;
  return comparison;
}

function sides(pair: PairResult): Map<CheckName, Side> {
  return new Map(pair.checks.map((check) => [check.check, { pair, check, status: measuredStatus(check) }]));
}

/** Compares a run with its baseline; pairs match by name, checks by name within a pair. */
export function compareWithBaseline(results: RunResults, baseline: BaselineInput): BaselineComparison {
  const basePairs = new Map(baseline.results.pairs.map((pair) => [pair.name, pair]));
  const nowPairs = new Set(results.pairs.map((pair) => pair.name));
  const skipped = new Set(results.onlyChanged?.skipped.map((pair) => pair.name));
  const comparison: BaselineComparison = {
    label: baseline.label,
    source: baseline.source,
    startedAt: baseline.results.run.startedAt,
    configs: baseline.results.run.configs,
    counts: { new: 0, fixed: 0, unchanged: 0 },
    newFailing: 0,
    checks: [],
    onlyInRun: { pairs: [], checks: [] },
    // Pairs skipped by only-changed are not gone: they are left out of the comparison.
    onlyInBaseline: { pairs: baseline.results.pairs.filter((pair) => !nowPairs.has(pair.name) && !skipped.has(pair.name)).map((pair) => pair.name), checks: [] },
  };
  for (const pair of results.pairs) {
    const basePair = basePairs.get(pair.name);
    if (!basePair) comparison.onlyInRun.pairs.push(pair.name);
    const now = sides(pair);
    const base = basePair ? sides(basePair) : new Map<CheckName, Side>();
    if (basePair) {
      for (const check of now.keys()) if (!base.has(check)) comparison.onlyInRun.checks.push({ pair: pair.name, check });
      for (const check of base.keys()) if (!now.has(check)) comparison.onlyInBaseline.checks.push({ pair: pair.name, check });
    }
    for (const [name, side] of now) {
      const compared = compareCheck(pair.name, name, side, base.get(name));
      if (!compared) continue;
      comparison.checks.push(compared);
      comparison.counts.new += compared.new;
      comparison.counts.fixed += compared.fixed;
      comparison.counts.unchanged += compared.unchanged;
      if (side.check.status === 'FAIL' || side.check.status === 'ERROR') comparison.newFailing += compared.new;
    }
  }
  return comparison;
}

/** The results with their `baseline` section. */
export function withBaseline(results: RunResults, baseline: BaselineInput): RunResults {
  return { ...results, baseline: compareWithBaseline(results, baseline) };
}
