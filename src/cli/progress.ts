import type { PairResult } from '../results/results-model.js';
import { shownStatus } from '../results/statuses.js';

/** One line per pair step and per finished check, on stderr, so stdout stays machine-readable. */
export function progressPrinter(write: (line: string) => void, disclose: (pair: PairResult) => PairResult = (pair) => pair) {
  return {
    onStep(pair: string, step: string) {
      write(`[${pair}] ${step}…`);
    },
    onPairDone(done: PairResult) {
      // The same values as the reports: a CI log can be as public as a pull request comment.
      const result = disclose(done);
      for (const check of result.checks) {
        write(`[${result.name}] ${check.check.padEnd(16)} ${shownStatus(check).padEnd(6)} ${check.message}`);
      }
      write(`[${result.name}] ${result.status}${result.error ? `: ${result.error.message}` : ''} (${(result.durationMs / 1000).toFixed(1)} s, ${result.statements.length} statements)`);
    },
  };
}
