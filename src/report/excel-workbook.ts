import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { SCHEMA_STATUS_EFFECT } from '../results/findings.js';
import type { RunResults } from '../results/results-model.js';
import { STATUSES, type ShownStatus, shownStatus } from '../results/statuses.js';
import { baselineCell, baselineSheet, gateChangesSheet } from './baseline-workbook.js';
import { checkDetails } from './check-details.js';
import { durationText } from './check-wording.js';
import { classesText, columnMatchRates, matchRateDecimals } from './column-match-rates.js';
import { countCell, dataCell, percentCell, ratioCell, textCell } from './excel-cell-values.js';
import { CHART_HEIGHT, CHART_WIDTH } from './quickchart-urls.js';
import { type Cell, SheetWriter } from './sheet-writer.js';

/** A chart image for the Charts sheet; exceljs embeds PNG, not SVG. */
export interface WorkbookChart {
  title: string;
  png?: Uint8Array;
  /** Where the chart is when there is no PNG. */
  svgFileName?: string;
}

export interface WorkbookOptions {
  /** Undefined: no Charts sheet (charts switched off). */
  charts?: WorkbookChart[];
  chartNotes?: string[];
}

/** A schema column is styled as the schema check counts it (results/findings.ts). */
const SCHEMA_STYLE = { ok: undefined, warning: 'WARN', failure: 'FAIL' } as const;

const text = (value: string | undefined | null): Cell => textCell(value);
const status = (value: ShownStatus): Cell => ({ value, status: value });

function addSheet(workbook: ExcelJS.Workbook, name: string, build: (writer: SheetWriter) => void): void {
  // Printed (or turned into PDF), a sheet keeps its columns on one page width.
  const writer = new SheetWriter(workbook.addWorksheet(name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } }));
  build(writer);
  writer.finish();
}

