import quickChartModule from 'quickchart-js';
import type { RunResults } from '../results/results-model.js';
import { type BarChartConfig, CHART_BUILDERS, type ChartId, DEFAULT_CHART_CATEGORIES, type ReportChart } from './chart-configs.js';

// The package's types describe its CommonJS build as a namespace; every build's default export is the class.
const QuickChart = quickChartModule as unknown as typeof quickChartModule.default;
type QuickChart = InstanceType<typeof QuickChart>;

export const DEFAULT_QUICKCHART_HOST = 'https://quickchart.io';

/**
 * GitHub's image proxy and some browsers give up on very long image URLs, and the chart data
 * is all in the URL: stay well below the ~8 kB where that starts.
 */
export const MAX_CHART_URL_LENGTH = 8000;

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 420;

/** `quickchart.example.com`, `http://localhost:3400` or `https://example.com/quickchart`. */
export function quickChartFor(config: BarChartConfig, host = DEFAULT_QUICKCHART_HOST): QuickChart {
  const base = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`);
  return new QuickChart()
    .setConfig(config)
    .setScheme(base.protocol.replace(/:$/, ''))
    .setHost(`${base.host}${base.pathname.replace(/\/+$/, '')}`)
    .setWidth(CHART_WIDTH)
    .setHeight(CHART_HEIGHT)
    .setBackgroundColor('white')
    // Our configurations are Chart.js 4; QuickChart draws Chart.js 2 unless told otherwise.
    .setVersion('4');
}

export function quickChartUrl(config: BarChartConfig, host?: string): string {
  return quickChartFor(config, host).getUrl();
}

export interface FittedChartUrl {
  chart: ReportChart;
  /** Null when not even one category fits (absurdly long labels). */
  url: string | null;
}

/** The chart's URL with as many categories as fit the length limit, the biggest differences first. */
export function fittedChartUrl(results: RunResults, id: ChartId, options: { host?: string; maxLength?: number; categories?: number } = {}): FittedChartUrl {
  const maxLength = options.maxLength ?? MAX_CHART_URL_LENGTH;
  let limit = options.categories ?? DEFAULT_CHART_CATEGORIES;
  for (;;) {
    const chart = CHART_BUILDERS[id](results, limit);
    const url = quickChartUrl(chart.config, options.host);
    if (url.length <= maxLength) return { chart, url };
    if (limit <= 1 || chart.shown <= 1) return { chart, url: null };
    limit = Math.min(chart.shown - 1, Math.max(1, Math.floor(limit * Math.min(0.9, maxLength / url.length))));
  }
}
