import type { RunResults } from '../results/results-model.js';
import type { FailOn } from './action-inputs.js';

/**
 * Why the step fails, or undefined when it passes. `fail-on` sets how strict the gate is about
 * differences; a run that could not be carried out (interrupted, nothing reconciled) fails
 * whatever `fail-on` says, so a broken warehouse connection never reads as a pass.
 */
export function stepFailure(results: RunResults, failOn: FailOn): string | undefined {
  const { byStatus, pairs } = results.summary;
  if (results.run.interrupted) return `Recon Gate was interrupted (${results.run.interrupted}); ${byStatus.ERROR} of ${pairs} pairs could not be reconciled.`;
  if (pairs === 0) return 'Recon Gate ran no pair: the configs define none.';
  if (byStatus.ERROR === pairs) {
    const first = results.pairs[0]?.error;
    return `Recon Gate could not reconcile any of the ${pairs} pairs${first ? `: ${first.message}` : ''}.`;
  }
  const breached = failOn === 'fail' ? results.status === 'FAIL' || results.status === 'ERROR' : failOn === 'warn' ? results.status !== 'PASS' : false;
  if (!breached) return undefined;
  const counts = (['ERROR', 'FAIL', 'WARN'] as const)
    .filter((status) => byStatus[status] > 0)
    .map((status) => `${byStatus[status]} ${status}`)
    .join(', ');
  return `Recon Gate: ${results.status} (${counts} of ${pairs} pairs; fail-on: ${failOn}).`;
}
