import type { PairResult, RunResults, Status } from '../results/results-model.js';
import { baselineMarkdown, newMarkText } from './baseline-markdown.js';
import { checkDetails } from './check-details.js';
import { gateChangesMarkdown } from './gate-changes-markdown.js';
import { onlyChangedMarkdown } from './only-changed-markdown.js';
import { reportVolumeMarkdown } from './report-volume-markdown.js';
import { CHART_BUILDERS, type ChartId, type ChartsMode, isEmptyChart } from './chart-configs.js';
import { bySeverity, countText, durationText, measuredText, thresholdText, timestampText, worstCheck } from './check-wording.js';
import { commentMarker, markdownText, markdownUrl, markdownValue } from './markdown-escaping.js';
import { mermaidChart } from './mermaid-charts.js';
import { mismatchHints } from './mismatch-hints.js';
import { fittedChartUrl } from './quickchart-urls.js';

/** GitHub rejects a comment over 65,536 characters; leave room for what the action adds. */
export const DEFAULT_MARKDOWN_BUDGET = 60_000;

export interface MarkdownSummaryOptions {
  charts?: ChartsMode;
  quickchartHost?: string;
  /** Characters (UTF-16 code units, which never undercount GitHub's characters). */
  maxLength?: number;
  artifactUrl?: string;
  runUrl?: string;
  /** Written as `<!-- recon-gate:<id> -->` on the first line, for the sticky comment. */
  markerId?: string;
  /** Sample rows per kind (mismatching cells, rows only in source, only in target) and pair. */
  samples?: number;
  /** Said under the charts, e.g. that an image could not be fetched. */
  chartNotes?: string[];
}

export const STATUS_EMOJI: Record<Status, string> = { PASS: '✅', WARN: '⚠️', FAIL: '❌', ERROR: '⛔' };

const CHART_ORDER: ChartId[] = ['row-counts', 'mismatches-by-column', 'nulls-by-column', 'aggregate-differences'];
const TOP_COLUMNS = 5;
const VALUE_COLUMNS_IN_ROW_SAMPLES = 4;
const MAX_HINTS = 12;

/** What one rendering includes; the summary steps down through these until it fits. */
interface Detail {
  samples: number;
  /** Non-passing pairs that get a `<details>` section, worst first. */
  detailedPairs: number;
  /** Which pairs the table lists. */
  listed: 'all' | 'not-passing' | 'failing';
  /** Rows of the table, after the filter above. */
  tableRows: number;
  charts: boolean;
}


function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const MAX_CONFIG_ERRORS = 20;

/** Invalid configs stop the run before any pair: say what to fix, at which file and line. */
function configErrorLines(results: RunResults): string[] {
  const errors = results.configErrors ?? [];
  if (errors.length === 0) return [];
  const lines = errors.slice(0, MAX_CONFIG_ERRORS).map((error) =>
    `- ${markdownText(`${error.file}:${error.line}:${error.column}`, 200)}${error.path ? ` ${markdownText(error.path, 120)}` : ''}: ${markdownText(error.message, 300)}${error.hint ? `. ${markdownText(error.hint, 300)}` : ''}`,
  );
  if (errors.length > MAX_CONFIG_ERRORS) lines.push(`- … and ${errors.length - MAX_CONFIG_ERRORS} more in results.json.`);
  return ['', `**${errors.length} config error${errors.length === 1 ? '' : 's'}: nothing was run.**`, '', ...lines];
}

function verdictLines(results: RunResults): string[] {
  const { byStatus } = results.summary;
  const counts = (['PASS', 'WARN', 'FAIL', 'ERROR'] as const)
    .filter((status) => byStatus[status] > 0)
    .map((status) => `${byStatus[status]} ${STATUS_EMOJI[status]} ${{ PASS: 'passed', WARN: 'warned', FAIL: 'failed', ERROR: 'could not run' }[status]}`);
  const pairs = `${results.summary.pairs} pair${results.summary.pairs === 1 ? '' : 's'}`;
  return [
    `## ${STATUS_EMOJI[results.status]} Recon Gate: ${results.status}`,
    '',
    `**${pairs}: ${counts.join(', ') || 'none run'}** · ${countText(results.summary.differingRows)} differing rows · ${markdownText(results.run.engine, 40)} · ${durationText(results.run.durationMs)} · ${timestampText(results.run.startedAt)}`,
    ...(results.run.interrupted ? ['', `> **Interrupted:** ${markdownText(results.run.interrupted, 300)}. Pairs not reached are listed as errors.`] : []),
    ...gateChangesMarkdown(results).headline,
    ...onlyChangedMarkdown(results).headline,
    ...baselineMarkdown(results).headline,
    ...configErrorLines(results),
  ];
}

