import { allPairs, type ReconConfig } from '../config/recon-config.js';
import type { Engine } from '../engines/engine.js';
import { RESULTS_SCHEMA_VERSION, type PairResult, type RunResults, type Status } from '../results/results-model.js';
import type { Dialect } from '../sql/dialect.js';
import { TOOL_VERSION } from '../tool-version.js';
import type { RetryPolicy } from './retry-policy.js';
import { runPair } from './run-pair.js';
import { STATUSES, worstStatus } from '../results/statuses.js';

export interface SuiteOptions {
  engine: Engine;
  dialect: Dialect;
  /** Pairs reconciled at the same time. */
  pairConcurrency?: number;
  statementTimeoutSeconds?: number;
  retry?: RetryPolicy;
  /** Cancels the run: running statements are cancelled, pairs not started are reported as ERROR. */
  signal?: AbortSignal;
  onStep?: (pair: string, step: string) => void;
  onPairDone?: (result: PairResult) => void;
}

/** Runs every pair of every config; one pair's failure never stops the others. */
export async function runSuite(config: ReconConfig, options: SuiteOptions): Promise<RunResults> {
  const startedAt = new Date();
  const pairs = allPairs(config);
  const results: PairResult[] = new Array(pairs.length);
  let next = 0;
  const worker = async () => {
    while (next < pairs.length) {
      const index = next++;
      const result = await runPair(pairs[index]!, options);
      results[index] = result;
      options.onPairDone?.(result);
    }
  };
  const concurrency = Math.max(1, Math.min(options.pairConcurrency ?? 2, pairs.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  const finishedAt = new Date();
  return assembleResults(results, {
    startedAt,
    finishedAt,
    engine: options.engine.name,
    configs: config.files.map((file) => file.file),
    interrupted: options.signal?.aborted ? abortReason(options.signal) : undefined,
  });
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'the run was cancelled';
}

export function assembleResults(pairs: PairResult[], run: { startedAt: Date; finishedAt: Date; engine: string; configs: string[]; interrupted?: string }): RunResults {
  const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const pair of pairs) byStatus[pair.status]++;
  const differingRows = pairs.reduce((total, pair) => {
    for (const check of pair.checks) {
      if (check.details.check === 'missing_rows' || check.details.check === 'extra_rows') total += check.details.rows;
      if (check.details.check === 'value_mismatches') total += check.details.mismatchedRows;
    }
    return total;
  }, 0);
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'recon-gate', version: TOOL_VERSION },
    run: {
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt.toISOString(),
      durationMs: run.finishedAt.getTime() - run.startedAt.getTime(),
      engine: run.engine,
      configs: run.configs,
      interrupted: run.interrupted,
    },
    status: pairs.length === 0 ? 'ERROR' : worstStatus(pairs.map((pair) => pair.status)),
    summary: { pairs: pairs.length, byStatus, differingRows },
    pairs,
  };
}
