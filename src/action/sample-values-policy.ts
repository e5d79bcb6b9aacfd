import type { DisclosureRule } from '../results/value-disclosure.js';
import type { SampleValuesInput } from './action-inputs.js';
import type { GithubRun } from './github-event.js';

/**
 * What of the table's values the Action's reports may show, on top of each pair's
 * `sample_values` (src/results/value-disclosure.ts applies it):
 *
 * - A fork's pull request never gets a value: its configs are written by someone outside the
 *   repository, who could otherwise select any column into the comment. `none`, whatever the
 *   configs and the input say.
 * - The `sample-values` input, when not `auto`, is both the mode of pairs that do not set one and
 *   the most any pair may show: `none` keeps every value out, `show` lets the configs decide.
 * - `auto` on a public repository: pairs that do not set `sample_values` show `none`. The comment,
 *   the job summary and the artifact of a public repository are readable by anyone, and keys are
 *   as often personal (customer ids, e-mail addresses, account numbers) as the values are, so
 *   `keys_only` would not be safe either; counts, checks, columns and classes still tell what
 *   differs, and reproduce.sql lists the keys to those who can query the warehouse. An event that
 *   does not say whether the repository is private is treated as public.
 */
export function sampleValuesRule(run: GithubRun, input: SampleValuesInput): DisclosureRule {
  const pr = run.pullRequest;
  if (pr?.fromFork) {
    return { unset: 'none', atMost: 'none', reason: `pull request #${pr.number} comes from ${pr.headRepository ? `the fork ${pr.headRepository}` : 'a deleted fork'}: a fork's run never reports table values` };
  }
  if (input !== 'auto') return { unset: input, atMost: input, reason: `the Action's sample-values input is ${input}` };
  if (run.repositoryVisibility === 'private' || run.repositoryVisibility === 'internal') return { unset: 'show' };
  return {
    unset: 'none',
    reason: run.repositoryVisibility === 'public'
      ? 'the repository is public, and the config does not set sample_values'
      : 'the event does not say whether the repository is private, and the config does not set sample_values',
  };
}
