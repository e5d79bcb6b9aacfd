import { closestMatch } from '../config/did-you-mean.js';
import { waiverExpiry, worstStatus } from '../results/statuses.js';
import type { CheckResult, PairResult, RunResults, RunWaivers, Status, WaiverRef } from '../results/results-model.js';
import { columnLabelsOf, covers, findingsOf, namesColumn, type Finding } from './waiver-coverage.js';
import type { Waiver } from './waiver-schema.js';

/** Waivers change statuses and messages, so applying them twice would stack the notes. */
export class WaiversAlreadyAppliedError extends Error {
  constructor() {
    super('these results already have waivers applied (results.waivers is set); apply waivers to the results of a run, once');
    this.name = 'WaiversAlreadyAppliedError';
  }
}

type Outcome =
  | { kind: 'active'; checkKey: string }
  | { kind: 'expired' }
  | { kind: 'stale'; why: string }
  | { kind: 'onErrorCheck' };

export interface ApplyWaiversOptions {
  /** The waivers files read, for results.waivers.files; default: the files the waivers came from. */
  files?: readonly string[];
}

/**
 * The verdict after accepted differences: a check whose every finding is covered by an unexpired
 * waiver becomes PASS (its measurements kept), and pair and run statuses are recomputed from the
 * checks. Pure: `today` decides expiry (a waiver applies through its `expires` day, UTC), and the
 * input results are left untouched.
 */
export function applyWaivers(results: RunResults, waivers: readonly Waiver[], today: Date, options: ApplyWaiversOptions = {}): RunResults {
  if (results.waivers) throw new WaiversAlreadyAppliedError();
  const day = today.toISOString().slice(0, 10);
  const pairByName = new Map(results.pairs.map((pair, index) => [pair.name.toLowerCase(), index]));
  const activeByCheck = new Map<string, Waiver[]>();
  const notesByCheck = new Map<string, string[]>();
  const note = (checkKey: string, text: string) => notesByCheck.set(checkKey, [...(notesByCheck.get(checkKey) ?? []), text]);

  const outcomes = waivers.map((waiver): Outcome => {
    const pairIndex = pairByName.get(waiver.pair.toLowerCase());
    const expired = waiver.expires < day;
    if (pairIndex === undefined) {
      const suggestion = closestMatch(waiver.pair, results.pairs.map((pair) => pair.name));
      return stale(`no pair \`${waiver.pair}\` in this run${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`, waiver, expired);
    }
    const pair = results.pairs[pairIndex]!;
    const checkIndex = pair.checks.findIndex((check) => check.check === waiver.check);
    if (checkIndex < 0) {
      return pair.error ? { kind: 'onErrorCheck' } : stale(`pair \`${pair.name}\` does not run ${waiver.check}`, waiver, expired);
    }
    const check = pair.checks[checkIndex]!;
    const checkKey = `${pairIndex}/${checkIndex}`;
    if (check.status === 'ERROR') {
      if (expired) {
        note(checkKey, expiredWarning(waiver));
        return { kind: 'expired' };
      }
      note(checkKey, `waiver ${where(waiver)} not applied: a check that could not run is never waived`);
      return { kind: 'onErrorCheck' };
    }
    const findings = findingsOf(check);
    if (!findings.some((finding) => covers(waiver, finding, pair))) return stale(whyNothingMatches(waiver, pair, check, findings), waiver, expired);
    if (expired) {
      note(checkKey, expiredWarning(waiver));
      return { kind: 'expired' };
    }
    activeByCheck.set(checkKey, [...(activeByCheck.get(checkKey) ?? []), waiver]);
    return { kind: 'active', checkKey };
  });

  const pairs = results.pairs.map((pair, pairIndex): PairResult => {
    let changed = false;
    const checks = pair.checks.map((check, checkIndex) => {
      const checkKey = `${pairIndex}/${checkIndex}`;
      const active = activeByCheck.get(checkKey) ?? [];
      const notes = notesByCheck.get(checkKey) ?? [];
      if (active.length === 0 && notes.length === 0) return check;
      changed = true;
      return waivedCheck(pair, check, active, notes, day);
    });
    if (!changed) return pair;
    return { ...pair, checks, status: pair.error ? pair.status : worstStatus(checks.map((check) => check.status)) };
  });

  const effectOf = (checkKey: string) => {
    const [pairIndex, checkIndex] = checkKey.split('/').map(Number);
    return pairs[pairIndex!]!.checks[checkIndex!]!.waiver?.outcome === 'waived' ? ('waived' as const) : ('partial' as const);
  };
  const runWaivers: RunWaivers = {
    files: [...(options.files ?? new Set(waivers.map((waiver) => waiver.location.file)))],
    today: day,
    applied: [],
    expired: [],
    stale: [],
    onErrorChecks: [],
  };
  waivers.forEach((waiver, index) => {
    const outcome = outcomes[index]!;
    const ref = waiverRef(waiver);
    if (outcome.kind === 'active') runWaivers.applied.push({ ...ref, effect: effectOf(outcome.checkKey) });
    else if (outcome.kind === 'expired') runWaivers.expired.push(ref);
    else if (outcome.kind === 'stale') runWaivers.stale.push({ ...ref, why: outcome.why });
    else runWaivers.onErrorChecks.push(ref);
  });

  const changed = pairs.some((pair, index) => pair !== results.pairs[index]);
  const byStatus: Record<Status, number> = { PASS: 0, WARN: 0, FAIL: 0, ERROR: 0 };
  for (const pair of pairs) byStatus[pair.status]++;
  return {
    ...results,
    status: changed && pairs.length > 0 ? worstStatus(pairs.map((pair) => pair.status)) : results.status,
    summary: { ...results.summary, byStatus },
    pairs,
    waivers: runWaivers,
  };
}