function pairRow(results: RunResults, pair: PairResult): string[] {
  const mismatches = checkDetails(pair, 'value_mismatches');
  const missing = checkDetails(pair, 'missing_rows');
  const extra = checkDetails(pair, 'extra_rows');
  const worst = worstCheck(pair);
  let worstText = '–';
  if (pair.error) worstText = `error: ${markdownText(pair.error.message, 100)}`;
  else if (worst && worst.status !== 'PASS') worstText = `${STATUS_EMOJI[worst.status]} ${worst.check}: ${markdownText(worst.message, 100)}`;
  return [
    markdownText(pair.name, 80),
    `${STATUS_EMOJI[pair.status]} ${pair.status}${newMarkText(results, pair.name)}`,
    `${countText(pair.source.rows)} / ${countText(pair.target.rows)}`,
    mismatches ? countText(mismatches.mismatchedRows) : '–',
    `${missing ? countText(missing.rows) : '–'} / ${extra ? countText(extra.rows) : '–'}`,
    worstText,
  ];
}

function keyHeader(pair: PairResult): string[] {
  return pair.keys.map((key) => markdownText(key, 40));
}

function sampleLines(pair: PairResult, samples: number): string[] {
  const lines: string[] = [];
  const { mismatches, onlyInSource, onlyInTarget, duplicateKeys } = pair.samples;
  if (mismatches.length > 0) {
    lines.push('', `**Sample mismatching cells** (${Math.min(samples, mismatches.length)} of ${mismatches.length} sampled)`, '');
    lines.push(table([...keyHeader(pair), 'column', 'source', 'target', 'why'], mismatches.slice(0, samples).map((sample) => [...sample.key.map((part) => markdownValue(part, 40)), markdownText(sample.column, 40), markdownValue(sample.source), markdownValue(sample.target), sample.class ? sample.class.replace(/_/g, ' ') : ''])));
  }
  for (const [title, rows] of [['Only in source', onlyInSource], ['Only in target', onlyInTarget]] as const) {
    if (rows.length === 0) continue;
    const valueColumns = Object.keys(rows[0]?.values ?? {}).slice(0, VALUE_COLUMNS_IN_ROW_SAMPLES);
    lines.push('', `**${title}** (${Math.min(samples, rows.length)} of ${rows.length} sampled rows)`, '');
    lines.push(table([...keyHeader(pair), ...valueColumns.map((column) => markdownText(column, 40))], rows.slice(0, samples).map((row) => [...row.key.map((part) => markdownValue(part, 40)), ...valueColumns.map((column) => markdownValue(row.values[column] ?? null))])));
  }
  if (duplicateKeys.length > 0) {
    lines.push('', `**Duplicate keys** (${Math.min(samples, duplicateKeys.length)} of ${duplicateKeys.length} sampled)`, '');
    lines.push(table([...keyHeader(pair), 'source rows', 'target rows'], duplicateKeys.slice(0, samples).map((sample) => [...sample.key.map((part) => markdownValue(part, 40)), countText(sample.sourceRows), countText(sample.targetRows)])));
  }
  return lines;
}

