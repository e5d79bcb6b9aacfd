import { execFileSync } from 'node:child_process';

/** The commit the workspace holds, and whether tracked files differ from it. */
export interface CheckoutState {
  /** Undefined when the workspace is not a git checkout (or git is missing). */
  head?: string;
  modified: boolean;
}

/**
 * On pull_request_target the run has the base repository's secrets, so the configs it reads must
 * be the base commit's: this tells a checkout of the base (`actions/checkout` there by default)
 * from one of the pull request's head, or from a base checkout with the head's files copied in.
 */
export function readCheckoutState(workspace: string): CheckoutState {
  const git = (...args: string[]) => execFileSync('git', ['-C', workspace, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const head = git('rev-parse', 'HEAD').trim();
    const modified = git('status', '--porcelain', '--untracked-files=no').trim() !== '';
    return { head, modified };
  } catch {
    return { modified: false };
  }
}
