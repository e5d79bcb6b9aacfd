import type { PairResult } from '../results/results-model.js';

/** One line per pair step and per finished check, on stderr, so stdout stays machine-readable. */
export function progressPrinter(write: (line: string) => void) {
  return {
    onStep(pair: string, step: string) {
      write(`[${pair}] ${step}…`);
    },
    onPairDone(result: PairResult) {
      for (const check of result.checks) {
        write(`[${result.name}] ${check.check.padEnd(16)} ${check.status.padEnd(5)} ${check.message}`);
      }
      write(`[${result.name}] ${result.status}${result.error ? `: ${result.error.message}` : ''} (${(result.durationMs / 1000).toFixed(1)} s, ${result.statements.length} statements)`);
    },
  };
}