function pairSection(results: RunResults, pair: PairResult, samples: number): string {
  const flagged = pair.checks.filter((check) => check.status !== 'PASS');
  const headline = pair.error ? 'could not run' : `${flagged.length} of ${pair.checks.length} checks need a look`;
  const lines = [`<details><summary>${STATUS_EMOJI[pair.status]} <b>${markdownText(pair.name, 80)}</b>: ${headline}</summary>`, ''];
  if (pair.error) lines.push(`**Could not run** (${markdownText(pair.error.step ?? pair.error.kind, 40)}): ${markdownText(pair.error.message, 400)}`, '');
  lines.push(`${markdownText(pair.source.description, 100)} → ${markdownText(pair.target.description, 100)} · key: ${keyHeader(pair).join(', ') || '–'} · ${markdownText(pair.config.file, 100)} line ${pair.config.line}`, '');
  if (pair.sampledPercent !== undefined) lines.push(`> Sampled: ${pair.sampledPercent} % of the keys, chosen by a hash of the key (the same keys on both sides); every count is of that share.`, '');
  if (pair.persisted) lines.push(`Every differing key (${countText(pair.persisted.keys)}) was written to the table ${markdownText(pair.persisted.table, 120)}.`, '');
  // Checks that never ran all repeat the pair's error: name them once instead of a table of copies.
  const notRun = flagged.filter((check) => check.details.check === 'not_run');
  const measured = flagged.filter((check) => check.details.check !== 'not_run');
  if (notRun.length > 0) lines.push(`Not run: ${notRun.map((check) => check.check).join(', ')}.`, '');
  if (measured.length > 0) {
    lines.push(
      table(
        ['Check', 'Status', 'Measured', 'Threshold', 'Finding'],
        measured.map((check) => [
          check.check,
          `${STATUS_EMOJI[check.status]} ${check.status}${newMarkText(results, pair.name, check.check)}`,
          measuredText(check),
          thresholdText(check.threshold, check.unit),
          markdownText([check.message, ...(check.warnings ?? [])].join('; '), 200),
        ]),
      ),
    );
  }
  const topColumns = [...(checkDetails(pair, 'value_mismatches')?.columns ?? [])].filter((column) => column.mismatches > 0).sort((a, b) => b.mismatches - a.mismatches);
  if (topColumns.length > 0) {
    const more = topColumns.length > TOP_COLUMNS ? `, and ${topColumns.length - TOP_COLUMNS} more` : '';
    lines.push('', `**Top mismatching columns:** ${topColumns.slice(0, TOP_COLUMNS).map((column) => `${markdownText(column.label, 40)} (${countText(column.mismatches)})`).join(', ')}${more}`);
  }
  const hints = mismatchHints(pair, (label) => `<b>${markdownText(label, 40)}</b>`);
  if (hints.length > 0) {
    lines.push('', '**Why they differ**', '', ...hints.slice(0, MAX_HINTS).map((hint) => `- ${hint}`));
    if (hints.length > MAX_HINTS) lines.push(`- … and ${hints.length - MAX_HINTS} more in the workbook and results.json.`);
  }
  const reproducible = Object.keys(pair.reproduce ?? {});
  if (reproducible.length > 0) {
    lines.push('', `**All the keys:** \`reproduce.sql\` in the artifact has a query per finding (${reproducible.join(', ')}) for the engine that ran; paste it into a SQL editor.`);
  }
  if (samples > 0) lines.push(...sampleLines(pair, samples));
  lines.push('', '</details>');
  return lines.join('\n');
}

function chartLines(results: RunResults, options: MarkdownSummaryOptions): string[] {
  if (results.pairs.length === 0) return [];
  const mode = options.charts ?? 'mermaid';
  if (mode === 'none') return [];
  const lines = ['', '### Charts'];
  for (const id of CHART_ORDER) {
    if (mode === 'mermaid') {
      const chart = CHART_BUILDERS[id](results);
      lines.push('', isEmptyChart(chart) ? `*${markdownText(chart.emptyText)}*` : mermaidChart(chart));
      continue;
    }
    const { chart, url } = fittedChartUrl(results, id, { host: options.quickchartHost });
    if (isEmptyChart(chart)) lines.push('', `*${markdownText(chart.emptyText)}*`);
    else if (url === null) lines.push('', `*${markdownText(chart.title)}: the labels are too long for an image link; see charts/${id}.png in the reports.*`);
    else {
      lines.push('', `![${markdownText(chart.title)}](${url})`);
      if (chart.shown < chart.total) lines.push(`*Only the ${chart.shown} largest of ${chart.total} are drawn, to keep the image link short; report.xlsx lists them all.*`);
    }
  }
  for (const note of options.chartNotes ?? []) lines.push('', `> ${markdownText(note, 500)}`);
  return lines;
}

function footerLines(results: RunResults, options: MarkdownSummaryOptions): string[] {
  const volume = reportVolumeMarkdown(results);
  const links = [
    volume.link,
    options.artifactUrl && markdownUrl(options.artifactUrl) ? `📦 [Reports: report.xlsx, CSV, charts, results.json](${markdownUrl(options.artifactUrl)})` : undefined,
    options.runUrl && markdownUrl(options.runUrl) ? `🔗 [Workflow run](${markdownUrl(options.runUrl)})` : undefined,
    `${results.tool.name} ${markdownText(results.tool.version, 40)}`,
  ].filter((link) => link !== undefined);
  return [...(volume.note ? ['', volume.note] : []), '', '---', links.join(' · ')];
}

