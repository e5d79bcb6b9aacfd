import { CHECK_DESCRIPTIONS, CHECK_NAMES, KEYED_CHECKS } from '../results/check-names.js';
import type { PairResult } from '../results/results-model.js';
import { thresholdText } from './check-wording.js';
import { markdownText } from './markdown-escaping.js';

/**
 * What a pair's run covered, passing or not, so a reviewer sees a PR that drops a check, raises a
 * threshold or widens a tolerance even when everything is green: the checks with their
 * thresholds, tolerances, exclusions, filters and sampling, and the checks left out.
 */
export function checkedScopeLines(pair: PairResult): string[] {
  const ran = new Set(pair.checks.map((check) => check.check));
  const lines = [
    ...pair.checks.map((check) => `- ${markdownText(check.check, 40)} (${CHECK_DESCRIPTIONS[check.check]}): threshold ${thresholdText(check.threshold, check.unit)}`),
  ];
  const keyless = pair.keys.length === 0;
  const notApplicable = keyless ? KEYED_CHECKS.filter((name) => !ran.has(name)) : [];
  const leftOut = CHECK_NAMES.filter((name) => !ran.has(name) && !(notApplicable as readonly string[]).includes(name));
  if (leftOut.length > 0) lines.push(`- **Not checked:** ${leftOut.map((name) => markdownText(name, 40)).join(', ')}`);
  if (notApplicable.length > 0) lines.push(`- **Not applicable without a primary key:** ${notApplicable.join(', ')}`);
  lines.push(`- Key: ${keyless ? 'none: missing_rows and extra_rows compare whole rows as multisets' : pair.keys.map((key) => markdownText(key, 40)).join(', ')}`);
  const tolerances = pair.columns.filter((column) => column.tolerance && (column.tolerance.abs > 0 || column.tolerance.rel > 0));
  if (tolerances.length > 0) {
    lines.push(`- Tolerances: ${tolerances.map((column) => `${markdownText(column.label, 40)} ${[column.tolerance!.abs > 0 ? `abs ${column.tolerance!.abs}` : '', column.tolerance!.rel > 0 ? `rel ${column.tolerance!.rel}` : ''].filter(Boolean).join(' + ')}`).join(', ')}`);
  }
  const schema = pair.checks.find((check) => check.details.check === 'schema')?.details;
  const excluded = schema?.check === 'schema' ? schema.columns.filter((column) => column.status === 'excluded').map((column) => column.label) : [];
  if (excluded.length > 0) lines.push(`- Excluded columns: ${excluded.map((label) => markdownText(label, 40)).join(', ')}`);
  lines.push(`- Columns compared: ${pair.columns.length}`);
  const groups = pair.checks.find((check) => check.details.check === 'aggregates')?.details;
  if (groups?.check === 'aggregates' && groups.groups) lines.push(`- Aggregates also per group of ${groups.groups.by.map((label) => markdownText(label, 40)).join(', ')} (${groups.groups.groups} groups)`);
  for (const [role, side] of [['Source', pair.source], ['Target', pair.target]] as const) {
    if (side.filter) lines.push(`- ${role} filter: ${markdownText(side.filter, 200)}`);
  }
  lines.push(pair.sampledPercent !== undefined ? `- Sampling: ${pair.sampledPercent} % of the keys (every count is of that share)` : '- Sampling: every row');
  return ['<details><summary>What was checked</summary>', '', ...lines, '', '</details>'];
}
