import { describe, expect, test } from 'vitest';
import { aggregatesChart, mismatchesChart, nullsChart, reportCharts, rowCountsChart } from '../../src/report/chart-configs.js';
import { chartSvg } from '../../src/report/chart-svg.js';
import { mermaidChart } from '../../src/report/mermaid-charts.js';
import { fittedChartUrl, quickChartUrl } from '../../src/report/quickchart-urls.js';
import { demoResults, syntheticPair, syntheticResults } from './report-fixtures.js';

describe('chart configurations of the demo run', () => {
  const results = demoResults();

  test('row counts per pair, source against target', () => {
    const chart = rowCountsChart(results);
    expect(chart.config).toEqual({
      type: 'bar',
      data: {
        labels: ['fact_executive_summary', 'dim_institution'],
        datasets: [
          { label: 'source', data: [1800, 4], backgroundColor: '#4e79a7' },
          { label: 'target', data: [1799, 4], backgroundColor: '#f28e2b' },
        ],
      },
      options: {
        plugins: { title: { display: true, text: 'Row counts per pair' }, legend: { display: true } },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'rows' } } },
      },
    });
  });

  test('mismatches per column: only the columns that differ, without the pair name when one pair has them', () => {
    const { config } = mismatchesChart(results);
    expect(config.data.labels).toEqual(['a120_amount', 'charge_off_amount', 'fraud_count', 'purchases_amount']);
    expect(config.data.datasets.map((dataset) => dataset.data)).toEqual([[1, 1, 1, 1]]);
  });

  test('NULLs per column on both sides, for the columns holding any', () => {
    const { config } = nullsChart(results);
    expect(config.data.labels).toEqual(['purchases_amount']);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([['source', [0]], ['target', [1]]]);
  });

  test('aggregate comparison: relative difference in percent per column and function', () => {
    const { config, shown, total } = aggregatesChart(results);
    expect([shown, total]).toEqual([19, 19]);
    expect(config.data.labels.slice(0, 3)).toEqual(['sum(a120_amount)', 'min(a120_amount)', 'avg(a120_amount)']);
    expect(config.data.datasets[0]!.data.slice(0, 2)).toEqual([0.112086, 2377.63]);
  });

  test('configurations are pure data, the same on every call', () => {
    const charts = reportCharts(results);
    expect(JSON.parse(JSON.stringify(charts))).toEqual(charts);
    expect(reportCharts(results)).toEqual(charts);
  });

  test('Mermaid: an xychart-beta block per chart from zero, source and target as neighbouring bars', () => {
    expect(mermaidChart(rowCountsChart(results))).toBe(
      [
        '```mermaid',
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#4e79a7"}}}}%%',
        'xychart-beta horizontal',
        '    title "Row counts per pair"',
        '    x-axis ["fact_executive_summary · source", "fact_executive_summary · target", "dim_institution · source", "dim_institution · target"]',
        '    y-axis "rows" 0 --> 2000',
        '    bar [1800, 1799, 4, 4]',
        '```',
      ].join('\n'),
    );
    expect(mermaidChart(nullsChart(results))).toContain('x-axis ["purchases_amount · source", "purchases_amount · target"]\n    y-axis "NULL values" 0 --> 1\n    bar [0, 1]');
    const aggregates = mermaidChart(aggregatesChart(results));
    expect(aggregates.split('\n').slice(1, 3)).toEqual(['%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#e15759"}}}}%%', 'xychart-beta horizontal']);
    expect(aggregates).toContain('"count_distinct(charge_off_amoun…"');
    expect(aggregates).toContain('    y-axis "% of the source value" 0 --> 2500\n    bar [0.112086, 2377.63, ');
  });

  test('Mermaid keeps the side of a long label', () => {
    const pair = syntheticPair({ name: 'p', columns: ['a_column_with_a_name_far_too_long_for_a_chart'] });
    expect(mermaidChart(nullsChart(syntheticResults([pair])))).toContain('"a_column_with_a_name_f… · source", "a_column_with_a_name_f… · target"');
  });

  test('Mermaid labels cannot end the string, the block or inject HTML', () => {
    const pair = syntheticPair({ name: 'p', columns: ['a"b', 'c\n```\nd', '<img src=x>'] });
    const block = mermaidChart(mismatchesChart(syntheticResults([pair])));
    expect(block.split('\n')).toHaveLength(8);
    expect(block.split('\n').filter((line) => line.startsWith('```'))).toHaveLength(2);
    expect(block).toContain(`x-axis ["a'b", "c ''' d", "‹img src=x›"]`);
  });

  test('the SVG draws a bar per value and the labels, with its own title', () => {
    const svg = chartSvg(rowCountsChart(results).config);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="420"')).toBe(true);
    expect(svg.match(/<rect [^>]*fill="#4e79a7"><title>/g)).toHaveLength(2);
    expect(svg).toContain('>Row counts per pair</text>');
    expect(svg).toContain('>fact_executive_summary</text>');
    expect(chartSvg(mismatchesChart(syntheticResults([syntheticPair({ name: 'ok', status: 'PASS' })])).config, 'No column has mismatching values.')).toContain('>No column has mismatching values.</text>');
  });
});

describe('QuickChart links', () => {
  test('carry the configuration to the chosen host, asking for Chart.js 4', () => {
    const url = new URL(quickChartUrl(rowCountsChart(syntheticResults([syntheticPair({ name: 'orders' })])).config, 'http://localhost:3400'));
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:3400/chart');
    expect(url.searchParams.get('v')).toBe('4');
    expect(url.searchParams.get('c')).toContain("labels:['orders']");
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
    expect(chart.title).toBe(`Mismatching rows per column (top ${chart.shown} of 400)`);
    expect(Math.min(...chart.config.data.datasets[0]!.data)).toBe(12);
  });
});
