/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they see the DOM.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, commentPage, findChromium, MERMAID_SCRIPT } from '../support/github-comment-page.js';
import { REPO_ROOT, runCli, tempDir } from '../support/cli.js';
import { decodeEntities, markdownTables } from '../report/report-fixtures.js';

/**
 * The shipped demo's comment (summary.md), rendered in a real Chromium as GitHub would render it,
 * then screenshotted. Needs Debian's Chromium: `scripts/browser/install.sh` (CI runs it first).
 * `RECON_GATE_UPDATE_SCREENSHOT=1` also copies the screenshot over the README's picture.
 */
const executablePath = findChromium();
const SKIP_REASON = 'Chromium is not installed: run scripts/browser/install.sh (Debian’s chromium package), or set RECON_GATE_CHROMIUM to a Chromium';
if (!executablePath) console.warn(`tests/browser skipped: ${SKIP_REASON}.`);

const README_SCREENSHOT = path.join(REPO_ROOT, 'docs/images/summary-comment.png');

if (!executablePath) test.skip(`the demo comment renders in Chromium (skipped: ${SKIP_REASON})`, () => {});

describe.skipIf(!executablePath)('the demo comment in a real browser', () => {
  let browser: Browser;
  let page: Page;
  let markdown: string;
  const requests: string[] = [];
  const errors: string[] = [];
  let screenshot: string;

  beforeAll(async () => {
    const out = tempDir('browser-demo');
    // `npm run demo`, into a folder of its own.
    const run = runCli(['run', '--config', 'recon-configs', '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(1);
    markdown = readFileSync(path.join(out, 'summary.md'), 'utf8');
    screenshot = path.join(out, 'summary-comment.png');

    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const context = await browser.newContext({ viewport: { width: 900, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
    // Nothing may come from the network: the comment, its styles and Mermaid are all in the page.
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    await page.setContent(commentPage(markdown), { waitUntil: 'load' });
    await page.addScriptTag({ path: MERMAID_SCRIPT });
    const failure = await page.evaluate(async () => {
      const mermaid = (window as unknown as { mermaid: { initialize(config: object): void; run(options: object): Promise<void> } }).mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
      try {
        await mermaid.run({ querySelector: 'pre.mermaid' });
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    });
    if (failure) errors.push(`mermaid: ${failure}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('GitHub keeps <details> closed: the pair’s section shows only its summary line until opened', async () => {
    const details = page.locator('details');
    expect(await details.count()).toBe(markdown.match(/<details>/g)!.length);
    await expect.poll(() => details.first().locator(':scope > summary').textContent(), { timeout: 15_000 }).toBe('❌ fact_executive_summary: 3 root causes');
    expect(await details.first().locator('table').first().isVisible()).toBe(false);
    await page.evaluate(() => document.querySelectorAll('details').forEach((section) => (section.open = true)));
    expect(await details.first().locator('table').first().isVisible()).toBe(true);
  });

  test('every markdown table is a table, with its header and every row whole', async () => {
    const expected = markdownTables(markdown).map((table) => table.map((row) => row.map((cell) => decodeEntities(cell).replace(/<br>/g, '\n').replace(/\*/g, ''))));
    const rendered = await page.$$eval('table', (tables) => tables.map((table) => Array.from(table.rows, (row) => Array.from(row.cells, (cell) => (cell.textContent ?? '').trim()))));
    expect(rendered).toHaveLength(expected.length);
    expect(rendered.map((table) => table[0])).toEqual(expected.map((table) => table[0]));
    for (const [i, table] of rendered.entries()) {
      expect(table, `table ${i}`).toHaveLength(expected[i]!.length);
      for (const row of table) expect(row, `table ${i}`).toHaveLength(table[0]!.length);
    }
    expect(rendered[0]!.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['fact_executive_summary', '❌ FAIL', '1,800 / 1,799', '4', '3 / 2'],
      ['dim_institution', '✅ PASS', '4 / 4', '0', '0 / 0'],
    ]);
  });

  test('Mermaid drew every chart as an SVG: one bar per value, the labels with both counts', async () => {
    const blocks = [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
    expect(blocks).toHaveLength(4);
    const charts = await page.$$eval('pre.mermaid', (elements) =>
      elements.map((element) => ({
        svg: element.querySelector('svg') !== null,
        bars: element.querySelectorAll('svg g[class*="bar-plot"] rect').length,
        text: element.querySelector('svg')?.textContent ?? '',
        height: element.querySelector('svg')?.getBoundingClientRect().height ?? 0,
      })),
    );
    expect(charts.map((chart) => chart.svg)).toEqual([true, true, true, true]);
    expect(charts.map((chart) => chart.bars)).toEqual(blocks.map((block) => /^ {4}bar \[(.*)\]$/m.exec(block)![1]!.split(',').length));
    for (const chart of charts) expect(chart.height).toBeGreaterThan(100);
    expect(charts[0]!.text).toContain('fact_executive_summary (1,800 → 1,799)');
    expect(charts[3]!.text).toContain('min(a120_amount) (2,377.63 % ▲)');
  });

  test('no error anywhere: no Mermaid syntax error, no script error, no raw markdown, no request to the network', async () => {
    const text = await page.locator('article').innerText();
    expect(text).not.toMatch(/Syntax error|Parse error|Error:/i);
    expect(text).not.toContain('```');
    expect(text).not.toMatch(/^\|/m);
    expect(text).not.toContain('&#');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('a full-page screenshot of the opened comment', async () => {
    await page.evaluate(() => document.querySelectorAll('details').forEach((section) => (section.open = true)));
    const article = page.locator('article');
    await article.screenshot({ path: screenshot });
    const png = readFileSync(screenshot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(900);
    expect(height).toBeGreaterThan(1500);
    console.info(`screenshot of the demo comment: ${screenshot} (${width}×${height})`);
    if (process.env.RECON_GATE_UPDATE_SCREENSHOT === '1') copyFileSync(screenshot, README_SCREENSHOT);
  });
});