function render(results: RunResults, options: MarkdownSummaryOptions, pairs: PairResult[], detail: Detail): string {
  const notPassing = pairs.filter((pair) => pair.status !== 'PASS');
  const listedPairs = detail.listed === 'all' ? pairs : detail.listed === 'not-passing' ? notPassing : pairs.filter((pair) => pair.status === 'FAIL' || pair.status === 'ERROR');
  const rows = listedPairs.slice(0, detail.tableRows);
  const fullSamples = options.samples ?? 5;

  const leftOut: string[] = [];
  const cutSamples = notPassing.slice(0, detail.detailedPairs).some((pair) => Object.values(pair.samples).some((list) => list.length > detail.samples));
  if (detail.samples < fullSamples && cutSamples) leftOut.push(detail.samples === 0 ? 'sample rows' : `sample rows beyond ${detail.samples} per kind`);
  if (detail.detailedPairs === 0 && notPassing.length > 0) leftOut.push('the per-pair details');
  else if (detail.detailedPairs < notPassing.length) leftOut.push(`the details of ${notPassing.length - detail.detailedPairs} of ${notPassing.length} pairs that need a look`);
  const listed = new Set(rows);
  const unlisted = pairs.filter((pair) => !listed.has(pair));
  if (unlisted.length > 0) {
    const byStatus = (['PASS', 'WARN', 'FAIL', 'ERROR'] as const)
      .map((status) => [status, unlisted.filter((pair) => pair.status === status).length] as const)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${STATUS_EMOJI[status]} ${status}`);
    leftOut.push(`${unlisted.length} of ${pairs.length} pairs from the table (${byStatus.join(', ')})`);
  }
  if (!detail.charts && (options.charts ?? 'mermaid') !== 'none') leftOut.push('the charts');

  const lines: string[] = [];
  if (options.markerId !== undefined) lines.push(commentMarker(options.markerId));
  lines.push(...verdictLines(results));
  if (leftOut.length > 0) lines.push('', `> **Shortened to fit GitHub's comment limit:** left out ${leftOut.join('; ')}. report.xlsx and details.csv have everything.`);
  if (rows.length > 0) lines.push('', table(['Pair', 'Status', 'Rows (source / target)', 'Mismatched rows', 'Missing / extra rows', 'Worst check'], rows.map((pair) => pairRow(results, pair))));
  lines.push(...gateChangesMarkdown(results).section);
  lines.push(...onlyChangedMarkdown(results).section);
  lines.push(...baselineMarkdown(results).section);
  const sections = notPassing.slice(0, detail.detailedPairs).map((pair) => pairSection(results, pair, detail.samples));
  if (sections.length > 0) lines.push('', ...sections.flatMap((section) => [section, '']));
  if (detail.charts) lines.push(...chartLines(results, options));
  lines.push(...footerLines(results, options));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** The largest n in [0, max] for which fits(n) holds, given that fits is monotone and fits(0) holds. */
function largestFitting(max: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * summary.md: the pull-request comment and the job summary. Always under the budget: it steps
 * down (fewer sample rows, then no samples, then fewer pairs in detail, then only the pairs that
 * need a look, then only the failing ones, then no charts and a shorter table) and says what it left out.
 */
export function markdownSummary(results: RunResults, options: MarkdownSummaryOptions = {}): string {
  const budget = options.maxLength ?? DEFAULT_MARKDOWN_BUDGET;
  const pairs = [...results.pairs].sort((a, b) => bySeverity(a.status, b.status));
  const notPassing = pairs.filter((pair) => pair.status !== 'PASS').length;
  const full: Detail = { samples: options.samples ?? 5, detailedPairs: notPassing, listed: 'all', tableRows: pairs.length, charts: true };
  const attempt = (detail: Detail): string | undefined => {
    const text = render(results, options, pairs, detail);
    return text.length <= budget ? text : undefined;
  };
  const fits = (detail: Detail) => attempt(detail) !== undefined;

  for (const samples of [...new Set([full.samples, Math.min(full.samples, 2), 0])]) {
    const text = attempt({ ...full, samples });
    if (text) return text;
  }
  const noDetail: Detail = { ...full, samples: 0, detailedPairs: 0 };
  if (fits(noDetail)) {
    return render(results, options, pairs, { ...noDetail, detailedPairs: largestFitting(notPassing, (n) => fits({ ...noDetail, detailedPairs: n })) });
  }
  for (const listed of ['not-passing', 'failing'] as const) {
    const text = attempt({ ...noDetail, listed });
    if (text) return text;
  }
  const shortest: Detail = { ...noDetail, listed: 'failing', charts: false };
  const rows = largestFitting(pairs.length, (n) => fits({ ...shortest, tableRows: n }));
  const text = render(results, options, pairs, { ...shortest, tableRows: rows });
  // Only a budget smaller than the verdict itself gets here.
  return text.length <= budget ? text : `${text.slice(0, Math.max(0, budget - 2))}…\n`;
}
