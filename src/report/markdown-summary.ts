import type { CheckResult, PairResult, RunResults, Status, ValueDisclosure } from '../results/results-model.js';
import { STATUSES, shownStatus } from '../results/statuses.js';
import { checkDetails } from './check-details.js';
import { CHART_BUILDERS, type ChartId, type ChartsMode, isAllZeroChart, isEmptyChart } from './chart-configs.js';
import { bySeverity, countText, durationText, measuredText, thresholdText, timestampText, unitText, worstCheck } from './check-wording.js';
import { classesText, columnMatchRates, matchRateText } from './column-match-rates.js';
import { baselineMarkdown, newMarkText } from './baseline-markdown.js';
import { gateChangesMarkdown } from './gate-changes-markdown.js';
import { onlyChangedMarkdown } from './only-changed-markdown.js';
import { reportVolumeMarkdown } from './report-volume-markdown.js';
import { commentMarker, markdownText, markdownUrl, markdownValue } from './markdown-escaping.js';
import { mermaidChart } from './mermaid-charts.js';
import { checkedScopeLines } from './checked-scope.js';
import { diagnosePair } from './root-causes.js';
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

/** A check's status cell: a waived check reads WAIVED, never a plain PASS. */
function shownStatusText(check: CheckResult): string {
  const shown = shownStatus(check);
  return shown === 'WAIVED' ? '🔕 WAIVED' : `${STATUS_EMOJI[shown]} ${shown}`;
}

const CHART_ORDER: ChartId[] = ['row-counts', 'mismatches-by-column', 'nulls-by-column', 'aggregate-differences'];
/** Rows of a pair's match-rate table (its most mismatching columns), before degrading. */
const RATE_COLUMNS = 10;
/** Value columns of a row sample (only in source / target), after the key columns, before degrading. */
const VALUE_COLUMNS_IN_ROW_SAMPLES = 4;
const MAX_HINTS = 12;

