import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ChartId, isEmptyChart, type ReportChart } from './chart-configs.js';
import { chartSvg } from './chart-svg.js';
import { DEFAULT_QUICKCHART_HOST, quickChartFor } from './quickchart-urls.js';
import { PNG_SIGNATURE } from './png-encoding.js';
import { svgToPng } from './svg-to-png.js';

/** Long enough for a QuickChart on the same continent, short enough that an offline run does not stall. */
export const DEFAULT_CHART_FETCH_TIMEOUT_MS = 3000;

export interface ChartImageOptions {
  /** Fetch the PNGs from QuickChart; otherwise (and when it cannot be reached) draw them here. */
  fetchFromQuickChart: boolean;
  quickchartHost?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ChartImage {
  id: ChartId;
  title: string;
  svgFile: string;
  pngFile?: string;
  png?: Uint8Array;
  pngSource?: 'quickchart' | 'local';
}

export interface ChartImages {
  images: ChartImage[];
  /** What a reader should know: a host that could not be reached, a PNG that could not be drawn. */
  notes: string[];
}

async function fetchPng(chart: ReportChart, options: ChartImageOptions): Promise<Uint8Array> {
  const quickChart = quickChartFor(chart.config, options.quickchartHost);
  // POST, not the image URL: a file has no URL-length limit, so it can carry every category.
  const endpoint = new URL(quickChart.getUrl());
  endpoint.search = '';
  const response = await (options.fetch ?? fetch)(endpoint.href, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(quickChart.getPostData()),
    signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_CHART_FETCH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const png = new Uint8Array(await response.arrayBuffer());
  if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error(`the answer is not a PNG (${response.headers.get('content-type') ?? 'no content type'})`);
  return png;
}

function reason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

/** charts/<id>.svg always, and charts/<id>.png whenever it can be had. */
export async function writeChartImages(charts: ReportChart[], outDir: string, options: ChartImageOptions): Promise<ChartImages> {
  const drawable = charts.filter((chart) => !isEmptyChart(chart));
  const notes: string[] = [];
  if (drawable.length === 0) return { images: [], notes };
  const chartDir = path.join(outDir, 'charts');
  mkdirSync(chartDir, { recursive: true });

  const fetched = options.fetchFromQuickChart
    ? await Promise.all(drawable.map((chart) => fetchPng(chart, options).then((png) => ({ png }), (error: unknown) => ({ error: reason(error) }))))
    : [];
  const failures = fetched.flatMap((result) => ('error' in result ? [result.error] : []));
  if (failures.length > 0) {
    const host = options.quickchartHost ?? DEFAULT_QUICKCHART_HOST;
    notes.push(`${failures.length} of ${drawable.length} chart images could not be fetched from QuickChart at ${host} (${[...new Set(failures)].join('; ')}); they were drawn locally instead.`);
  }

  const images: ChartImage[] = [];
  for (const [i, chart] of drawable.entries()) {
    const svg = chartSvg(chart);
    const image: ChartImage = { id: chart.id, title: chart.title, svgFile: path.join(chartDir, `${chart.id}.svg`) };
    writeFileSync(image.svgFile, svg);
    const remote = fetched[i];
    if (remote && 'png' in remote) {
      image.png = remote.png;
      image.pngSource = 'quickchart';
    } else {
      try {
        image.png = await svgToPng(svg);
        image.pngSource = 'local';
      } catch (error) {
        notes.push(`charts/${chart.id}.png could not be drawn (${reason(error)}); charts/${chart.id}.svg has the chart.`);
      }
    }
    if (image.png) {
      image.pngFile = path.join(chartDir, `${chart.id}.png`);
      writeFileSync(image.pngFile, image.png);
    }
    images.push(image);
  }
  return { images, notes };
}
