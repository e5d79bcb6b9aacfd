import type { RunResults } from '../results/results-model.js';
import { STATUSES_WORST_FIRST } from '../results/statuses.js';

/**
 * How strict the gate is about differences: fail on FAIL (and ERROR), also on WARN, only on what
 * is new since the baseline (a FAIL or ERROR check with a new finding), or never.
 */
export const FAIL_ON_LEVELS = ['fail', 'warn', 'new', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** As datacompy's CLI: 0 equal (or within limits), 1 differences beyond limits, 2 could not run, 130 interrupted. */
export const EXIT = { ok: 0, breached: 1, unusable: 2, interrupted: 130 } as const;

/**
 * - `passed`: nothing beyond what `fail-on` allows.
 * - `breached`: differences beyond what `fail-on` allows.
 * - `incomplete`: the run timeout stopped the run after some pairs were reconciled.
 * - `unusable`: nothing was reconciled (invalid configs, no pair, every pair ERROR).
 * - `interrupted`: a signal (SIGINT/SIGTERM: a cancelled CI job) stopped the run.
 */
export type Verdict = 'passed' | 'breached' | 'incomplete' | 'unusable' | 'interrupted';

export interface RunOutcome {
  verdict: Verdict;
  /** The CLI's exit status. The Action can only pass or fail its step: it fails unless `passed`. */
  exitCode: number;
  /** Why the run fails the gate, in one sentence; undefined when it passes. */
  failure?: string;
}

export interface OutcomeOptions {
  /** Default `fail`. It never turns a run that could not be carried out into a pass. */
  failOn?: FailOn;
  /** The run was cancelled by SIGINT/SIGTERM (not by its run timeout). */
  bySignal?: boolean;
}

const VERDICT_EXIT: Record<Verdict, number> = { passed: EXIT.ok, breached: EXIT.breached, incomplete: EXIT.breached, unusable: EXIT.unusable, interrupted: EXIT.interrupted };

function outcome(verdict: Verdict, failure?: string): RunOutcome {
  return { verdict, exitCode: VERDICT_EXIT[verdict], failure };
}

/**
 * The one mapping from a run's results to its outcome, for the CLI's exit status and the Action's
 * step alike. A run that could not be carried out (interrupted, timed out, nothing reconciled)
 * fails whatever `fail-on` says, so a broken warehouse connection never reads as a pass.
 */
export function runOutcome(results: RunResults, { failOn = 'fail', bySignal = false }: OutcomeOptions = {}): RunOutcome {
  const { byStatus, pairs } = results.summary;
  const configErrors = results.configErrors?.length ?? 0;
  if (configErrors > 0) return outcome('unusable', `Recon Gate: ${configErrors} config error${configErrors === 1 ? '' : 's'}; nothing was run.`);
  const stopped = `Recon Gate was interrupted (${results.run.interrupted ?? 'cancelled'}); ${byStatus.ERROR} of ${pairs} pairs could not be reconciled.`;
  if (bySignal) return outcome('interrupted', stopped);
  // only-changed with nothing touched ran no pair on purpose: only a loosened gate can fail it.
  const noneTouched = pairs === 0 && results.onlyChanged !== undefined;
  if (pairs === 0 && !noneTouched) return outcome('unusable', 'Recon Gate ran no pair: the configs define none.');
  // A column name the real schema does not have is a config error like any other: the other
  // pairs still ran and reported, but the gate cannot be trusted until the config is fixed.
  const schemaErrors = results.pairs.flatMap((pair) => pair.error?.configErrors ?? []);
  if (schemaErrors.length > 0) {
    const [first] = schemaErrors;
    return outcome('unusable', `Recon Gate: ${schemaErrors.length} config error${schemaErrors.length === 1 ? '' : 's'} against the real schemas, first ${first!.file}:${first!.line}:${first!.column} ${first!.path}: ${first!.message}${first!.hint ? `. ${first!.hint}` : ''}`);
  }
  if (!noneTouched && byStatus.ERROR === pairs) {
    const first = results.pairs[0]?.error;
    return outcome('unusable', `Recon Gate could not reconcile any of the ${pairs} pairs${first ? `: ${first.message}` : ''}.`);
  }
  if (results.run.interrupted) return outcome('incomplete', stopped);
  const failures = [differencesBreached(results, failOn), loosenedGate(results)].filter((failure) => failure !== undefined);
  return failures.length === 0 ? outcome('passed') : outcome('breached', failures.join(' '));
}

/** Why the differences fail the gate under `fail-on`, or undefined. */
function differencesBreached(results: RunResults, failOn: FailOn): string | undefined {
  // Without a baseline everything is new: `new` is then `fail`.
  if (failOn === 'new' && results.baseline) {
    const { newFailing, label } = results.baseline;
    if (newFailing === 0) return undefined;
    const checks = results.baseline.checks.filter((check) => check.new > 0 && (check.status === 'FAIL' || check.status === 'ERROR')).length;
    return `Recon Gate: ${newFailing} new finding${newFailing === 1 ? '' : 's'} vs ${label} in ${checks} failing check${checks === 1 ? '' : 's'} (fail-on: new).`;
  }
  const { byStatus, pairs } = results.summary;
  const strictness = failOn === 'new' ? 'fail' : failOn;
  const breached = strictness === 'fail' ? results.status === 'FAIL' || results.status === 'ERROR' : strictness === 'warn' ? results.status !== 'PASS' : false;
  if (!breached) return undefined;
  const counts = STATUSES_WORST_FIRST.filter((status) => status !== 'PASS')
    .filter((status) => byStatus[status] > 0)
    .map((status) => `${byStatus[status]} ${status}`)
    .join(', ');
  return `Recon Gate: ${results.status} (${counts} of ${pairs} pairs; fail-on: ${failOn}${failOn === 'new' ? ', without a baseline' : ''}).`;
}

/** Why loosening the gate fails it (fail-on-loosened, nothing allowing it), or undefined. */
function loosenedGate(results: RunResults): string | undefined {
  const changes = results.gateChanges;
  if (!changes?.enforced || changes.allowedBy || changes.loosened.length === 0) return undefined;
  const n = changes.loosened.length;
  return `Recon Gate: this change loosens its own gate against ${changes.label} (${n} change${n === 1 ? '' : 's'}: ${changes.loosened[0]!.message}${n > 1 ? ', …' : ''}); fail-on-loosened fails it until ${changes.allowWith} allows it.`;
}