/** What one rendering includes; the summary steps down through these until it fits. */
interface Detail {
  samples: number;
  /** Value columns shown in the row samples (only in source, only in target). */
  valueColumns: number;
  /** Rows of each pair's match-rate table. */
  rateColumns: number;
  /** Non-passing pairs that get a `<details>` section, worst first. */
  detailedPairs: number;
  /** Whether passing pairs get their "What was checked" section (pairs with a section always do). */
  passingScopes: boolean;
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
  const counts = STATUSES
    .filter((status) => byStatus[status] > 0)
    .map((status) => `${byStatus[status]} ${STATUS_EMOJI[status]} ${{ PASS: 'passed', WARN: 'warned', FAIL: 'failed', ERROR: 'could not run' }[status]}`);
  const pairs = `${results.summary.pairs} pair${results.summary.pairs === 1 ? '' : 's'}`;
  const causes = results.pairs.reduce((total, pair) => total + diagnosePair(pair).causes.length, 0);
  const causesText = causes > 0 ? `**${causes} root cause${causes === 1 ? '' : 's'}** · ` : '';
  return [
    `## ${STATUS_EMOJI[results.status]} Recon Gate: ${results.status}`,
    '',
    `**${pairs}: ${counts.join(', ') || 'none run'}** · ${causesText}${nothingCompared(results) ? '**nothing was compared**: no pair could run' : `${countText(results.summary.differingRows)} differing rows`} · ${markdownText(results.run.engine, 40)} · ${durationText(results.run.durationMs)} · ${timestampText(results.run.startedAt)}`,
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
  const { causes } = diagnosePair(pair);
  let worstText = '–';
  if (pair.error) worstText = `error: ${markdownText(pair.error.message, 100)}`;
  else if (causes.length > 0) worstText = `${markdownText(causes[0]!.title, 100)}${causes.length > 1 ? ` (+${causes.length - 1} more)` : ''}`;
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

function sampleLines(pair: PairResult, samples: number, valueColumnLimit: number): string[] {
  const lines: string[] = [];
  const { mismatches, onlyInSource, onlyInTarget, duplicateKeys } = pair.samples;
  if (mismatches.length > 0) {
    lines.push('', `**Sample mismatching cells** (${Math.min(samples, mismatches.length)} of ${mismatches.length} sampled)`, '');
    lines.push(table([...keyHeader(pair), 'column', 'source', 'target', 'why'], mismatches.slice(0, samples).map((sample) => [...sample.key.map((part) => markdownValue(part, 40)), markdownText(sample.column, 40), markdownValue(sample.source), markdownValue(sample.target), sample.class ? sample.class.replace(/_/g, ' ') : ''])));
  }
  for (const [title, rows] of [['Only in source', onlyInSource], ['Only in target', onlyInTarget]] as const) {
    if (rows.length === 0) continue;
    const allColumns = Object.keys(rows[0]?.values ?? {});
    const valueColumns = allColumns.slice(0, valueColumnLimit);
    const columnNote = valueColumns.length < allColumns.length ? `; ${valueColumns.length} of ${allColumns.length} value columns, the rest in report.xlsx` : '';
    lines.push('', `**${title}** (${Math.min(samples, rows.length)} of ${rows.length} sampled rows${columnNote})`, '');
    lines.push(table([...keyHeader(pair), ...valueColumns.map((column) => markdownText(column, 40))], rows.slice(0, samples).map((row) => [...row.key.map((part) => markdownValue(part, 40)), ...valueColumns.map((column) => markdownValue(row.values[column] ?? null))])));
  }
  if (duplicateKeys.length > 0) {
    lines.push('', `**Duplicate keys** (${Math.min(samples, duplicateKeys.length)} of ${duplicateKeys.length} sampled)`, '');
    lines.push(table([...keyHeader(pair), 'source rows', 'target rows'], duplicateKeys.slice(0, samples).map((sample) => [...sample.key.map((part) => markdownValue(part, 40)), countText(sample.sourceRows), countText(sample.targetRows)])));
  }
  return lines;
}

/** Why cells read ‹hidden› or #1a2b3c4d: the results were already withheld (value-disclosure.ts). */
function disclosureText(disclosure: ValueDisclosure): string {
  const shown = { show: 'Values are shown', keys_only: 'Only key values are shown (`sample_values: keys_only`)', none: 'No key or value is shown (`sample_values: none`)' }[disclosure.sampleValues];
  const masked = disclosure.maskedColumns?.length ? `; ${disclosure.maskedColumns.map((column) => markdownText(column, 40)).join(', ')} as a hash (equal values, equal hashes)` : '';
  const why = disclosure.reason ? `, because ${markdownText(disclosure.reason, 200)}` : '';
  return `${shown}${masked}${why}. Counts, classes and reproduce.sql are complete.`;
}

/** group_by: the groups whose count or aggregates differ, worst first, and how many in all. */
function groupLines(pair: PairResult, limit: number): string[] {
  const groups = checkDetails(pair, 'aggregates')?.groups;
  if (!groups || groups.differing === 0) return [];
  const by = groups.by.map((label) => markdownText(label, 40));
  const lines = ['', `**Groups that differ** (${countText(groups.differing)} of ${countText(groups.groups)} ${groups.by.join(', ')} groups, worst first${groups.truncated ? '; only the first 10,000 groups per side were compared' : ''})`];
  const shown = groups.worst.slice(0, Math.max(0, limit));
  if (shown.length > 0) {
    lines.push('', table([...by, 'Source rows', 'Target rows', 'Differing aggregates'], shown.map((group) => [
      ...group.key.map((value) => markdownValue(value, 40)),
      countText(group.sourceRows),
      countText(group.targetRows),
      markdownText(group.differences.slice(0, 3).map((d) => `${d.function}(${d.label}) ${d.source ?? 'NULL'} → ${d.target ?? 'NULL'}`).join('; ') || '–', 200),
    ])));
  }
  if (groups.differing > shown.length) lines.push('', `… and ${countText(groups.differing - shown.length)} more differing groups${groups.worst.length > shown.length ? ' in report.xlsx (Groups)' : ''}.`);
  return lines;
}

const maxDiffText = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 9 });

