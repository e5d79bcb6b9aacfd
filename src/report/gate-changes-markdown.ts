import type { GateChanges } from '../results/gate-changes-model.js';
import type { RunResults } from '../results/results-model.js';
import { markdownText } from './markdown-escaping.js';

/** How summary.md shows what a change loosened in its own gate: a line under the verdict and its own section. */

const LISTED = 30;

function policyText(changes: GateChanges): string {
  if (changes.allowedBy) return `allowed by ${markdownText(changes.allowedBy, 120)}`;
  if (changes.enforced) return `this fails the check until ${markdownText(changes.allowWith, 120)} allows it`;
  return 'listed for review; it does not fail the check';
}

/** `1 change`, `3 changes`. */
function changesText(n: number): string {
  return `${n} change${n === 1 ? '' : 's'}`;
}

/** The one line for the log. */
export function gateChangesHeadline(changes: GateChanges): string {
  const n = changes.loosened.length;
  if (n === 0) return `gate vs ${changes.label}: nothing loosened`;
  return `gate vs ${changes.label}: ${changesText(n)} ${n === 1 ? 'loosens' : 'loosen'} it (${changes.allowedBy ? `allowed by ${changes.allowedBy}` : changes.enforced ? `fails until ${changes.allowWith} allows it` : 'not enforced'})`;
}

export function gateChangesMarkdown(results: RunResults): { headline: string[]; section: string[] } {
  const changes = results.gateChanges;
  if (!changes) return { headline: [], section: [] };
  const label = markdownText(changes.label, 60);
  const unreadable = changes.unreadable.length > 0 ? ['', `> **Not compared:** ${changes.unreadable.length} file${changes.unreadable.length === 1 ? '' : 's'} of ${label} could not be read (${changes.unreadable.slice(0, 5).map((file) => markdownText(file, 120)).join(', ')}); what they held is not checked for loosening.`] : [];
  if (changes.loosened.length === 0) return { headline: [], section: unreadable.length > 0 ? ['', `### 🔓 Gate changes vs ${label}`, ...unreadable] : [] };
  const headline = ['', `**🔓 This change loosens its own gate:** ${changesText(changes.loosened.length)} vs ${label}; ${policyText(changes)}.`];
  const section = ['', `### 🔓 Gate loosened vs ${label}`, '', 'Settings of these configs and waivers that let more differences through than at the base:', ''];
  for (const change of changes.loosened.slice(0, LISTED)) {
    section.push(`- ${markdownText(change.message, 300)} (${markdownText(change.file, 120)} line ${change.line}${change.in === 'base' ? `, at ${label}` : ''})`);
  }
  if (changes.loosened.length > LISTED) section.push(`- … and ${changes.loosened.length - LISTED} more in results.json (\`gateChanges.loosened\`) and report.xlsx.`);
  section.push(...unreadable);
  return { headline, section };
}
