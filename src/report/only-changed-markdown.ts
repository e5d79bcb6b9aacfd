import type { RunResults } from '../results/results-model.js';
import { countText } from './check-wording.js';
import { markdownText } from './markdown-escaping.js';

/** How summary.md says that only the pairs a change touches ran, and which did not. */

const LISTED = 30;

export function onlyChangedHeadline(results: RunResults): string | undefined {
  const selection = results.onlyChanged;
  if (!selection) return undefined;
  const total = selection.ran.length + selection.skipped.length;
  return `only changed: ${countText(selection.ran.length)} of ${countText(total)} pairs ran (${countText(selection.changedFiles)} changed files, from ${selection.source}); ${countText(selection.skipped.length)} skipped`;
}

export function onlyChangedMarkdown(results: RunResults): { headline: string[]; section: string[] } {
  const selection = results.onlyChanged;
  if (!selection) return { headline: [], section: [] };
  const total = selection.ran.length + selection.skipped.length;
  const headline = ['', `**Only what this change touches:** ${countText(selection.ran.length)} of ${countText(total)} pairs ran, those whose config or \`paths:\` match its ${countText(selection.changedFiles)} changed files; ${countText(selection.skipped.length)} skipped.`];
  const section: string[] = [];
  if (selection.ran.length > 0) {
    section.push('', '<details><summary>Why these pairs ran</summary>', '');
    for (const pair of selection.ran.slice(0, LISTED)) section.push(`- ${markdownText(pair.name, 80)}: ${markdownText(pair.why, 200)}`);
    if (selection.ran.length > LISTED) section.push(`- … and ${selection.ran.length - LISTED} more in results.json (\`onlyChanged.ran\`).`);
    section.push('', '</details>');
  }
  if (selection.skipped.length > 0) {
    section.push('', `### Not run: untouched by this change (${countText(selection.skipped.length)})`, '');
    section.push(selection.skipped.slice(0, LISTED).map((pair) => `${markdownText(pair.name, 80)} (${markdownText(pair.file, 100)} line ${pair.line})`).join(' · '));
    if (selection.skipped.length > LISTED) section.push('', `… and ${selection.skipped.length - LISTED} more in results.json (\`onlyChanged.skipped\`).`);
  }
  return { headline, section };
}
