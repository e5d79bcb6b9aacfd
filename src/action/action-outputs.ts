import { existsSync } from 'node:fs';
import { setOutput } from '@actions/core';
import type { RunResults, Status } from '../results/results-model.js';

/** The step's outputs, named as in action.yml. Paths are set only when the file exists. */
export interface ActionOutputs {
  /** A results status, or SKIPPED when nothing ran on purpose (a fork's pull request). */
  status: Status | 'SKIPPED';
  'pairs-failed'?: number;
  'mismatched-rows'?: number;
  'results-json'?: string;
  'report-dir'?: string;
  'summary-markdown'?: string;
  workbook?: string;
  'junit-xml'?: string;
  'artifact-id'?: number;
  'artifact-url'?: string;
  'comment-url'?: string;
  /** With a baseline: new findings, and of them those in failing checks. */
  'new-findings'?: number;
  'fixed-findings'?: number;
}

const PATH_OUTPUTS = new Set(['results-json', 'report-dir', 'summary-markdown', 'workbook', 'junit-xml']);

/** Counts from the results: pairs that failed or could not run, and rows whose values differ. */
export function resultCounts(results: RunResults): Pick<ActionOutputs, 'pairs-failed' | 'mismatched-rows'> {
  let mismatchedRows = 0;
  for (const pair of results.pairs) {
    for (const check of pair.checks) if (check.details.check === 'value_mismatches') mismatchedRows += check.details.mismatchedRows;
  }
  return { 'pairs-failed': results.summary.byStatus.FAIL + results.summary.byStatus.ERROR, 'mismatched-rows': mismatchedRows };
}

export function setActionOutputs(outputs: ActionOutputs, set: (name: string, value: string) => void = setOutput): void {
  for (const [name, value] of Object.entries(outputs) as Array<[string, string | number | undefined]>) {
    if (value === undefined) continue;
    if (PATH_OUTPUTS.has(name) && !existsSync(String(value))) continue;
    set(name, String(value));
  }
}