/**
 * Per compared column: matched rows that agree ÷ matched rows. The columns that differ, most
 * mismatching first; the ones that agree everywhere in one sentence.
 */
function matchRateLines(pair: PairResult, limit: number): string[] {
  const rates = columnMatchRates(pair);
  if (rates.length === 0) return [];
  const differing = rates.filter((rate) => rate.mismatchingRows > 0).sort((a, b) => b.mismatchingRows - a.mismatchingRows);
  const agreeing = rates.length - differing.length;
  const matched = rates[0]!.matchedRows;
  if (matched === 0) return ['', '**Match rate per column:** no row matched on the key, so no value was compared.'];
  const lines = ['', `**Match rate per column** (matched rows that agree ÷ ${unitText(matched, 'matched rows')})`];
  if (differing.length > 0 && limit > 0) {
    const shown = differing.slice(0, limit);
    lines.push('', table(['Column', 'Mismatching rows', 'Match rate', 'Max abs diff', 'Mismatch classes'], shown.map((rate) => [markdownText(rate.label, 60), countText(rate.mismatchingRows), matchRateText(rate.rate), rate.maxAbsDiff === undefined ? '–' : maxDiffText(rate.maxAbsDiff), markdownText(classesText(rate.classes).replace(/_/g, ' '), 200)])));
    if (shown.length < differing.length) lines.push('', `… and ${differing.length - shown.length} more differing columns in report.xlsx (Match rates).`);
  } else if (differing.length > 0) {
    lines.push('', `${differing.length} column${differing.length === 1 ? '' : 's'} differ${differing.length === 1 ? 's' : ''}: see report.xlsx (Match rates).`);
  }
  if (agreeing > 0) lines.push('', differing.length === 0 ? `All ${agreeing} compared columns agree on every matched row (100 %).` : `The other ${agreeing} compared column${agreeing === 1 ? '' : 's'} agree${agreeing === 1 ? 's' : ''} on every matched row (100 %).`);
  return lines;
}

