import type { RunResults } from '../results/results-model.js';
import { NEW_MARK } from './baseline-markdown.js';
import { countCell, textCell } from './excel-cell-values.js';
import type { Cell, SheetWriter } from './sheet-writer.js';
import { keyText } from './key-text.js';

/**
 * The workbook's side of the comparisons with the base: a column of the Summary sheet and a
 * Baseline sheet (findings), and a Gate changes sheet (what the configs loosened).
 */

/** The Summary sheet's `vs <baseline>` cell of one check: new findings stand out. */
export function baselineCell(results: RunResults, pair: string, check: string): Cell {
  const baseline = results.baseline;
  const entry = baseline?.checks.find((candidate) => candidate.pair === pair && candidate.check === check);
  if (!baseline || !entry) {
    const onlyHere = baseline?.onlyInRun.pairs.includes(pair) || baseline?.onlyInRun.checks.some((candidate) => candidate.pair === pair && candidate.check === check);
    return textCell(onlyHere ? 'only in this run' : '');
  }
  if (entry.new > 0) return { ...textCell(`${NEW_MARK} ${entry.new} new${entry.fixed > 0 ? `, ${entry.fixed} fixed` : ''}`), status: 'FAIL' };
  if (entry.fixed > 0) return { ...textCell(entry.status === 'PASS' ? `fixed (${entry.fixed})` : `${entry.fixed} fixed`), status: 'PASS' };
  return textCell('unchanged');
}

export function baselineSheet(writer: SheetWriter, results: RunResults): void {
  const baseline = results.baseline;
  if (!baseline) return;
  const { counts } = baseline;
  writer.title(`Compared with ${baseline.label}`, `${counts.new} new findings (${baseline.newFailing} in failing checks), ${counts.fixed} fixed, ${counts.unchanged} unchanged; baseline ${baseline.source}, run of ${baseline.startedAt}`);
  writer.header([`Pair`, 'Check', `${baseline.label} status`, `${baseline.label} measured`, 'Status', 'Measured', 'New', 'Fixed', 'Unchanged', 'Keys compared', 'Waived now']);
  for (const entry of baseline.checks) {
    writer.row([
      textCell(entry.pair),
      textCell(entry.check),
      entry.baselineStatus ? { value: entry.baselineStatus, status: entry.baselineStatus } : textCell('–'),
      countCell(entry.baselineMeasured),
      entry.status ? { value: entry.status, status: entry.status } : textCell('–'),
      countCell(entry.measured),
      { ...countCell(entry.new), status: entry.new > 0 ? 'FAIL' : undefined },
      countCell(entry.fixed),
      countCell(entry.unchanged),
      textCell(entry.keys ? (entry.keys.from === 'sampled' ? 'sampled keys (every key)' : 'key counts (samples incomplete)') : ''),
      textCell(entry.waived ? 'yes' : ''),
    ]);
  }

  const findings = baseline.checks.flatMap((entry) => {
    const columns = results.pairs.find((pair) => pair.name === entry.pair)?.keys ?? [];
    return [
      ...(entry.keys?.new ?? []).map((key) => [entry, 'new', keyText(columns, key)] as const),
      ...entry.newFindings.map((name) => [entry, 'new', name] as const),
      ...(entry.keys?.fixed ?? []).map((key) => [entry, 'fixed', keyText(columns, key)] as const),
      ...entry.fixedFindings.map((name) => [entry, 'fixed', name] as const),
    ];
  });
  writer.blank();
  writer.title('New and fixed findings', findings.length === 0 ? 'none' : undefined);
  if (findings.length > 0) {
    writer.header(['Pair', 'Check', 'Change', 'Finding']);
    for (const [entry, change, finding] of findings) {
      writer.row([textCell(entry.pair), textCell(entry.check), { ...textCell(change === 'new' ? `${NEW_MARK} new` : 'fixed'), status: change === 'new' ? 'FAIL' : 'PASS' }, textCell(finding)]);
    }
  }

  const sideOnly: Array<[string, string[]]> = [
    ['Pairs only in this run', baseline.onlyInRun.pairs],
    [`Pairs only in ${baseline.label}`, baseline.onlyInBaseline.pairs],
    ['Checks only in this run', baseline.onlyInRun.checks.map((entry) => `${entry.pair}: ${entry.check}`)],
    [`Checks only in ${baseline.label}`, baseline.onlyInBaseline.checks.map((entry) => `${entry.pair}: ${entry.check}`)],
  ];
  for (const [title, names] of sideOnly) {
    if (names.length === 0) continue;
    writer.blank();
    writer.title(title);
    for (const name of names) writer.row([textCell(name)]);
  }
}

export function gateChangesSheet(writer: SheetWriter, results: RunResults): void {
  const changes = results.gateChanges;
  if (!changes) return;
  const policy = changes.allowedBy ? `allowed by ${changes.allowedBy}` : changes.enforced ? `fails the run until ${changes.allowWith} allows it` : 'listed, not enforced';
  writer.title(`Gate loosened vs ${changes.label}`, `${changes.loosened.length} changes; ${policy}; base files: ${changes.baseFiles.join(', ') || 'none'}`);
  writer.header(['Pair', 'Change', 'Check', 'Column', 'Before', 'After', 'What', 'File', 'Line']);
  for (const change of changes.loosened) {
    writer.row([
      textCell(change.pair),
      { ...textCell(change.kind.replace(/_/g, ' ')), status: 'WARN' },
      textCell(change.check),
      textCell(change.column),
      textCell(change.before),
      textCell(change.after),
      textCell(change.message),
      textCell(change.in === 'base' ? `${change.file} (at ${changes.label})` : change.file),
      countCell(change.line),
    ]);
  }
  for (const file of changes.unreadable) writer.row([textCell(`not compared: ${file} could not be read`)]);
}
