import { describe, expect, test } from 'vitest';
import { EXIT, type FailOn, runOutcome } from '../../src/recon/outcome.js';
import { assembleResults } from '../../src/recon/run-suite.js';
import type { PairResult, RunResults, Status } from '../../src/results/results-model.js';

function pair(name: string, status: Status, message?: string): PairResult {
  return {
    name,
    config: { file: 'recon.yml', line: 3, column: 5 },
    status,
    error: status === 'ERROR' ? { kind: 'internal', message: message ?? 'it broke' } : undefined,
    source: { description: 'table a' },
    target: { description: 'table b' },
    keys: ['id'],
    columns: [],
    checks: [],
    samples: { mismatches: [], onlyInSource: [], onlyInTarget: [], duplicateKeys: [], withinTolerance: [] },
    statements: [],
    durationMs: 1,
  };
}

function results(statuses: Status[], interrupted?: string): RunResults {
  const now = new Date();
  return assembleResults(statuses.map((status, i) => pair(`p${i}`, status)), { startedAt: now, finishedAt: now, engine: 'duckdb', configs: ['recon.yml'], interrupted });
}

const LEVELS: FailOn[] = ['fail', 'warn', 'never'];

describe('one outcome for the CLI and the Action', () => {
  test('fail-on sets how strict the gate is about differences', () => {
    const table = (statuses: Status[]) => LEVELS.map((failOn) => runOutcome(results(statuses), { failOn }).verdict);
    expect(table(['PASS', 'PASS'])).toEqual(['passed', 'passed', 'passed']);
    expect(table(['PASS', 'WARN'])).toEqual(['passed', 'breached', 'passed']);
    expect(table(['PASS', 'FAIL'])).toEqual(['breached', 'breached', 'passed']);
    expect(table(['PASS', 'ERROR'])).toEqual(['breached', 'breached', 'passed']);
    expect(runOutcome(results(['FAIL', 'WARN', 'PASS']))).toEqual({ verdict: 'breached', exitCode: EXIT.breached, failure: 'Recon Gate: FAIL (1 FAIL, 1 WARN of 3 pairs; fail-on: fail).' });
    expect(runOutcome(results(['WARN']))).toEqual({ verdict: 'passed', exitCode: EXIT.ok, failure: undefined });
  });

  test('a run stopped by its run timeout fails whatever fail-on says, exit 1', () => {
    for (const failOn of LEVELS) {
      expect(runOutcome(results(['ERROR', 'PASS'], 'the run exceeded its 3 s time limit'), { failOn })).toEqual({
        verdict: 'incomplete',
        exitCode: EXIT.breached,
        failure: 'Recon Gate was interrupted (the run exceeded its 3 s time limit); 1 of 2 pairs could not be reconciled.',
      });
    }
  });

  test('a run stopped by a signal fails whatever fail-on says, exit 130, even when nothing was reconciled', () => {
    for (const failOn of LEVELS) {
      for (const statuses of [['ERROR', 'PASS'], ['ERROR']] as Status[][]) {
        const outcome = runOutcome(results(statuses, 'cancelled by SIGTERM'), { failOn, bySignal: true });
        expect(outcome).toMatchObject({ verdict: 'interrupted', exitCode: EXIT.interrupted });
        expect(outcome.failure).toMatch(/^Recon Gate was interrupted \(cancelled by SIGTERM\); 1 of \d pairs could not be reconciled\.$/);
      }
    }
  });

  test('nothing reconciled (every pair ERROR, no pair, invalid configs) fails whatever fail-on says, exit 2', () => {
    for (const failOn of LEVELS) {
      expect(runOutcome(results(['ERROR', 'ERROR']), { failOn })).toEqual({ verdict: 'unusable', exitCode: EXIT.unusable, failure: 'Recon Gate could not reconcile any of the 2 pairs: it broke.' });
      // A timeout that left no pair reconciled is a run that could not be carried out at all.
      expect(runOutcome(results(['ERROR'], 'the run exceeded its 3 s time limit'), { failOn }).verdict).toBe('unusable');
      expect(runOutcome(results([]), { failOn })).toEqual({ verdict: 'unusable', exitCode: EXIT.unusable, failure: 'Recon Gate ran no pair: the configs define none.' });
      const invalid = { ...results([]), configErrors: [{ file: 'recon.yml', line: 1, column: 1, path: '', message: 'bad' }] };
      expect(runOutcome(invalid, { failOn })).toEqual({ verdict: 'unusable', exitCode: EXIT.unusable, failure: 'Recon Gate: 1 config error; nothing was run.' });
    }
  });
});