function pairSection(results: RunResults, pair: PairResult, detail: Pick<Detail, 'samples' | 'valueColumns' | 'rateColumns'>): string {
  const flagged = pair.checks.filter((check) => check.status !== 'PASS' || check.waiver !== undefined);
  const diagnosis = diagnosePair(pair);
  const causeCount = diagnosis.causes.length;
  const headline = pair.error
    ? 'could not run'
    : causeCount > 0
      ? `${causeCount} root cause${causeCount === 1 ? '' : 's'}`
      : `${flagged.length} of ${pair.checks.length} checks need a look`;
  const lines = [`<details><summary>${STATUS_EMOJI[pair.status]} <b>${markdownText(pair.name, 80)}</b>: ${headline}</summary>`, ''];
  if (pair.error) {
    lines.push(`**Could not run** (${markdownText(pair.error.step ?? pair.error.kind, 40)}): ${markdownText(pair.error.message, 400)}`, '');
    // The statement that failed, once, so the reviewer can run it in a SQL editor.
    const failed = pair.statements.find((statement) => statement.error !== undefined);
    if (failed) lines.push('<details><summary>The statement that failed</summary>', '', fencedSql(failed.sql), '', '</details>', '');
  }
  lines.push(`${markdownText(pair.source.description, 100)} → ${markdownText(pair.target.description, 100)} · key: ${keyHeader(pair).join(', ') || '–'} · ${markdownText(pair.config.file, 100)} line ${pair.config.line}`, '');
  if (pair.sampledPercent !== undefined) lines.push(`> Sampled: ${pair.sampledPercent} % of the keys, chosen by a hash of the key (the same keys on both sides); every count is of that share.`, '');
  if (pair.disclosure) lines.push(`> ${disclosureText(pair.disclosure)}`, '');
  if (pair.persisted) lines.push(`Every differing key (${countText(pair.persisted.keys)}) was written to the table ${markdownText(pair.persisted.table, 120)}.`, '');
  // Checks that never ran all repeat the pair's error: name them once instead of a table of copies.
  const notRun = flagged.filter((check) => check.details.check === 'not_run');
  const measured = flagged.filter((check) => check.details.check !== 'not_run');
  if (notRun.length > 0) lines.push(`Not run: ${notRun.map((check) => check.check).join(', ')}.`, '');
  if (causeCount > 0) {
    lines.push('**Root causes**', '');
    for (const cause of diagnosis.causes) lines.push(`${cause.number}. **${markdownText(cause.title, 200)}**${cause.evidence ? `: ${markdownText(cause.evidence, 300)}` : ''}`);
    lines.push('');
  }
  if (measured.length > 0) {
    lines.push(
      table(
        ['Check', 'Status', 'Measured', 'Threshold', 'Finding'],
        measured.map((check) => [
          check.check,
          diagnosis.explainedBy[check.check] !== undefined ? `↳ explained by cause ${diagnosis.explainedBy[check.check]}` : `${shownStatusText(check)}${newMarkText(results, pair.name, check.check)}`,
          measuredText(check),
          thresholdText(check.threshold, check.unit),
          markdownText([check.message, ...(check.warnings ?? [])].join('; '), 360),
        ]),
      ),
    );
  }
  lines.push(...matchRateLines(pair, detail.rateColumns));
  lines.push(...groupLines(pair, detail.rateColumns));
  const hints = mismatchHints(pair, (label) => `<b>${markdownText(label, 40)}</b>`);
  if (hints.length > 0) {
    lines.push('', '**Why they differ**', '', ...hints.slice(0, MAX_HINTS).map((hint) => `- ${hint}`));
    if (hints.length > MAX_HINTS) lines.push(`- … and ${hints.length - MAX_HINTS} more in the workbook and results.json.`);
  }
  const reproducible = Object.keys(pair.reproduce ?? {});
  if (reproducible.length > 0) {
    lines.push('', `**All the keys:** \`reproduce.sql\` in the artifact has a query per finding (${reproducible.join(', ')}) for the engine that ran; paste it into a SQL editor.`);
  }
  if (detail.samples > 0) lines.push(...sampleLines(pair, detail.samples, detail.valueColumns));
  lines.push('', ...checkedScopeLines(pair), '', '</details>');
  return lines.join('\n');
}

/** Under a chart: what it left out and where its axis is cut, in words (Mermaid has no subtitle). */
function chartNoteLines(notes: string[]): string[] {
  return notes.length > 0 ? ['', `*${markdownText(notes.join(' '), 600)}*`] : [];
}

