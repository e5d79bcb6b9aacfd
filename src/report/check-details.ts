import type { CheckDetails, PairResult } from '../results/results-model.js';

/** The details of one check of a pair, typed by the check's name; undefined when it did not run. */
export function checkDetails<K extends CheckDetails['check']>(pair: PairResult, check: K): Extract<CheckDetails, { check: K }> | undefined {
  return pair.checks.find((result) => result.details.check === check)?.details as Extract<CheckDetails, { check: K }> | undefined;
}
