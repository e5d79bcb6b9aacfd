import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportCharts } from '../../src/report/chart-configs.js';
import { writeChartImages } from '../../src/report/chart-images.js';
import { writeReports } from '../../src/report/write-reports.js';
import type { RunResults } from '../../src/results/results-model.js';
import { tempDir } from '../support/cli.js';
import { syntheticPair, syntheticResults } from './report-fixtures.js';

/** A 1×1 PNG: what our stand-in QuickChart answers. */
const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');

interface RecordedRequest {
  method?: string;
  url?: string;
  contentType?: string;
  body: Record<string, unknown>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

const results: RunResults = syntheticResults([syntheticPair({ name: 'orders' }), syntheticPair({ name: 'customers', status: 'PASS' })]);
const PNG_START = '\u0089PNG';

describe('chart images from a (local stand-in for) QuickChart', () => {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    requests.push({ method: request.method, url: request.url, contentType: request.headers['content-type'], body: JSON.parse(await readBody(request)) as Record<string, unknown> });
    response.writeHead(200, { 'content-type': 'image/png' }).end(TINY_PNG);
  });
  let host: string;
  beforeAll(async () => {
    host = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('POSTs each chart configuration to <host>/chart and saves the PNG it answers', async () => {
    const out = tempDir('quickchart');
    const { images, notes } = await writeChartImages(reportCharts(results), out, { fetchFromQuickChart: true, quickchartHost: host });
    expect(notes).toEqual([]);
    expect(images.map((image) => [image.id, image.pngSource])).toEqual([
      ['row-counts', 'quickchart'],
      ['mismatches-by-column', 'quickchart'],
      ['nulls-by-column', 'quickchart'],
      ['aggregate-differences', 'quickchart'],
    ]);
    expect(readFileSync(path.join(out, 'charts', 'row-counts.png'))).toEqual(TINY_PNG);
    expect(readFileSync(path.join(out, 'charts', 'row-counts.svg'), 'utf8')).toMatch(/^<svg /);
    expect(requests).toHaveLength(4);
    const rowCounts = requests.find((request) => String(request.body.chart).includes('Row counts per pair'))!;
    expect(rowCounts).toMatchObject({ method: 'POST', url: '/chart', contentType: 'application/json', body: { width: 800, height: 420, format: 'png', version: '4', backgroundColor: 'white' } });
    expect(rowCounts.body.chart).toContain("labels:['orders (1,000 → 988)']");
  });

  test('writeReports in quickchart mode uses the host for the files, and links it in summary.md', async () => {
    requests.length = 0;
    const out = tempDir('quickchart-reports');
    const written = await writeReports(results, out, { charts: 'quickchart', quickchartHost: host });
    expect(requests).toHaveLength(4);
    expect(written.notes).toEqual([]);
    expect(readFileSync(written.summaryMarkdown, 'utf8')).toContain(`![Row counts per pair](${host}/chart?c=`);
  });

  test('mermaid mode never contacts QuickChart: the PNGs are drawn here', async () => {
    requests.length = 0;
    const out = tempDir('mermaid-reports');
    const written = await writeReports(results, out, { quickchartHost: host });
    expect(requests).toHaveLength(0);
    expect(readFileSync(path.join(out, 'charts', 'row-counts.png')).subarray(0, 4).toString('latin1')).toBe(PNG_START);
    expect(readFileSync(written.summaryMarkdown, 'utf8')).toContain('```mermaid');
  });
});

describe('offline: QuickChart out of reach', () => {
  test('an unreachable host: local SVG and PNG for every chart, quickly, with a note in every report', async () => {
    const closed = createServer();
    const host = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const out = tempDir('offline');
    const started = Date.now();
    const written = await writeReports(results, out, { charts: 'quickchart', quickchartHost: host });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readdirSync(path.join(out, 'charts')).sort()).toEqual(['aggregate-differences.png', 'aggregate-differences.svg', 'mismatches-by-column.png', 'mismatches-by-column.svg', 'nulls-by-column.png', 'nulls-by-column.svg', 'row-counts.png', 'row-counts.svg']);
    for (const file of written.charts.filter((chart) => chart.endsWith('.png'))) expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe(PNG_START);
    expect(written.notes).toEqual([expect.stringMatching(new RegExp(`^4 of 4 chart images could not be fetched from QuickChart at ${host} \\(.*\\); they were drawn locally instead\\.$`))]);
    expect(readFileSync(written.summaryMarkdown, 'utf8')).toContain('4 of 4 chart images could not be fetched from QuickChart');
    expect(existsSync(written.workbook)).toBe(true);
  });

  test('a host that never answers is given up on after the timeout', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer(() => {});
    silent.on('connection', (socket) => sockets.add(socket));
    const host = await listen(silent);
    try {
      const started = Date.now();
      const { images, notes } = await writeChartImages(reportCharts(results), tempDir('silent'), { fetchFromQuickChart: true, quickchartHost: host, timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(images.every((image) => image.pngSource === 'local')).toBe(true);
      expect(notes[0]).toContain('(no answer in time)');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('an answer that is not a PNG is not saved as one', async () => {
    const wrong = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>captive portal</html>'));
    const host = await listen(wrong);
    try {
      const { images, notes } = await writeChartImages(reportCharts(results), tempDir('wrong'), { fetchFromQuickChart: true, quickchartHost: host });
      expect(images.every((image) => image.pngSource === 'local')).toBe(true);
      expect(notes[0]).toContain('the answer is not a PNG (text/html)');
    } finally {
      await new Promise<void>((resolve) => wrong.close(() => resolve()));
    }
  });

  test('charts none: no chart files, no Charts sheet, no charts in summary.md', async () => {
    const out = tempDir('no-charts');
    const written = await writeReports(results, out, { charts: 'none' });
    expect(written.charts).toEqual([]);
    expect(existsSync(path.join(out, 'charts'))).toBe(false);
    expect(readFileSync(written.summaryMarkdown, 'utf8')).not.toContain('### Charts');
  });
});
