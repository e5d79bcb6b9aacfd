import { mismatchFindings } from '../results/findings.js';
import type { RunResults } from '../results/results-model.js';
import { checkDetails } from './check-details.js';

/**
 * The four report charts, each built once as a Chart.js bar configuration: plain data that
 * QuickChart draws as it is, and that our Mermaid and SVG renderers read. Only the part of
 * Chart.js's configuration those renderers understand is produced.
 *
 * What makes them readable to a reviewer: two-sided counts (rows, NULLs) are drawn as the
 * difference, target − source, with both counts in the label, since 1,800 and 1,799 are the
 * same bar to the eye; when one value dwarfs the others the axis is cut (and says so) instead of
 * flattening every other bar; counts get whole-number ticks; and only the largest differences
 * are drawn, with "and N more".
 */
export interface BarChartConfig {
  type: 'bar';
  data: {
    labels: string[];
    datasets: BarDataset[];
  };
  options: {
    plugins: {
      title: { display: true; text: string };
      /** What was left out and where the axis is cut; Chart.js 4 draws it under the title. */
      subtitle: { display: boolean; text: string };
      legend: { display: boolean };
    };
    scales: { y: ValueAxis };
  };
}

export interface ValueAxis {
  beginAtZero: true;
  /** Set when the axis is cut (see AxisCut): Chart.js clips the bars beyond it. */
  max?: number;
  min?: number;
  title: { display: true; text: string };
  /** `precision: 0` on counts: no tick at 0.5 rows. */
  ticks: { precision?: 0 };
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

/** One bar. Renderers cut `name` to fit and keep `detail` whole. */
export interface ChartCategory {
  /** The pair or column (with its pair when several pairs are drawn). */
  name: string;
  /** Both sides' counts (`1,800 → 1,799`), or the value of a bar beyond a cut axis (`2,377.63 % ▲`). */
  detail?: string;
}

/** The axis ends below the largest values so the others stay readable; those bars stop at the end and carry their value in the label. */
export interface AxisCut {
  at: number;
  /** Names of the categories beyond it. */
  beyond: string[];
}

export interface ReportChart {
  id: ChartId;
  /** The chart's name, and "(top N, and M more)" when categories were left out. */
  title: string;
  config: BarChartConfig;
  /** The drawn categories, in the order of the bars (largest difference first). */
  categories: ChartCategory[];
  /** Categories (bars) drawn, and how many there were before the top-N cut. */
  shown: number;
  total: number;
  /** Whole numbers (counts): whole-number ticks. */
  integer: boolean;
  /** How a value is written in a label or a note: `12,000 rows`, `0.3 %`. */
  unit: string;
  cut?: AxisCut;
  /** Sentences to print with the chart: what was left out, where the axis is cut. */
  notes: string[];
  /** Said under a chart with nothing to draw instead of an empty plot. */
  emptyText: string;
  /** Said instead of a chart whose every bar is zero (every pair has the same row count), in the comment. */
  allZeroText?: string;
}

/** Enough bars to read in a 800-pixel image; more would turn the labels into noise. */
export const DEFAULT_CHART_CATEGORIES = 25;

export const SOURCE_COLOUR = '#4e79a7';
export const TARGET_COLOUR = '#f28e2b';
export const DIFFERENCE_COLOUR = '#e15759';

/** A value this many times the next one down flattens it to a sliver (under 5 % of the axis): cut the axis. */
export const DWARF_RATIO = 20;

interface Category extends ChartCategory {
  value: number;
  /** What the top-N cut keeps first: the biggest differences. */
  weight: number;
}

/** No chart shows more of a name than this; a long one would only squeeze the bars (and fill the URL). */
const MAX_LABEL = 60;

function clipped(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

/** `name (detail)` in at most `max` characters, cutting the name only: the detail is the point of the label. */
export function categoryLabel(category: ChartCategory, max: number): string {
  if (!category.detail) return clipped(category.name, max);
  const detail = ` (${category.detail})`;
  return `${clipped(category.name, Math.max(8, max - detail.length))}${detail}`;
}

/** Column labels repeat across pairs: name the pair too when more than one pair is drawn. */
function nameFor(pairNames: Set<string>, pair: string, label: string): string {
  return pairNames.size > 1 ? `${pair} · ${label}` : label;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** `1,800`, `−1`, `2,377.63 %`: a bar's value in a label. */
export function valueText(value: number, unit: string): string {
  const number = grouped.format(value).replace(/^-/, '−');
  return unit === '%' ? `${number} %` : number;
}

/** `12 rows`, `0.3 %`: a value in a sentence. */
export function amountText(value: number, unit: string): string {
  return unit === '%' ? valueText(value, unit) : `${valueText(value, unit)} ${unit}`;
}

/**
 * Round ends of an axis. Only these: d3 (Mermaid's scale) puts 8 to 11 ticks on 0 → 1, 1.5, 2,
 * 4, 5 or 8 times a power of ten, but 13 to 16 on 1.2, 2.5, 3 or 6 (0.3 gets a tick every 0.02),
 * and those collide on a narrow axis.
 */
export const AXIS_END_FACTORS = [1, 1.5, 2, 4, 5, 8, 10];

function niceCeiling(value: number, integer: boolean): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const factor = AXIS_END_FACTORS.find((f) => f * power >= value * (1 - 1e-12)) ?? 10;
  const nice = Number((factor * power).toPrecision(6));
  return integer ? Math.max(1, Math.ceil(nice)) : nice;
}

/**
 * Where to cut the axis, if one or a few values dwarf the rest: the smallest k (at most a third
 * of the bars, at least one) such that the k-th largest size is over DWARF_RATIO times the next.
 * The axis then ends a little above that next size, on a round number.
 */
export function axisCut(values: number[], integer: boolean): number | undefined {
  const sizes = values.map(Math.abs).filter((size) => Number.isFinite(size) && size > 0).sort((a, b) => b - a);
  if (sizes.length < 2) return undefined;
  const maxBeyond = Math.max(1, Math.floor(sizes.length / 3));
  for (let k = 1; k <= maxBeyond; k++) {
    const above = sizes[k - 1]!;
    const below = sizes[k]!;
    // Counts: an axis of at least 10 keeps whole-number ticks in every renderer (Mermaid's among them).
    if (above > DWARF_RATIO * below) return integer ? Math.max(10, niceCeiling(below * 1.15, true)) : niceCeiling(below * 1.15, false);
  }
  return undefined;
}

function topCategories(categories: Category[], limit: number): Category[] {
  // Stable: equal weights keep the results' order (pairs and columns as configured).
  return [...categories].sort((a, b) => b.weight - a.weight).slice(0, Math.max(1, limit));
}

interface ChartSpec {
  id: ChartId;
  title: string;
  yTitle: string;
  series: string;
  colour: string;
  integer: boolean;
  unit: string;
  /** The noun for "and N more …". */
  things: string;
  emptyText: string;
  allZeroText?: string;
}

function barChart(spec: ChartSpec, categories: Category[], limit: number, leftOut: string[] = []): ReportChart {
  const top = topCategories(categories, limit);
  const more = categories.length - top.length;
  const at = axisCut(top.map((category) => category.value), spec.integer);
  const beyond = at === undefined ? [] : top.filter((category) => Math.abs(category.value) > at);
  const drawn: ChartCategory[] = top.map((category) =>
    beyond.includes(category) ? { name: category.name, detail: `${valueText(category.value, spec.unit)} ▲` } : category.detail ? { name: category.name, detail: category.detail } : { name: category.name },
  );
  const title = more > 0 ? `${spec.title} (top ${top.length}, and ${more} more)` : spec.title;
  const notes: string[] = [...leftOut];
  if (more > 0) notes.push(`Only the ${top.length} largest of ${categories.length} ${spec.things} are drawn; ${more} more are in report.xlsx.`);
  if (at !== undefined) {
    const names = beyond.map((category) => category.name);
    const shownNames = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    notes.push(`The axis is cut at ${amountText(at, spec.unit)} so that the other bars can be read; ${shownNames} ${names.length === 1 ? 'goes' : 'go'} beyond it (▲, value in the label).`);
  }
  const hasNegative = top.some((category) => category.value < 0);
  const axis: ValueAxis = { beginAtZero: true, title: { display: true, text: spec.yTitle }, ticks: spec.integer ? { precision: 0 } : {} };
  if (at !== undefined) {
    axis.max = at;
    if (hasNegative && top.some((category) => category.value < -at)) axis.min = -at;
  }
  return {
    id: spec.id,
    title,
    shown: top.length,
    total: categories.length,
    categories: drawn,
    integer: spec.integer,
    unit: spec.unit,
    ...(at !== undefined ? { cut: { at, beyond: beyond.map((category) => category.name) } } : {}),
    notes,
    emptyText: spec.emptyText,
    ...(spec.allZeroText ? { allZeroText: spec.allZeroText } : {}),
    config: {
      type: 'bar',
      data: {
        labels: drawn.map((category) => categoryLabel(category, MAX_LABEL)),
        datasets: [{ label: spec.series, data: top.map((category) => category.value), backgroundColor: spec.colour }],
      },
      options: {
        plugins: { title: { display: true, text: title }, subtitle: { display: notes.length > 0, text: notes.join(' ') }, legend: { display: false } },
        scales: { y: axis },
      },
    },
  };
}

const count = new Intl.NumberFormat('en-US');

/**
 * The pairs whose row counts differ, as target − source, both counts in the label. Pairs with
 * equal counts are left out (and counted in a note): Mermaid would draw a zero as a sliver. When
 * no pair differs, every pair is drawn (all zero), so the chart files still show the counts.
 */
const ROW_COUNTS_SPEC: ChartSpec = { id: 'row-counts', title: 'Row counts per pair', yTitle: 'rows, target − source', series: 'target − source', colour: DIFFERENCE_COLOUR, integer: true, unit: 'rows', things: 'pairs', emptyText: 'No pair was counted on both sides.', allZeroText: 'Row counts: every pair has the same number of rows on both sides.' };

export function rowCountsChart(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart {
  const counted = results.pairs
    .filter((pair) => pair.source.rows !== undefined && pair.target.rows !== undefined)
    .map((pair) => {
      const source = pair.source.rows ?? 0;
      const target = pair.target.rows ?? 0;
      return { name: pair.name, detail: `${count.format(source)} → ${count.format(target)}`, value: target - source, weight: Math.abs(target - source) * 1e12 + Math.max(source, target) };
    });
  const differing = counted.filter((category) => category.value !== 0);
  const equal = counted.length - differing.length;
  const categories = differing.length > 0 ? differing : counted;
  const leftOut = differing.length > 0 && equal > 0 ? [`${equal} ${equal === 1 ? 'pair has' : 'pairs have'} the same row count on both sides (not drawn).`] : [];
  return barChart(
    ROW_COUNTS_SPEC,
    categories,
    limit,
    leftOut,
  );
}

export function mismatchesChart(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart {
  const counted = results.pairs.flatMap((pair) => mismatchFindings(checkDetails(pair, 'value_mismatches')?.columns ?? []).map((column) => ({ pair: pair.name, column })));
  const pairNames = new Set(counted.map((entry) => entry.pair));
  const categories = counted.map(({ pair, column }) => ({ name: nameFor(pairNames, pair, column.label), value: column.mismatches, weight: column.mismatches }));
  return barChart(
    { id: 'mismatches-by-column', title: 'Mismatching rows per column', yTitle: 'rows', series: 'mismatching rows', colour: DIFFERENCE_COLOUR, integer: true, unit: 'rows', things: 'columns', emptyText: 'No column has mismatching values.' },
    categories,
    limit,
  );
}

/** Columns whose NULL counts differ, as target − source, both counts in the label. */
export function nullsChart(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart {
  const counted = results.pairs.flatMap((pair) => (checkDetails(pair, 'nulls')?.columns ?? []).filter((column) => column.source !== column.target).map((column) => ({ pair: pair.name, column })));
  const pairNames = new Set(counted.map((entry) => entry.pair));
  const categories = counted.map(({ pair, column }) => ({
    name: nameFor(pairNames, pair, column.label),
    detail: `${count.format(column.source)} → ${count.format(column.target)}`,
    value: column.target - column.source,
    weight: Math.abs(column.target - column.source) * 1e12 + Math.max(column.source, column.target),
  }));
  return barChart(
    { id: 'nulls-by-column', title: 'NULL values per column', yTitle: 'NULLs, target − source', series: 'target − source', colour: DIFFERENCE_COLOUR, integer: true, unit: 'NULLs', things: 'columns', emptyText: 'NULL counts match in every column.' },
    categories,
    limit,
  );
}

export function aggregatesChart(results: RunResults, limit = DEFAULT_CHART_CATEGORIES): ReportChart {
  const counted = results.pairs.flatMap((pair) =>
    (checkDetails(pair, 'aggregates')?.aggregates ?? [])
      // Non-NULL counts are drawn by the row-count and NULL-count charts already.
      .filter((aggregate) => aggregate.function !== 'count' && aggregate.relativeDifference !== null && aggregate.relativeDifference > 0)
      .map((aggregate) => ({ pair: pair.name, aggregate })),
  );
  const pairNames = new Set(counted.map((entry) => entry.pair));
  const categories = counted.map(({ pair, aggregate }) => {
    const percent = Number(((aggregate.relativeDifference ?? 0) * 100).toPrecision(6));
    return { name: nameFor(pairNames, pair, `${aggregate.function}(${aggregate.label})`), value: percent, weight: percent };
  });
  return barChart(
    { id: 'aggregate-differences', title: 'Aggregate relative difference', yTitle: '% of the source value', series: 'relative difference %', colour: DIFFERENCE_COLOUR, integer: false, unit: '%', things: 'aggregates', emptyText: 'Every aggregate is equal on both sides.' },
    categories,
    limit,
  );
}

/**
 * A chart of the usual shape (a dozen long labels, so rotated as the real ones are, ticks, both
 * signs) with made-up values, drawn while the statements run only so that the renderer's code is
 * compiled before the real charts need it: text the sample does not have is code left cold.
 */
export function warmUpChart(): ReportChart {
  const names = ['orders', 'order_lines', 'customers', 'payments', 'invoices', 'shipments', 'returns', 'products', 'suppliers', 'accounts', 'ledger_entries', 'card_transactions'];
  const categories = names.map((name, i) => ({ name: `sum(${name}_amount)`, detail: `${count.format(1000 * (i + 1))} → ${count.format(990 * (i + 1))}`, value: (i % 2 === 0 ? -1 : 1) * 10 * (i + 1), weight: i }));
  return barChart(
    ROW_COUNTS_SPEC,
    categories,
    DEFAULT_CHART_CATEGORIES,
  );
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

/** Drawn, but every bar is zero: the comment says so in words. */
export function isAllZeroChart(chart: ReportChart): boolean {
  return chart.shown > 0 && chart.config.data.datasets.every((dataset) => dataset.data.every((value) => value === 0));
}