/** Every pair errored: there is no count to report, and "0 differing rows" would be a lie. */
/** SQL in a fence no statement can close (the fence is longer than any backtick run inside). */
function fencedSql(sql: string): string {
  const longest = Math.max(2, ...[...sql.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const shown = sql.length > 4000 ? `${sql.slice(0, 4000)}\n-- … ${sql.length - 4000} more characters in results.json` : sql;
  return `${fence}sql\n${shown}\n${fence}`;
}

function nothingCompared(results: RunResults): boolean {
  return results.pairs.length > 0 && results.pairs.every((pair) => pair.error !== undefined);
}

function chartLines(results: RunResults, options: MarkdownSummaryOptions): string[] {
  // Charts of a run where nothing was compared would draw zeros as if everything agreed.
  if (results.pairs.length === 0 || nothingCompared(results)) return [];
  const mode = options.charts ?? 'mermaid';
  if (mode === 'none') return [];
  const lines = ['', '### Charts'];
  for (const id of CHART_ORDER) {
    if (mode === 'mermaid') {
      const chart = CHART_BUILDERS[id](results);
      if (isEmptyChart(chart)) lines.push('', `*${markdownText(chart.emptyText)}*`);
      else if (isAllZeroChart(chart) && chart.allZeroText) lines.push('', `*${markdownText(chart.allZeroText)}*`);
      else lines.push('', mermaidChart(chart), ...chartNoteLines(chart.notes));
      continue;
    }
    const { chart, url } = fittedChartUrl(results, id, { host: options.quickchartHost });
    if (isEmptyChart(chart)) lines.push('', `*${markdownText(chart.emptyText)}*`);
    else if (isAllZeroChart(chart) && chart.allZeroText) lines.push('', `*${markdownText(chart.allZeroText)}*`);
    else if (url === null) lines.push('', `*${markdownText(chart.title)}: the labels are too long for an image link; see charts/${id}.png in the reports.*`);
    else lines.push('', `![${markdownText(chart.title)}](${url})`, ...chartNoteLines(chart.notes));
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
  const detailed = notPassing.slice(0, detail.detailedPairs);
  const valueColumnCount = (pair: PairResult) => Math.max(0, ...[pair.samples.onlyInSource, pair.samples.onlyInTarget].map((rows) => Object.keys(rows[0]?.values ?? {}).length));
  if (detail.samples > 0 && detail.valueColumns < VALUE_COLUMNS_IN_ROW_SAMPLES && detailed.some((pair) => valueColumnCount(pair) > detail.valueColumns)) leftOut.push(`sample value columns beyond ${detail.valueColumns}`);
  const differingColumns = (pair: PairResult) => columnMatchRates(pair).filter((rate) => rate.mismatchingRows > 0).length;
  if (detail.rateColumns < RATE_COLUMNS && detailed.some((pair) => differingColumns(pair) > detail.rateColumns)) leftOut.push(detail.rateColumns === 0 ? 'the match-rate tables' : `match-rate rows beyond ${detail.rateColumns} columns per pair`);
  if (detail.detailedPairs === 0 && notPassing.length > 0) leftOut.push('the per-pair details');
  else if (detail.detailedPairs < notPassing.length) leftOut.push(`the details of ${notPassing.length - detail.detailedPairs} of ${notPassing.length} pairs that need a look`);
  const listed = new Set(rows);
  const unlisted = pairs.filter((pair) => !listed.has(pair));
  if (unlisted.length > 0) {
    const byStatus = STATUSES
      .map((status) => [status, unlisted.filter((pair) => pair.status === status).length] as const)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${STATUS_EMOJI[status]} ${status}`);
    leftOut.push(`${unlisted.length} of ${pairs.length} pairs from the table (${byStatus.join(', ')})`);
  }
  if (!detail.charts && (options.charts ?? 'mermaid') !== 'none') leftOut.push('the charts');
  const passingCount = pairs.filter((pair) => pair.status === 'PASS').length;
  if (!detail.passingScopes && passingCount > 0) leftOut.push(`what was checked for the ${passingCount} passing pair${passingCount === 1 ? '' : 's'}`);

  const lines: string[] = [];
  if (options.markerId !== undefined) lines.push(commentMarker(options.markerId));
  lines.push(...verdictLines(results));
  if (leftOut.length > 0) lines.push('', `> **Shortened to fit GitHub's comment limit:** left out ${leftOut.join('; ')}. report.xlsx and details.csv have everything.`);
  if (rows.length > 0) lines.push('', table(['Pair', 'Status', 'Rows (source / target)', 'Mismatched rows', 'Missing / extra rows', 'Root cause'], rows.map((pair) => pairRow(results, pair))));
  lines.push(...gateChangesMarkdown(results).section);
  lines.push(...onlyChangedMarkdown(results).section);
  lines.push(...baselineMarkdown(results).section);
  const sections = detailed.map((pair) => pairSection(results, pair, detail));
  if (sections.length > 0) lines.push('', ...sections.flatMap((section) => [section, '']));
  const passing = pairs.filter((pair) => pair.status === 'PASS');
  if (detail.passingScopes && passing.length > 0) {
    for (const pair of passing) lines.push('', `✅ **${markdownText(pair.name, 80)}** passed.`, '', ...checkedScopeLines(pair));
  }
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
 * A text over the budget cut on a line boundary, never inside a table or a code block: an open
 * table or block at the cut is dropped whole. Only a budget smaller than the verdict gets here.
 */
function cutOutsideBlocks(text: string, budget: number): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 2; // the closing "…\n"
  for (const line of lines) {
    if (length + line.length + 1 > budget) break;
    kept.push(line);
    length += line.length + 1;
  }
  while (kept.length > 0 && kept.at(-1)!.startsWith('|')) kept.pop();
  const fences = kept.filter((line) => line.startsWith('```')).length;
  if (fences % 2 === 1) kept.splice(kept.findLastIndex((line) => line.startsWith('```')));
  return `${kept.join('\n')}…\n`;
}

/**
 * summary.md: the pull-request comment and the job summary. Always under the budget, and never
 * by cutting a table or a chart in half: it steps down through whole parts (fewer sample rows,
 * fewer value columns in them, no samples, fewer match-rate rows, no charts, fewer pairs in
 * detail, then only the pairs that need a look, then only the failing ones, then a shorter pairs
 * table) and says at the top what it left out.
 */
export function markdownSummary(results: RunResults, options: MarkdownSummaryOptions = {}): string {
  const budget = options.maxLength ?? DEFAULT_MARKDOWN_BUDGET;
  const pairs = [...results.pairs].sort((a, b) => bySeverity(a.status, b.status));
  const notPassing = pairs.filter((pair) => pair.status !== 'PASS').length;
  const full: Detail = { samples: options.samples ?? 5, valueColumns: VALUE_COLUMNS_IN_ROW_SAMPLES, rateColumns: RATE_COLUMNS, detailedPairs: notPassing, passingScopes: true, listed: 'all', tableRows: pairs.length, charts: true };
  const attempt = (detail: Detail): string | undefined => {
    const text = render(results, options, pairs, detail);
    return text.length <= budget ? text : undefined;
  };
  const fits = (detail: Detail) => attempt(detail) !== undefined;

  const fewerSamples = Math.min(full.samples, 2);
  const steps: Detail[] = [
    full,
    { ...full, samples: fewerSamples },
    { ...full, samples: fewerSamples, valueColumns: 2 },
    { ...full, samples: 0 },
    { ...full, samples: 0, rateColumns: 3 },
    { ...full, samples: 0, rateColumns: 3, charts: false },
    { ...full, samples: 0, rateColumns: 3, charts: false, passingScopes: false },
  ];
  for (const step of steps) {
    const text = attempt(step);
    if (text) return text;
  }
  const noDetail: Detail = { ...full, samples: 0, rateColumns: 3, charts: false, passingScopes: false, detailedPairs: 0 };
  if (fits(noDetail)) {
    return render(results, options, pairs, { ...noDetail, detailedPairs: largestFitting(notPassing, (n) => fits({ ...noDetail, detailedPairs: n })) });
  }
  for (const listed of ['not-passing', 'failing'] as const) {
    const text = attempt({ ...noDetail, listed });
    if (text) return text;
  }
  const shortest: Detail = { ...noDetail, listed: 'failing' };
  const rows = largestFitting(pairs.length, (n) => fits({ ...shortest, tableRows: n }));
  const text = render(results, options, pairs, { ...shortest, tableRows: rows });
  return text.length <= budget ? text : cutOutsideBlocks(text, budget);
}