function waivedCheck(pair: PairResult, check: CheckResult, active: readonly Waiver[], notes: readonly string[], day: string): CheckResult {
  const warnings = [...(check.warnings ?? [])];
  let next: CheckResult = check;
  if (active.length > 0) {
    const uncovered = findingsOf(check).filter((finding) => !active.some((waiver) => covers(waiver, finding, pair)));
    const waiver = { originalStatus: check.status, waivers: active.map(waiverRef), uncovered: uncovered.map((finding) => finding.text) };
    if (uncovered.length === 0) {
      next = { ...check, status: 'PASS', message: `${check.message} — waived: ${active.map((entry) => waiverSummary(entry, day)).join('; ')}`, waiver: { outcome: 'waived', ...waiver } };
    } else {
      next = { ...check, waiver: { outcome: 'partial', ...waiver } };
      warnings.push(`partly waived by ${active.map(where).join(', ')}; not covered: ${waiver.uncovered.join(', ')}`);
    }
  }
  for (const entry of active) {
    const { daysLeft, soon } = waiverExpiry(entry.expires, day);
    if (soon) warnings.push(`waiver ${where(entry)} expires ${daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`} (${entry.expires}, owner ${entry.owner}): renew it or fix the difference`);
  }
  warnings.push(...notes);
  return warnings.length > 0 ? { ...next, warnings } : next;
}

function whyNothingMatches(waiver: Waiver, pair: PairResult, check: CheckResult, findings: readonly Finding[]): string {
  if (findings.length === 0) return `${check.check} of \`${pair.name}\` found no difference`;
  const inColumn = waiver.column === undefined ? findings : findings.filter((finding) => finding.column !== undefined && namesColumn(pair, waiver.column!, finding.column));
  if (waiver.column !== undefined && inColumn.length === 0) {
    const labels = columnLabelsOf(check);
    const differing = [...new Set(findings.map((finding) => finding.column ?? check.check))].join(', ');
    if (!labels.some((label) => namesColumn(pair, waiver.column!, label))) {
      const suggestion = closestMatch(waiver.column, labels);
      return `${check.check} of \`${pair.name}\` has no column \`${waiver.column}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; it found differences in ${differing}`;
    }
    return `column \`${waiver.column}\` has no difference in ${check.check} of \`${pair.name}\`; it found differences in ${differing}`;
  }
  const scope = waiver.column === undefined ? 'any column' : `column \`${waiver.column}\``;
  return `no \`${waiver.class}\` mismatch in ${scope} of \`${pair.name}\`; found ${inColumn.map((finding) => finding.text).join(', ')}`;
}

function stale(why: string, waiver: Waiver, expired: boolean): Outcome {
  return { kind: 'stale', why: expired ? `${why}; it also expired on ${waiver.expires}` : why };
}

function expiredWarning(waiver: Waiver): string {
  return `waiver expired on ${waiver.expires} (owner ${waiver.owner}, ${where(waiver)}): it no longer waives this check; renew or remove it`;
}

function where(waiver: Waiver): string {
  return `${waiver.location.file}:${waiver.location.line}`;
}

function waiverSummary(waiver: Waiver, day: string): string {
  const scope = waiver.column !== undefined ? `${waiver.column}${waiver.class ? ` (${waiver.class})` : ''}: ` : waiver.class ? `${waiver.class}: ` : '';
  const { daysLeft, soon } = waiverExpiry(waiver.expires, day);
  return `${scope}${waiver.reason.replace(/\s+/g, ' ')} (${waiver.owner}, until ${waiver.expires}${soon ? `, ⚠ expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}` : ''})`;
}

function waiverRef(waiver: Waiver): WaiverRef {
  return {
    pair: waiver.pair,
    check: waiver.check,
    ...(waiver.column !== undefined ? { column: waiver.column } : {}),
    ...(waiver.class !== undefined ? { class: waiver.class } : {}),
    reason: waiver.reason,
    owner: waiver.owner,
    expires: waiver.expires,
    file: waiver.location.file,
    line: waiver.location.line,
  };
}
