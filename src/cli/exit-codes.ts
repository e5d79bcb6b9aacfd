import type { RunResults } from '../results/results-model.js';

/** As datacompy's CLI: 0 equal (or within limits), 1 differences beyond limits, 2 could not run. */
export const EXIT = { ok: 0, breached: 1, unusable: 2, interrupted: 130 } as const;

/** 130 (interrupted) is the caller's to return: a run timeout is not an interruption by the user. */
export function exitCodeFor(results: RunResults): number {
  if (results.pairs.length === 0 || results.pairs.every((pair) => pair.status === 'ERROR')) return EXIT.unusable;
  return results.status === 'PASS' || results.status === 'WARN' ? EXIT.ok : EXIT.breached;
}
