import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResults } from '../results/results-model.js';
import { type ChartsMode, reportCharts, warmUpChart } from './chart-configs.js';
import { chartSvg } from './chart-svg.js';
import { type ChartImage, writeChartImages } from './chart-images.js';
import { writeWorkbook } from './excel-workbook.js';
import { writeJunitXml } from './junit-xml.js';
import { markdownSummary } from './markdown-summary.js';
import { reproduceSql } from './reproduce-sql.js';
import { writeCoreReports } from './write-core-reports.js';
import { warmUpRenderer } from './svg-to-png.js';

export interface ReportOptions {
  /** How summary.md shows charts; `none` also leaves out the chart files and the Charts sheet. Default `mermaid`. */
  charts?: ChartsMode;
  /** A self-hosted QuickChart, for `quickchart` mode: its image links and the PNG files. */
  quickchartHost?: string;
  /** How long to wait for QuickChart before drawing a chart locally. */
  chartFetchTimeoutMs?: number;
  /** For tests: stands in for the global fetch when talking to QuickChart. */
  fetch?: typeof fetch;
  artifactUrl?: string;
  runUrl?: string;
  /** summary.md's length limit, in characters. */
  markdownBudget?: number;
  markerId?: string;
}

export interface WrittenReportFiles {
  resultsJson: string;
  summaryCsv: string;
  detailsCsv: string;
  workbook: string;
  summaryMarkdown: string;
  /** junit.xml: the checks as JUnit test results, for CI test views. */
  junitXml: string;
  /** reproduce.sql, when some check found something to reproduce. */
  reproduceSql?: string;
  /** charts/<id>.svg and .png, in chart order. */
  charts: string[];
  /** What could not be done as asked (a chart host out of reach); also written into the reports. */
  notes: string[];
}

/** Prepares what writing the reports will need (the chart renderer), in the background. */
export function prepareReports(options: ReportOptions = {}): void {
  if ((options.charts ?? 'mermaid') !== 'none') warmUpRenderer(chartSvg(warmUpChart()));
}

/**
 * Every report of a run into one folder. Only `quickchart` mode sends chart data anywhere:
 * with `mermaid` (the default) the images are drawn on this machine.
 */
export async function writeReports(results: RunResults, outDir: string, options: ReportOptions = {}): Promise<WrittenReportFiles> {
  const mode = options.charts ?? 'mermaid';
  const core = writeCoreReports(results, outDir);
  const junitXml = writeJunitXml(results, outDir);

  let images: ChartImage[] = [];
  let notes: string[] = [];
  if (mode !== 'none') {
    ({ images, notes } = await writeChartImages(reportCharts(results), outDir, {
      fetchFromQuickChart: mode === 'quickchart',
      quickchartHost: options.quickchartHost,
      timeoutMs: options.chartFetchTimeoutMs,
      fetch: options.fetch,
    }));
  }

  const workbook = path.join(outDir, 'report.xlsx');
  await writeWorkbook(results, workbook, {
    charts: mode === 'none' ? undefined : images.map((image) => ({ title: image.title, png: image.png, svgFileName: `charts/${path.basename(image.svgFile)}` })),
    chartNotes: notes,
  });

  const summaryMarkdown = path.join(outDir, 'summary.md');
  writeFileSync(
    summaryMarkdown,
    markdownSummary(results, {
      charts: mode,
      quickchartHost: options.quickchartHost,
      maxLength: options.markdownBudget,
      artifactUrl: options.artifactUrl,
      runUrl: options.runUrl,
      markerId: options.markerId,
      chartNotes: notes,
    }),
  );

  const reproduce = reproduceSql(results);
  const reproduceFile = reproduce ? path.join(outDir, 'reproduce.sql') : undefined;
  if (reproduce && reproduceFile) writeFileSync(reproduceFile, reproduce);

  return {
    ...core,
    junitXml,
    workbook,
    summaryMarkdown,
    reproduceSql: reproduceFile,
    charts: images.flatMap((image) => [image.svgFile, ...(image.pngFile ? [image.pngFile] : [])]),
    notes,
  };
}