function summarySheet(writer: SheetWriter, results: RunResults): void {
  const { run, summary } = results;
  const counts = STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => `${summary.byStatus[s]} ${s}`);
  const facts: Array<[string, Cell]> = [
    ['Status', status(results.status)],
    ['Pairs', text(`${summary.pairs}: ${counts.join(', ') || 'none'}; ${summary.differingRows.toLocaleString('en-US')} differing rows`)],
    ['Started', { value: run.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') }],
    ['Duration', text(`${durationText(run.durationMs)} (${run.durationMs.toLocaleString('en-US')} ms)`)],
    ['Engine', text(run.engine)],
    ['Configs', text(run.configs.join(', '))],
    ...(run.interrupted ? [['Interrupted', text(run.interrupted)] as [string, Cell]] : []),
  ];
  writer.title(`Recon Gate report (${results.tool.name} ${results.tool.version})`);
  for (const [label, value] of facts) writer.row([{ value: label, bold: true }, value], { measure: false });
  writer.blank();
  writer.header(['Pair', 'Pair status', 'Check', 'Status', 'Measured', 'Unit', 'Base', '% of base', 'Max count', 'Max %', 'Finding', 'Source rows', 'Target rows', 'Config file', 'Line', ...(results.baseline ? [`vs ${results.baseline.label}`] : [])]);
  for (const pair of results.pairs) {
    for (const check of pair.checks) {
      writer.row([
        text(pair.name),
        status(pair.status),
        text(check.check),
        status(shownStatus(check)),
        countCell(check.measured),
        text(check.unit),
        countCell(check.base),
        percentCell(check.percent),
        countCell(check.threshold.maxCount),
        percentCell(check.threshold.maxPercent),
        text([check.message, ...(check.warnings ?? [])].join('; ')),
        countCell(pair.source.rows),
        countCell(pair.target.rows),
        text(pair.config.file),
        countCell(pair.config.line),
        ...(results.baseline ? [baselineCell(results, pair.name, check.check)] : []),
      ]);
    }
  }
}

function rowCountsSheet(writer: SheetWriter, results: RunResults): void {
  writer.header(['Pair', 'Status', 'Source rows', 'Target rows', 'Difference', 'Source', 'Source filter', 'Target', 'Target filter']);
  for (const pair of results.pairs) {
    const check = pair.checks.find((result) => result.check === 'row_count');
    const details = checkDetails(pair, 'row_count');
    writer.row([
      text(pair.name),
      status(check?.status ?? pair.status),
      countCell(details?.source ?? pair.source.rows),
      countCell(details?.target ?? pair.target.rows),
      countCell(details?.difference),
      text(pair.source.description),
      text(pair.source.filter),
      text(pair.target.description),
      text(pair.target.filter),
    ]);
  }
}

function schemaSheet(writer: SheetWriter, results: RunResults): void {
  writer.header(['Pair', 'Column', 'Key', 'Status', 'Source type', 'Target type', 'Source nullable', 'Target nullable']);
  const yesNo = (value: boolean | undefined): Cell => text(value === undefined ? undefined : value ? 'yes' : 'no');
  for (const pair of results.pairs) {
    for (const column of checkDetails(pair, 'schema')?.columns ?? []) {
      writer.row([text(pair.name), text(column.label), yesNo(column.isKey), { value: column.status, status: SCHEMA_STYLE[SCHEMA_STATUS_EFFECT[column.status]] }, text(column.sourceType), text(column.targetType), yesNo(column.sourceNullable), yesNo(column.targetNullable)]);
    }
  }
}

function nullsSheet(writer: SheetWriter, results: RunResults): void {
  writer.header(['Pair', 'Column', 'Source NULLs', 'Target NULLs', 'Difference']);
  for (const pair of results.pairs) {
    for (const column of checkDetails(pair, 'nulls')?.columns ?? []) {
      writer.row([text(pair.name), text(column.label), countCell(column.source), countCell(column.target), { ...countCell(column.difference), status: column.difference === 0 ? undefined : 'FAIL' }]);
    }
  }
}

function aggregatesSheet(writer: SheetWriter, results: RunResults): void {
  writer.header(['Pair', 'Column', 'Function', 'Source', 'Target', 'Difference', 'Relative difference', 'Within tolerance', 'Note']);
  for (const pair of results.pairs) {
    for (const aggregate of checkDetails(pair, 'aggregates')?.aggregates ?? []) {
      writer.row([
        text(pair.name),
        text(aggregate.label),
        text(aggregate.function),
        dataCell(aggregate.source, { grouping: true }),
        dataCell(aggregate.target, { grouping: true }),
        dataCell(aggregate.difference, { grouping: true }),
        ratioCell(aggregate.relativeDifference),
        { value: aggregate.withinTolerance ? 'yes' : 'no', status: aggregate.withinTolerance ? 'PASS' : 'FAIL' },
        text(aggregate.note),
      ]);
    }
  }
}

/** group_by: the differing groups kept in the results (the worst 20 per pair), one row per differing aggregate. */
function groupsSheet(writer: SheetWriter, results: RunResults): void {
  writer.header(['Pair', 'Group by', 'Group', 'Source rows', 'Target rows', 'Aggregate', 'Source', 'Target', 'Difference']);
  for (const pair of results.pairs) {
    const groups = checkDetails(pair, 'aggregates')?.groups;
    for (const group of groups?.worst ?? []) {
      const lead = [text(pair.name), text(groups!.by.join(', ')), text(group.key.map((value) => value ?? 'NULL').join(', ')), countCell(group.sourceRows), countCell(group.targetRows)];
      if (group.differences.length === 0) writer.row([...lead, text(undefined), text(undefined), text(undefined), text(undefined)]);
      for (const difference of group.differences) {
        writer.row([...lead, text(`${difference.function}(${difference.label})`), dataCell(difference.source, { grouping: true }), dataCell(difference.target, { grouping: true }), dataCell(difference.difference, { grouping: true })]);
      }
    }
  }
}

/** Key column names over all pairs, in first-seen order: one table for every pair, each key part in its own filterable column. */
function keyColumns(results: RunResults): string[] {
  return [...new Set(results.pairs.flatMap((pair) => pair.keys))];
}

function keyCells(keys: string[], pair: { keys: string[] }, key: ReadonlyArray<string | null>): Cell[] {
  return keys.map((name) => {
    const i = pair.keys.indexOf(name);
    return i < 0 ? text(undefined) : dataCell(key[i] ?? null);
  });
}

/** Per pair and compared column: matched rows that agree ÷ matched rows, and why the others differ. */
function matchRatesSheet(writer: SheetWriter, results: RunResults): void {
  let rows = 0;
  writer.header(['Pair', 'Column', 'Source column', 'Target column', 'Source type', 'Target type', 'Tolerance', 'Matched rows', 'Agreeing rows', 'Mismatching rows', 'Match rate', 'Max abs diff', 'Within tolerance', 'Mismatch classes']);
  for (const pair of results.pairs) {
    const info = new Map(pair.columns.map((column) => [column.label, column]));
    for (const rate of columnMatchRates(pair)) {
      const column = info.get(rate.label);
      const tolerance = column?.tolerance ? [column.tolerance.abs ? `abs ${column.tolerance.abs}` : '', column.tolerance.rel ? `rel ${column.tolerance.rel}` : ''].filter(Boolean).join(', ') : '';
      writer.row([
        text(pair.name),
        text(rate.label),
        text(column?.source),
        text(column?.target),
        text(column?.sourceType),
        text(column?.targetType),
        text(tolerance || undefined),
        countCell(rate.matchedRows),
        countCell(rate.agreeingRows),
        { ...countCell(rate.mismatchingRows), status: rate.mismatchingRows > 0 ? 'FAIL' : undefined },
        { value: rate.rate, numFmt: `0.${'0'.repeat(rate.rate === null ? 2 : matchRateDecimals(rate.rate))}%`, status: rate.rate === null ? undefined : rate.rate === 1 ? 'PASS' : 'FAIL' },
        rate.maxAbsDiff === undefined ? text(undefined) : { value: rate.maxAbsDiff },
        countCell(rate.withinTolerance),
        text(classesText(rate.classes) || undefined),
      ]);
      rows += 1;
    }
  }
  if (rows === 0) writer.row([text('No pair compared values (no key join ran).')]);
}

function mismatchesSheet(writer: SheetWriter, results: RunResults): void {
  const keys = keyColumns(results);
  writer.header(['Pair', ...keys, 'Column', 'Source value', 'Target value', 'Kind', 'Mismatch class']);
  let cells = 0;
  for (const pair of results.pairs) {
    const samples = [...pair.samples.mismatches.map((sample) => ({ sample, kind: 'mismatch' })), ...pair.samples.withinTolerance.map((sample) => ({ sample, kind: 'within tolerance' }))];
    for (const { sample, kind } of samples) {
      writer.row([text(pair.name), ...keyCells(keys, pair, sample.key), text(sample.column), dataCell(sample.source), dataCell(sample.target), { value: kind, status: kind === 'mismatch' ? 'FAIL' : 'WARN' }, text(sample.class)]);
      cells += 1;
    }
  }
  if (cells === 0) writer.row([text('No sampled mismatches: every matched row agrees.')]);
}

function missingRowsSheet(writer: SheetWriter, results: RunResults): void {
  const keys = keyColumns(results);
  const values = [...new Set(results.pairs.flatMap((pair) => [...pair.samples.onlyInSource, ...pair.samples.onlyInTarget].flatMap((sample) => Object.keys(sample.values))))];
  writer.header(['Pair', 'Kind', ...keys, 'Source rows', 'Target rows', ...values]);
  let rows = 0;
  for (const pair of results.pairs) {
    for (const [kind, samples] of [['only in source', pair.samples.onlyInSource], ['only in target', pair.samples.onlyInTarget]] as const) {
      for (const sample of samples) {
        writer.row([text(pair.name), { value: kind, status: 'FAIL' }, ...keyCells(keys, pair, sample.key), text(undefined), text(undefined), ...values.map((column) => (column in sample.values ? dataCell(sample.values[column] ?? null) : text(undefined)))]);
        rows += 1;
      }
    }
    for (const sample of pair.samples.duplicateKeys) {
      writer.row([text(pair.name), { value: 'duplicate key', status: 'FAIL' }, ...keyCells(keys, pair, sample.key), countCell(sample.sourceRows), countCell(sample.targetRows)]);
      rows += 1;
    }
  }
  if (rows === 0) writer.row([text('No sampled rows: every key is on both sides, once.')]);
}

/** Rows of the default height an 800×420 chart covers, plus a gap. */
const ROWS_PER_CHART = Math.ceil(CHART_HEIGHT / 20) + 3;

function chartsSheet(workbook: ExcelJS.Workbook, writer: SheetWriter, charts: WorkbookChart[], notes: string[]): void {
  writer.title('Charts', charts.length === 0 ? 'Nothing to chart.' : undefined);
  for (const note of notes) writer.row([text(note)], { measure: false });
  let row = writer.nextRow + 1;
  for (const chart of charts) {
    writer.row([{ value: chart.title, bold: true }], { measure: false, rowNumber: row });
    if (chart.png) {
      const image = workbook.addImage({ buffer: Buffer.from(chart.png) as unknown as ExcelJS.Buffer, extension: 'png' });
      writer.sheet.addImage(image, { tl: { col: 0, row }, ext: { width: CHART_WIDTH, height: CHART_HEIGHT } });
      row += ROWS_PER_CHART;
    } else {
      writer.row([text(`No PNG could be made${chart.svgFileName ? `; see ${chart.svgFileName}` : ''}.`)], { measure: false, rowNumber: row + 1 });
      row += 3;
    }
  }
}

/**
 * report.xlsx, from the results alone. Every value from the data or a config goes through the
 * cell helpers, which keep digits exact and neutralise formulas.
 */
export function reportWorkbook(results: RunResults, options: WorkbookOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `${results.tool.name} ${results.tool.version}`;
  workbook.created = new Date(results.run.finishedAt);
  addSheet(workbook, 'Summary', (writer) => summarySheet(writer, results));
  addSheet(workbook, 'Row counts', (writer) => rowCountsSheet(writer, results));
  addSheet(workbook, 'Schema', (writer) => schemaSheet(writer, results));
  addSheet(workbook, 'Match rates', (writer) => matchRatesSheet(writer, results));
  addSheet(workbook, 'Nulls', (writer) => nullsSheet(writer, results));
  addSheet(workbook, 'Aggregates', (writer) => aggregatesSheet(writer, results));
  if (results.pairs.some((pair) => checkDetails(pair, 'aggregates')?.groups)) addSheet(workbook, 'Groups', (writer) => groupsSheet(writer, results));
  addSheet(workbook, 'Mismatches', (writer) => mismatchesSheet(writer, results));
  addSheet(workbook, 'Missing rows', (writer) => missingRowsSheet(writer, results));
  if (results.baseline) addSheet(workbook, 'Baseline', (writer) => baselineSheet(writer, results));
  if (results.gateChanges) addSheet(workbook, 'Gate changes', (writer) => gateChangesSheet(writer, results));
  if (options.charts) {
    const charts = options.charts;
    addSheet(workbook, 'Charts', (writer) => chartsSheet(workbook, writer, charts, options.chartNotes ?? []));
  }
  return workbook;
}

/**
 * Stored, not deflated: exceljs deflates in JavaScript (pako), a tenth of a demo run's wall time,
 * to halve a workbook of a few hundred kilobytes whose chart PNGs are compressed already; the
 * artifact upload compresses it anyway.
 */
const ZIP_OPTIONS = { zip: { compression: 'STORE' as const } };

export async function writeWorkbook(results: RunResults, file: string, options: WorkbookOptions = {}): Promise<void> {
  // Written in one call: exceljs's own file stream ends with an asynchronous close that the
  // process then waits for, queued behind DuckDB's work on libuv's threads (up to 0.1 s).
  writeFileSync(file, Buffer.from(await reportWorkbook(results, options).xlsx.writeBuffer(ZIP_OPTIONS)));
}
