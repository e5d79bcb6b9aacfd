import type { BaselineComparison, CheckComparison, Key } from '../results/baseline-model.js';
import type { RunResults, Status } from '../results/results-model.js';
import { countText } from './check-wording.js';
import { keyText } from './key-text.js';
import { markdownText } from './markdown-escaping.js';

/** How summary.md, the CLI and the workbook word a comparison with the baseline. */

export const NEW_MARK = '🆕';

const EMOJI: Record<Status, string> = { PASS: '✅', WARN: '⚠️', FAIL: '❌', ERROR: '⛔' };
const KEYS_LISTED = 3;
const ROWS_LISTED = 25;
const NAMES_LISTED = 10;

const plural = (n: number, noun: string) => `${countText(n)} ${noun}${n === 1 ? '' : 's'}`;

/** `1 new finding (1 in a failing check), 2 fixed, 4 unchanged`. */
export function baselineCountsText(baseline: BaselineComparison): string {
  const { counts, newFailing } = baseline;
  const failing = counts.new > 0 && newFailing !== counts.new ? ` (${countText(newFailing)} in failing checks)` : '';
  return `${plural(counts.new, 'new finding')}${failing}, ${countText(counts.fixed)} fixed, ${countText(counts.unchanged)} unchanged`;
}

/** The one line for the log: `vs main: 1 new finding, 2 fixed, 4 unchanged`. */
export function baselineHeadline(baseline: BaselineComparison): string {
  return `vs ${baseline.label}: ${baselineCountsText(baseline)}${sideOnlyText(baseline)}`;
}

function sideOnlyText(baseline: BaselineComparison): string {
  const parts = [
    baseline.onlyInRun.pairs.length > 0 ? `${plural(baseline.onlyInRun.pairs.length, 'pair')} only in this run` : undefined,
    baseline.onlyInBaseline.pairs.length > 0 ? `${plural(baseline.onlyInBaseline.pairs.length, 'pair')} only in ${baseline.label}` : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? `; ${parts.join(', ')}` : '';
}

/** The comparison of one check, if it has new findings: what the pair table and check tables mark. */
export function newFindingsOf(results: RunResults, pair: string, check?: string): number {
  return (results.baseline?.checks ?? []).filter((entry) => entry.pair === pair && (check === undefined || entry.check === check)).reduce((sum, entry) => sum + entry.new, 0);
}

/** ` 🆕 2 new` after a status, or nothing. */
export function newMarkText(results: RunResults, pair: string, check?: string): string {
  const count = newFindingsOf(results, pair, check);
  return count > 0 ? ` ${NEW_MARK} ${countText(count)} new` : '';
}

function statusText(status: Status | undefined, measured: number | undefined): string {
  return status === undefined ? '–' : `${EMOJI[status]} ${status}${measured === undefined ? '' : ` (${countText(measured)})`}`;
}

function listed(items: string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, and ${items.length - max} more` : items.join(', ');
}

function keysText(results: RunResults, entry: CheckComparison, keys: Key[]): string {
  const columns = results.pairs.find((pair) => pair.name === entry.pair)?.keys ?? [];
  return listed(keys.map((key) => markdownText(keyText(columns, key), 100)), KEYS_LISTED);
}

function whatText(results: RunResults, entry: CheckComparison, label: string): string {
  const parts: string[] = [];
  if (entry.keys?.from === 'count' && (entry.new > 0 || entry.fixed > 0)) {
    parts.push('by key count: a sample holds only some of the keys (sample_size), so the keys are not listed');
  }
  if (entry.keys && entry.keys.new.length > 0) parts.push(`new: ${keysText(results, entry, entry.keys.new)}`);
  if (entry.keys && entry.keys.fixed.length > 0) parts.push(`fixed: ${keysText(results, entry, entry.keys.fixed)}`);
  if (entry.newFindings.length > 0) parts.push(`new: ${listed(entry.newFindings.map((name) => markdownText(name, 60)), NAMES_LISTED)}`);
  if (entry.fixedFindings.length > 0) parts.push(`fixed: ${listed(entry.fixedFindings.map((name) => markdownText(name, 60)), NAMES_LISTED)}`);
  if (entry.waived) parts.push('waived in this run (a waiver is not a fix)');
  if (entry.status === undefined) parts.push(`not in this run, only in ${label}`);
  return parts.join('; ') || '–';
}

/**
 * The headline line under the verdict and the "Compared with" section: the checks with new or
 * fixed findings (new first), and what is on one side only. Bounded, whatever the run's size.
 */
export function baselineMarkdown(results: RunResults): { headline: string[]; section: string[] } {
  const baseline = results.baseline;
  if (!baseline) return { headline: [], section: [] };
  const label = markdownText(baseline.label, 60);
  const headline = ['', `**vs ${label}:** ${baselineCountsText(baseline)}${markdownText(sideOnlyText(baseline), 200)}`];

  const changed = baseline.checks.filter((entry) => entry.new > 0 || entry.fixed > 0).sort((a, b) => Number(b.new > 0) - Number(a.new > 0));
  const section = ['', `### Compared with ${label}`, '', `Baseline: the run of ${markdownText(baseline.startedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC'), 40)} (${markdownText(baseline.source, 200)}).`];
  if (changed.length === 0) section.push('', `Nothing new and nothing fixed: every finding of ${label} is still there.`);
  else {
    section.push('', `| Pair | Check | ${label} → now | New | Fixed | Unchanged | What |`, '|---|---|---|---|---|---|---|');
    for (const entry of changed.slice(0, ROWS_LISTED)) {
      section.push(
        `| ${markdownText(entry.pair, 80)} | ${entry.check} | ${statusText(entry.baselineStatus, entry.baselineMeasured)} → ${statusText(entry.status, entry.measured)} | ${entry.new > 0 ? `${NEW_MARK} ${countText(entry.new)}` : '0'} | ${countText(entry.fixed)} | ${countText(entry.unchanged)} | ${whatText(results, entry, label)} |`,
      );
    }
    if (changed.length > ROWS_LISTED) section.push('', `… and ${changed.length - ROWS_LISTED} more checks with new or fixed findings in results.json (\`baseline.checks\`) and report.xlsx.`);
  }
  const sideOnly = [
    ['Pairs only in this run (their findings count as new)', baseline.onlyInRun.pairs],
    [`Pairs only in ${label} (their findings are not counted as fixed)`, baseline.onlyInBaseline.pairs],
    ['Checks only in this run', baseline.onlyInRun.checks.map((entry) => `${entry.pair}: ${entry.check}`)],
    [`Checks only in ${label}`, baseline.onlyInBaseline.checks.map((entry) => `${entry.pair}: ${entry.check}`)],
  ] as const;
  for (const [title, names] of sideOnly) {
    if (names.length > 0) section.push('', `**${title}:** ${listed(names.map((name) => markdownText(name, 80)), NAMES_LISTED)}`);
  }
  return { headline, section };
}
