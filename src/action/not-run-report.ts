import type { ConfigError } from '../config/config-error.js';
import { commentMarker, markdownText, markdownUrl } from '../report/markdown-escaping.js';
import type { Annotation } from './annotations.js';
import { workspacePath } from './annotations.js';

/**
 * What the comment, the job summary and the annotations say when a run produces no results:
 * invalid configs (each error at its file and line), an engine that would not open, a fork's
 * pull request that was skipped or refused.
 */
const LISTED_ERRORS = 50;

export function configErrorAnnotations(errors: ConfigError[], workspace: string): Annotation[] {
  return errors.map((error) => ({
    level: 'error',
    title: `Recon Gate: config error${error.path ? ` in ${error.path}` : ''}`,
    message: `${error.message}.${error.hint ? ` ${error.hint}` : ''}`,
    file: workspacePath(error.file, workspace),
    line: error.line,
    column: error.column,
  }));
}

export function notRunMarkdown(options: { verdict: 'SKIPPED' | 'ERROR'; title: string; lines: string[]; markerId?: string; runUrl?: string }): string {
  const parts: string[] = [];
  if (options.markerId !== undefined) parts.push(commentMarker(options.markerId));
  parts.push(`## ${options.verdict === 'SKIPPED' ? '⏭️' : '⛔'} Recon Gate: ${options.verdict}`, '', `**${markdownText(options.title, 300)}**`, '', ...options.lines);
  const runUrl = options.runUrl ? markdownUrl(options.runUrl) : null;
  if (runUrl) parts.push('', '---', `🔗 [Workflow run](${runUrl})`);
  return `${parts.join('\n')}\n`;
}

export function configErrorLines(errors: ConfigError[], workspace: string): string[] {
  const listed = errors.slice(0, LISTED_ERRORS).map((error) => {
    const where = `${workspacePath(error.file, workspace)}:${error.line}:${error.column}`;
    const field = error.path ? ` (${markdownText(error.path, 120)})` : '';
    const hint = error.hint ? ` ${markdownText(error.hint, 300)}` : '';
    return `- **${markdownText(where, 200)}**${field}: ${markdownText(error.message, 300)}.${hint}`;
  });
  const more = errors.length > LISTED_ERRORS ? [`- …and ${errors.length - LISTED_ERRORS} more; the step's log lists them all.`] : [];
  return [...listed, ...more];
}
