import { describe, expect, test } from 'vitest';
import { aggregatesChart, axisCut, mismatchesChart, nullsChart, reportCharts, rowCountsChart } from '../../src/report/chart-configs.js';
import { axisTicks, chartSvg } from '../../src/report/chart-svg.js';
import { checkDetails } from '../../src/report/check-details.js';
import { markdownSummary } from '../../src/report/markdown-summary.js';
import { mermaidChart } from '../../src/report/mermaid-charts.js';
import { fittedChartUrl, quickChartUrl } from '../../src/report/quickchart-urls.js';
import type { PairResult } from '../../src/results/results-model.js';
import { demoResults, syntheticPair, syntheticResults } from './report-fixtures.js';

function withMismatches(pair: PairResult, counts: Record<string, number>): PairResult {
  checkDetails(pair, 'value_mismatches')!.columns = Object.entries(counts).map(([label, mismatches]) => ({ label, mismatches }));
  return pair;
}

describe('chart configurations of the demo run', () => {
  const results = demoResults();

  test('row counts: the difference target − source of the pairs that differ, both counts in the label, whole-number ticks', () => {
    const chart = rowCountsChart(results);
    const note = '1 pair has the same row count on both sides (not drawn).';
    expect(chart.config).toEqual({
      type: 'bar',
      data: {
        labels: ['fact_executive_summary (1,800 → 1,799)'],
        datasets: [{ label: 'target − source', data: [-1], backgroundColor: '#e15759' }],
      },
      options: {
        plugins: { title: { display: true, text: 'Row counts per pair' }, subtitle: { display: true, text: note }, legend: { display: false } },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'rows, target − source' }, ticks: { precision: 0 } } },
      },
    });
    expect(chart.categories).toEqual([{ name: 'fact_executive_summary', detail: '1,800 → 1,799' }]);
    expect([chart.integer, chart.cut, chart.notes]).toEqual([true, undefined, [note]]);
    expect(axisTicks(chart)).toEqual([-1, 0]);
  });

  test('mismatches per column: only the columns that differ, largest first, without the pair name when one pair has them', () => {
    const chart = mismatchesChart(results);
    expect(chart.config.data.labels).toEqual(['a120_amount', 'charge_off_amount', 'fraud_count', 'purchases_amount']);
    expect(chart.config.data.datasets.map((dataset) => dataset.data)).toEqual([[1, 1, 1, 1]]);
    expect(chart.config.options.scales.y.ticks).toEqual({ precision: 0 });
    expect(axisTicks(chart)).toEqual([0, 1]);
  });

  test('NULLs per column: the columns whose NULL counts differ, as target − source with both counts', () => {
    const { config, categories } = nullsChart(results);
    expect(config.data.labels).toEqual(['purchases_amount (0 → 1)']);
    expect(categories).toEqual([{ name: 'purchases_amount', detail: '0 → 1' }]);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([['target − source', [1]]]);
  });

  test('aggregates: the 2,377 % bar does not flatten the others: the axis is cut at 0.4 %, and says so', () => {
    const chart = aggregatesChart(results);
    expect([chart.shown, chart.total]).toEqual([19, 19]);
    expect(chart.cut).toEqual({ at: 0.4, beyond: ['min(a120_amount)'] });
    expect(chart.config.options.scales.y).toEqual({ beginAtZero: true, max: 0.4, title: { display: true, text: '% of the source value' }, ticks: {} });
    expect(chart.config.data.labels.slice(0, 3)).toEqual(['min(a120_amount) (2,377.63 % ▲)', 'sum(purchases_amount)', 'count_distinct(purchases_amount)']);
    expect(chart.config.data.datasets[0]!.data.slice(0, 3)).toEqual([2377.63, 0.23042, 0.222222]);
    expect(chart.notes).toEqual(['The axis is cut at 0.4 % so that the other bars can be read; min(a120_amount) goes beyond it (▲, value in the label).']);
    expect(chart.config.options.plugins.subtitle).toEqual({ display: true, text: chart.notes[0] });
    expect(axisTicks(chart)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });

  test('configurations are pure data, the same on every call', () => {
    const charts = reportCharts(results);
    expect(JSON.parse(JSON.stringify(charts))).toEqual(charts);
    expect(reportCharts(results)).toEqual(charts);
  });

  test('Mermaid: an xychart-beta block per chart from zero; a difference is drawn as its size with both counts in the label', () => {
    expect(mermaidChart(rowCountsChart(results))).toBe(
      [
        '```mermaid',
        '%%{init: {"xyChart": {"width": 900, "height": 360}, "themeVariables": {"xyChart": {"plotColorPalette": "#e15759"}}}}%%',
        'xychart-beta',
        '    title "Row counts per pair"',
        '    x-axis ["fact_executive_summary (1,800 → 1,799)"]',
        '    y-axis "rows, target − source, drawn as a size" 0 --> 10',
        '    bar [1]',
        '```',
      ].join('\n'),
    );
    expect(mermaidChart(nullsChart(results))).toContain('x-axis ["purchases_amount (0 → 1)"]\n    y-axis "NULLs, target − source" 0 --> 10\n    bar [1]');
  });

  test('Mermaid: counts get an axis of at least 10, so d3 draws whole-number ticks; larger ones end on a round number', () => {
    expect(mermaidChart(mismatchesChart(results))).toContain('    y-axis "rows" 0 --> 10\n    bar [1, 1, 1, 1]');
    const pair = withMismatches(syntheticPair({ name: 'p', columns: ['a', 'b'] }), { a: 1234, b: 700 });
    expect(mermaidChart(mismatchesChart(syntheticResults([pair])))).toContain('    y-axis "rows" 0 --> 1500\n    bar [1234, 700]');
  });

  test('Mermaid: a cut axis ends at the cut, the bar beyond stops there and its label carries its value', () => {
    const block = mermaidChart(aggregatesChart(results)).split('\n');
    expect(block.slice(1, 4)).toEqual(['%%{init: {"xyChart": {"width": 900, "height": 604}, "themeVariables": {"xyChart": {"plotColorPalette": "#e15759"}}}}%%', 'xychart-beta horizontal', '    title "Aggregate relative difference"']);
    expect(block[4]).toMatch(/^ {4}x-axis \["min\(a120_amount\) \(2,377\.63 % ▲\)", "sum\(purchases_amount\)", /);
    expect(block[5]).toBe('    y-axis "% of the source value, axis cut at 0.4" 0 --> 0.4');
    expect(block[6]).toMatch(/^ {4}bar \[0\.4, 0\.23042, 0\.222222, /);
  });

  test('Mermaid keeps the counts of a long label and cuts the name', () => {
    const pair = syntheticPair({ name: 'p', columns: ['a_column_with_a_name_far_too_long_for_a_chart'] });
    expect(mermaidChart(nullsChart(syntheticResults([pair])))).toContain('x-axis ["a_column_with_a_name_far_too_long_… (0 → 12)"]');
  });

  test('Mermaid labels cannot end the string, the block or inject HTML', () => {
    const pair = syntheticPair({ name: 'p', columns: ['a"b', 'c\n```\nd', '<img src=x>'] });
    const block = mermaidChart(mismatchesChart(syntheticResults([pair])));
    expect(block.split('\n')).toHaveLength(8);
    expect(block.split('\n').filter((line) => line.startsWith('```'))).toHaveLength(2);
    expect(block).toContain(`x-axis ["a'b", "c ''' d", "‹img src=x›"]`);
  });

  test('the SVG draws a bar per value, its exact value by it, and the labels, with its own title', () => {
    const svg = chartSvg(rowCountsChart(results));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="420"')).toBe(true);
    expect(svg.match(/<rect [^>]*fill="#e15759"><title>/g)).toHaveLength(1);
    expect(svg).toContain('<title>fact_executive_summary: −1</title>');
    expect(svg).toContain('>Row counts per pair</text>');
    expect(svg).toContain('>fact_executive_summary (1,800 → 1,799)</text>');
    expect([...svg.matchAll(/class="bar-value"[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual(['−1']);
    expect(svg).toContain('>1 pair has the same row count on both sides (not drawn).</text>');
    expect(chartSvg(mismatchesChart(syntheticResults([syntheticPair({ name: 'ok', status: 'PASS' })])))).toContain('>No column has mismatching values.</text>');
  });

  test('the SVG of a count chart has whole-number ticks only', () => {
    const chart = mismatchesChart(syntheticResults([withMismatches(syntheticPair({ name: 'p', columns: ['a', 'b', 'c'] }), { a: 7, b: 3, c: 1 })]));
    expect(axisTicks(chart)).toEqual([0, 2, 4, 6, 8]);
    const tickTexts = [...chartSvg(chart).matchAll(/text-anchor="end" fill="#555555">([^<]*)</g)].map((match) => match[1]);
    expect(tickTexts).toEqual(['0', '2', '4', '6', '8']);
  });

  test('the SVG of a cut axis: the bar beyond fills the plot, with a break mark, and the notes are printed under the title', () => {
    const svg = chartSvg(aggregatesChart(results));
    expect(svg.match(/class="axis-break"/g)).toHaveLength(1);
    expect(svg).toContain('>The axis is cut at 0.4 % so that the other bars can be read; min(a120_amount) goes beyond it (▲, value in the label).</text>');
    expect(svg).toContain('>min(a120_amount) (2,377.63 % ▲)</text>');
    const heights = [...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)" fill="#e15759">/g)].map((match) => Number(match[1]));
    expect(heights).toHaveLength(19);
    const plot = Math.max(...heights);
    expect(heights[0]).toBe(plot);
    expect(heights[1]! / plot).toBeCloseTo(0.23042 / 0.4, 2);
  });
});

describe('a chart whose values differ by orders of magnitude', () => {
  test.each([
    [[2377.63, 0.23, 0.2], false, 0.4],
    [[100, 9], true, undefined],
    [[1000, 900, 1, 1, 1, 1], true, 10],
    [[50_000, 48, 40, 3], true, 80],
    [[5, 4], true, undefined],
    [[7], true, undefined],
    [[-400, 3, 2], true, 10],
  ])('%j (counts: %s): cut at %s', (values, integer, cut) => {
    expect(axisCut(values, integer)).toBe(cut);
  });

  test('a dwarfing count: cut at a whole number, with the value in the bar’s label', () => {
    const chart = mismatchesChart(syntheticResults([withMismatches(syntheticPair({ name: 'p', columns: ['a', 'b', 'c'] }), { a: 50_000, b: 48, c: 40 })]));
    expect(chart.cut).toEqual({ at: 80, beyond: ['a'] });
    expect(chart.config.data.labels).toEqual(['a (50,000 ▲)', 'b', 'c']);
    expect(chart.notes).toEqual(['The axis is cut at 80 rows so that the other bars can be read; a goes beyond it (▲, value in the label).']);
    expect(mermaidChart(chart)).toContain('    y-axis "rows, axis cut at 80" 0 --> 80\n    bar [80, 48, 40]');
    expect(axisTicks(chart)).toEqual([0, 20, 40, 60, 80]);
  });
});

describe('the top differing items, and how many more', () => {
  const columns = Object.fromEntries(Array.from({ length: 40 }, (_, c) => [`column_${c}`, c + 1]));
  const results = syntheticResults([withMismatches(syntheticPair({ name: 'wide', columns: Object.keys(columns) }), columns)]);

  test('at most the limit, largest first, "and N more" in the title and the notes', () => {
    const chart = mismatchesChart(results, 25);
    expect([chart.shown, chart.total]).toEqual([25, 40]);
    expect(chart.title).toBe('Mismatching rows per column (top 25, and 15 more)');
    expect(chart.config.options.plugins.title.text).toBe(chart.title);
    expect(chart.config.data.labels.slice(0, 3)).toEqual(['column_39', 'column_38', 'column_37']);
    expect(chart.config.data.labels.at(-1)).toBe('column_15');
    expect(chart.notes).toEqual(['Only the 25 largest of 40 columns are drawn; 15 more are in report.xlsx.']);
  });

  test('the comment prints the notes under the chart', () => {
    const markdown = markdownSummary(results, { maxLength: 1_000_000 });
    expect(markdown).toContain('title "Mismatching rows per column (top 25, and 15 more)"');
    expect(markdown).toContain('*Only the 25 largest of 40 columns are drawn; 15 more are in report.xlsx.*');
  });

  test('a run whose pairs all have equal row counts says so instead of drawing zero-height bars', () => {
    const passing = syntheticResults([syntheticPair({ name: 'a', status: 'PASS' }), syntheticPair({ name: 'b', status: 'PASS' })]);
    const markdown = markdownSummary(passing);
    expect(markdown).toContain('*Row counts: every pair has the same number of rows on both sides.*');
    expect(markdown).not.toContain('title "Row counts per pair"');
    expect(chartSvg(rowCountsChart(passing))).toContain('>a (1,000 → 1,000)</text>');
    expect(rowCountsChart(passing).config.data.datasets[0]!.data).toEqual([0, 0]);
  });
});

describe('QuickChart links', () => {
  test('carry the configuration to the chosen host, asking for Chart.js 4', () => {
    const url = new URL(quickChartUrl(rowCountsChart(syntheticResults([syntheticPair({ name: 'orders' })])).config, 'http://localhost:3400'));
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:3400/chart');
    expect(url.searchParams.get('v')).toBe('4');
    expect(url.searchParams.get('c')).toContain("labels:['orders (1,000 → 988)']");
    expect(url.searchParams.get('c')).toContain('ticks:{precision:0}');
  });

  test('a self-hosted QuickChart under a path keeps its path', () => {
    expect(quickChartUrl(rowCountsChart(syntheticResults([syntheticPair({ name: 'orders' })])).config, 'https://tools.example.com/quickchart/')).toMatch(/^https:\/\/tools\.example\.com\/quickchart\/chart\?c=/);
  });

  test('too many columns for one link: the largest differences are kept and the title says so', () => {
    const wide = syntheticResults(Array.from({ length: 40 }, (_, i) => syntheticPair({ name: `pair_with_a_rather_long_name_${i}`, columns: Array.from({ length: 10 }, (_, c) => `column_with_a_long_name_${c}`) })));
    const { chart, url } = fittedChartUrl(wide, 'mismatches-by-column', { maxLength: 1500 });
    expect(url!.length).toBeLessThanOrEqual(1500);
    expect(chart.total).toBe(400);
    expect(chart.shown).toBeLessThan(25);
    expect(chart.title).toBe(`Mismatching rows per column (top ${chart.shown}, and ${400 - chart.shown} more)`);
    expect(Math.min(...chart.config.data.datasets[0]!.data)).toBe(12);
  });
});
