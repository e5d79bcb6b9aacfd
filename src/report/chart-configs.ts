import { mismatchFindings } from '../results/findings.js';
import type { RunResults } from '../results/results-model.js';
import { checkDetails } from './check-details.js';

/**
 * The four report charts, each built once as a Chart.js bar configuration: plain data that
 * QuickChart draws as it is, and that our Mermaid and SVG renderers read. Only the part of
 * Chart.js's configuration those renderers understand is produced.
 */
export interface BarChartConfig {
  type: 'bar';
  data: {
    labels: string[];
    datasets: BarDataset[];
  };
  options: {
    plugins: { title: { display: true; text: string }; legend: { display: boolean } };
    scales: { y: { beginAtZero: true; title: { display: true; text: string } } };
  };
}

export interface BarDataset {
  label: string;
  data: number[];
  backgroundColor: string;
}

/**
 * How summary.md shows the charts. Mermaid is the default because GitHub draws it from the
 * comment itself and no data leaves GitHub; QuickChart sends the chart data to an image host.
 */
export const CHARTS_MODES = ['mermaid', 'quickchart', 'none'] as const;
export type ChartsMode = (typeof CHARTS_MODES)[number];

export type ChartId = 'row-counts' | 'mismatches-by-column' | 'nulls-by-column' | 'aggregate-differences';

export interface ReportChart {
  id: ChartId;
  title: string;
  config: BarChartConfig;
  /** Categories (bars or bar groups) drawn, and how many there were before the top-N cut. */
  shown: number;
  total: number;
  /** Said under a chart with nothing to draw instead of an empty plot. */
  emptyText: string;
}

/** Enough bars to read in a 800-pixel image; more would turn the labels into noise. */
export const DEFAULT_CHART_CATEGORIES = 25;

export const SOURCE_COLOUR = '#4e79a7';
export const TARGET_COLOUR = '#f28e2b';
const DIFFERENCE_COLOUR = '#e15759';

interface Category {
  label: string;
  values: number[];
  /** What the top-N cut keeps first: the biggest differences. */
  weight: number;
}


/** Column labels repeat across pairs: name the pair too when more than one pair is drawn. */
function labelFor(pairNames: Set<string>, pair: string, label: string): string {
  return chartLabel(pairNames.size > 1 ? `${pair} · ${label}` : label);
}

/** No chart shows more of a label than this; a long one would only squeeze the bars (and fill the URL). */
const MAX_LABEL = 60;

function chartLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

function topCategories(categories: Category[], limit: number): Category[] {
  if (categories.length <= limit) return categories;
  const keep = new Set([...categories].sort((a, b) => b.weight - a.weight).slice(0, Math.max(1, limit)));
  return categories.filter((category) => keep.has(category));
}

function barChart(id: ChartId, title: string, yTitle: string, series: Array<{ label: string; colour: string }>, categories: Category[], limit: number, emptyText: string): ReportChart {
  const shown = topCategories(categories, limit);
  const cut = shown.length < categories.length ? ` (top ${shown.length} of ${categories.length})` : '';
  return {
    id,
    title: `${title}${cut}`,
    shown: shown.length,
    total: categories.length,
    emptyText,
    config: {
      type: 'bar',
      data: {
        labels: shown.map((category) => category.label),
        datasets: series.map((serie, i) => ({ label: serie.label, data: shown.map((category) => category.values[i] ?? 0), backgroundColor: serie.colour })),
      },
      options: {
        plugins: { title: { display: true, text: `${title}${cut}` }, legend: { display: series.length > 1 } },
        scales: { y: { beginAtZero: true, title: { display: true, text: yTitle } } },
      },
    },
  };
}

export function rowCountsChart(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart {
  const categories = results.pairs
    .filter((pair) => pair.source.rows !== undefined || pair.target.rows !== undefined)
    .map((pair) => {
      const source = pair.source.rows ?? 0;
      const target = pair.target.rows ?? 0;
      return { label: chartLabel(pair.name), values: [source, target], weight: Math.abs(source - target) * 1e12 + Math.max(source, target) };
    });
  return barChart('row-counts', 'Row counts per pair', 'rows', [{ label: 'source', colour: SOURCE_COLOUR }, { label: 'target', colour: TARGET_COLOUR }], categories, limit, 'No pair was counted.');
}

export function mismatchesChart(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart {
  const counted = results.pairs.flatMap((pair) => mismatchFindings(checkDetails(pair, 'value_mismatches')?.columns ?? []).map((column) => ({ pair: pair.name, column })));
  const pairNames = new Set(counted.map((entry) => entry.pair));
  const categories = counted.map(({ pair, column }) => ({ label: labelFor(pairNames, pair, column.label), values: [column.mismatches], weight: column.mismatches }));
  return barChart('mismatches-by-column', 'Mismatching rows per column', 'rows', [{ label: 'mismatching rows', colour: DIFFERENCE_COLOUR }], categories, limit, 'No column has mismatching values.');
}

export function nullsChart(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart {
  const counted = results.pairs.flatMap((pair) => (checkDetails(pair, 'nulls')?.columns ?? []).filter((column) => column.source > 0 || column.target > 0).map((column) => ({ pair: pair.name, column })));
  const pairNames = new Set(counted.map((entry) => entry.pair));
  const categories = counted.map(({ pair, column }) => ({
    label: labelFor(pairNames, pair, column.label),
    values: [column.source, column.target],
    weight: Math.abs(column.difference) * 1e12 + Math.max(column.source, column.target),
  }));
  return barChart('nulls-by-column', 'NULL values per column', 'NULL values', [{ label: 'source', colour: SOURCE_COLOUR }, { label: 'target', colour: TARGET_COLOUR }], categories, limit, 'No column holds NULL values on either side.');
}

export function aggregatesChart(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart {
  const counted = results.pairs.flatMap((pair) =>
    (checkDetails(pair, 'aggregates')?.aggregates ?? [])
      .filter((aggregate) => aggregate.relativeDifference !== null && aggregate.relativeDifference > 0)
      .map((aggregate) => ({ pair: pair.name, aggregate })),
  );
  const pairNames = new Set(counted.map((entry) => entry.pair));
  const categories = counted.map(({ pair, aggregate }) => {
    const percent = (aggregate.relativeDifference ?? 0) * 100;
    return { label: labelFor(pairNames, pair, `${aggregate.function}(${aggregate.label})`), values: [Number(percent.toPrecision(6))], weight: percent };
  });
  return barChart('aggregate-differences', 'Aggregate relative difference', '% of the source value', [{ label: 'relative difference %', colour: DIFFERENCE_COLOUR }], categories, limit, 'Every aggregate is equal on both sides.');
}

export const CHART_BUILDERS: Record<ChartId, (results: RunResults, limit?: number) => ReportChart> = {
  'row-counts': rowCountsChart,
  'mismatches-by-column': mismatchesChart,
  'nulls-by-column': nullsChart,
  'aggregate-differences': aggregatesChart,
};

export function reportCharts(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart[] {
  return Object.values(CHART_BUILDERS).map((build) => build(results, limit));
}

export function isEmptyChart(chart: ReportChart): boolean {
  return chart.shown === 0;
}
