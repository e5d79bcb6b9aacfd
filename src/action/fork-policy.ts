import { backendFor } from '../backends/registry.js';
import type { ActionInputs } from './action-inputs.js';
import type { CheckoutState } from './checkout-state.js';
import type { GithubRun } from './github-event.js';

/**
 * Whether a pull request from another repository may run. A recon config is SQL (filters,
 * queries) that runs with the warehouse credentials of whoever runs the workflow.
 */
export type ForkDecision =
  | { kind: 'run'; warning?: string }
  /** Neutral: nothing ran, the step succeeds, status SKIPPED. */
  | { kind: 'skip'; reason: string }
  /** The step fails without running anything. */
  | { kind: 'refuse'; reason: string };

type Environment = Record<string, string | undefined>;

export function forkDecision(
  run: GithubRun,
  inputs: Pick<ActionInputs, 'engine' | 'allowForkSql' | 'engineSettings'>,
  env: Environment,
  checkout: CheckoutState = { modified: false },
): ForkDecision {
  const pr = run.pullRequest;
  if (!pr?.fromFork) return { kind: 'run' };
  const head = pr.headRepository ? `the fork ${pr.headRepository}` : 'a fork that has been deleted';

  if (run.eventName === 'pull_request_target') {
    // pull_request_target runs with the base repository's secrets; configs taken from the head
    // would be SQL written by anyone who can open a pull request.
    if (!inputs.allowForkSql) {
      return {
        kind: 'refuse',
        reason:
          `refusing to run on pull_request_target for pull request #${pr.number} from ${head}: its configs, filters and queries ` +
          `would run with this repository's warehouse credentials. Use the pull_request event (fork runs are then skipped ` +
          `without secrets), or set allow-fork-sql: true only if this workflow checks out trusted configs from the base branch.`,
      };
    }
    // allow-fork-sql trusts the workflow to read the base commit's configs; verify it does.
    const notBase = !checkout.head
      ? 'the workspace is not a git checkout, so nothing shows its configs are the base commit\'s'
      : run.sha && checkout.head !== run.sha
        ? `the workspace holds commit ${checkout.head.slice(0, 12)}, not the base commit ${run.sha.slice(0, 12)} this event is for`
        : checkout.modified
          ? 'tracked files in the workspace differ from the checked-out base commit'
          : undefined;
    if (notBase) {
      return {
        kind: 'refuse',
        reason:
          `refusing to run on pull_request_target for pull request #${pr.number} from ${head} although allow-fork-sql is true: ${notBase}. ` +
          `Check out the base branch (actions/checkout does by default on pull_request_target) and read configs and waivers from it.`,
      };
    }
    return {
      kind: 'run',
      warning: `allow-fork-sql is true: running on pull_request_target for pull request #${pr.number} from ${head} with this repository's credentials.`,
    };
  }

  // On pull_request GitHub gives a fork's run no secrets: a Databricks run could only fail to connect.
  if (!backendFor(inputs.engine).hasCredentials(inputs.engineSettings, env)) {
    return {
      kind: 'skip',
      reason:
        `pull request #${pr.number} comes from ${head}, and GitHub gives workflows triggered by forks no secrets, ` +
        `so there are no ${backendFor(inputs.engine).label} credentials: the reconciliation was skipped. A maintainer can run it from a branch of this repository.`,
    };
  }
  return { kind: 'run' };
}
