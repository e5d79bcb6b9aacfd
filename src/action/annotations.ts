import { error as errorAnnotation, warning as warningAnnotation } from '@actions/core';
import path from 'node:path';
import type { PairResult, RunResults, Status } from '../results/results-model.js';

export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
  /** Relative to the checkout, as GitHub needs it to place the annotation in a diff. */
  file?: string;
  line?: number;
  column?: number;
}

/** GitHub shows at most this many annotations of each level from one step. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

const SEVERITY: Record<Status, number> = { PASS: 0, WARN: 1, FAIL: 2, ERROR: 3 };
const MESSAGE_LIMIT = 1000;

/** A path as GitHub expects it: relative to the workspace, forward slashes. */
export function workspacePath(file: string, workspace: string): string {
  const relative = path.relative(workspace, path.resolve(file));
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

function clip(text: string): string {
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text;
}

function differingRows(pair: PairResult): number {
  let rows = 0;
  for (const check of pair.checks) {
    if (check.details.check === 'missing_rows' || check.details.check === 'extra_rows') rows += check.details.rows;
    if (check.details.check === 'value_mismatches') rows += check.details.mismatchedRows;
  }
  return rows;
}

function pairMessage(pair: PairResult): string {
  if (pair.error) return clip(`${pair.name} could not be reconciled (${pair.error.step ?? pair.error.kind}): ${pair.error.message}`);
  const flagged = pair.checks
    .filter((check) => check.status !== 'PASS')
    .sort((a, b) => SEVERITY[b.status] - SEVERITY[a.status])
    .map((check) => `${check.check} ${check.status}: ${check.message}`);
  return clip(`${pair.name}: ${flagged.join(' · ')}`);
}

/** One annotation per pair that did not pass, at the pair's place in its config, worst first. */
export function pairAnnotations(results: RunResults, workspace: string): Annotation[] {
  return results.pairs
    .map((pair, index) => ({ pair, index }))
    .filter(({ pair }) => pair.status !== 'PASS')
    .sort((a, b) => SEVERITY[b.pair.status] - SEVERITY[a.pair.status] || differingRows(b.pair) - differingRows(a.pair) || a.index - b.index)
    .map(({ pair }) => ({
      level: pair.status === 'WARN' ? 'warning' : 'error',
      title: `Recon Gate: ${pair.name} ${pair.status}`,
      message: pairMessage(pair),
      file: workspacePath(pair.config.file, workspace),
      line: pair.config.line,
      column: pair.config.column,
    }));
}

/**
 * Keeps what GitHub will show: per level, the first annotations (callers sort worst first) and,
 * when some must go, one more that says how many. `reserved` counts annotations of a level made
 * elsewhere in the step (setFailed makes an error annotation).
 */
export function capAnnotations(annotations: Annotation[], reserved: { error?: number; warning?: number } = {}, where = 'the job summary'): Annotation[] {
  const kept: Annotation[] = [];
  for (const level of ['error', 'warning'] as const) {
    const ofLevel = annotations.filter((annotation) => annotation.level === level);
    const room = Math.max(1, ANNOTATIONS_SHOWN_PER_LEVEL - (reserved[level] ?? 0));
    if (ofLevel.length <= room) {
      kept.push(...ofLevel);
      continue;
    }
    const shown = ofLevel.slice(0, room - 1);
    kept.push(...shown, {
      level,
      title: `Recon Gate: ${ofLevel.length - shown.length} more ${level === 'error' ? 'errors' : 'warnings'}`,
      message: `${ofLevel.length - shown.length} more ${level === 'error' ? 'errors' : 'warnings'} than GitHub shows per step are listed in ${where}.`,
    });
  }
  return kept;
}

export function emitAnnotations(annotations: Annotation[]): void {
  for (const annotation of annotations) {
    const emit = annotation.level === 'error' ? errorAnnotation : warningAnnotation;
    emit(annotation.message, { title: annotation.title, file: annotation.file, startLine: annotation.line, startColumn: annotation.column });
  }
}
