import type { GithubRun } from './github-event.js';
import type { GithubClient } from './sticky-comment.js';

/** GitHub lists at most this many files of a pull request; past it, what changed is not known. */
export const PULL_REQUEST_FILES_LIMIT = 3000;

export type ChangedFiles = { kind: 'listed'; files: string[] } | { kind: 'unknown'; reason: string };

/**
 * The files a pull request changes, from `GET /repos/{owner}/{repo}/pulls/{number}/files`
 * (the event payload has only their count), paths relative to the repository root. A renamed
 * file counts under both names: its old path is what a base's `paths:` may name.
 */
export async function pullRequestFiles(octokit: GithubClient, run: GithubRun): Promise<ChangedFiles> {
  const pr = run.pullRequest;
  if (!pr) return { kind: 'unknown', reason: `the ${run.eventName || 'unknown'} event has no pull request` };
  try {
    const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: run.owner, repo: run.repo, pull_number: pr.number, per_page: 100 });
    if (listed.length >= PULL_REQUEST_FILES_LIMIT) return { kind: 'unknown', reason: `the pull request changes ${PULL_REQUEST_FILES_LIMIT} files or more, and GitHub lists no more than that` };
    return { kind: 'listed', files: [...new Set(listed.flatMap((file) => [file.filename, ...(file.previous_filename ? [file.previous_filename] : [])]))] };
  } catch (error) {
    const status = (error as { status?: number }).status;
    return { kind: 'unknown', reason: `the pull request's files could not be listed${status === 403 ? ' (the token needs `pull-requests: read`)' : ''}: ${(error as Error).message}` };
  }
}
