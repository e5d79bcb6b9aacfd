import { summary } from '@actions/core';

/** GitHub drops a step's summary whole when it is over 1 MiB. */
export const JOB_SUMMARY_LIMIT_BYTES = 1024 * 1024;

/**
 * Characters given to the summary renderer: a UTF-16 code unit is at most 3 bytes of UTF-8, so
 * this stays under the byte limit whatever the data, with room for the notes added around it.
 */
export const JOB_SUMMARY_BUDGET = 300_000;

/**
 * Renders with a smaller budget until the UTF-8 size fits; `render(budget)` must honour its
 * budget (markdownSummary does, by stepping its detail down).
 */
export function fitJobSummary(render: (budget: number) => string, budget = JOB_SUMMARY_BUDGET): string {
  let text = render(budget);
  while (Buffer.byteLength(text, 'utf8') > JOB_SUMMARY_LIMIT_BYTES && budget > 1000) {
    budget = Math.floor(budget / 2);
    text = render(budget);
  }
  return text;
}

/** Appends to GITHUB_STEP_SUMMARY; outside a runner (no such file) there is nothing to write. */
export async function writeJobSummary(markdown: string, env: Record<string, string | undefined> = process.env): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) return false;
  await summary.addRaw(markdown, true).write();
  return true;
}
