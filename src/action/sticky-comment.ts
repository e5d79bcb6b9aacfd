import type { getOctokit } from '@actions/github';

export type GithubClient = ReturnType<typeof getOctokit>;

/** GitHub rejects a comment body over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

/** The author of comments made with the workflow's default GITHUB_TOKEN. */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface PostedComment {
  url: string;
  action: 'created' | 'updated';
}

/**
 * The login the token acts as. A personal access token can ask `GET /user`; the default
 * GITHUB_TOKEN (an installation token) is refused there, and acts as github-actions[bot].
 */
export async function tokenIdentity(octokit: GithubClient): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 || status === 403 || status === 404) return ACTIONS_BOT;
    throw error;
  }
}

/**
 * One comment per config set and pull request: found again by its hidden marker AND its author,
 * so a comment someone else wrote (or quoted our marker in) is never edited.
 */
export async function findStickyComment(octokit: GithubClient, target: CommentTarget, marker: string, author: string): Promise<{ id: number; url: string } | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const ours = comments.find((comment) => comment.user?.login === author && (comment.body ?? '').includes(marker));
  return ours ? { id: ours.id, url: ours.html_url } : undefined;
}

export async function postStickyComment(
  octokit: GithubClient,
  target: CommentTarget,
  body: string,
  options: { marker: string; mode: 'update' | 'new' },
): Promise<PostedComment> {
  if (body.length > COMMENT_LIMIT) throw new Error(`the comment has ${body.length} characters, over GitHub's limit of ${COMMENT_LIMIT}`);
  if (!body.includes(options.marker)) throw new Error('the comment body lacks its marker, so it could never be found again');
  if (options.mode === 'update') {
    const existing = await findStickyComment(octokit, target, options.marker, await tokenIdentity(octokit));
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
      return { url: data.html_url, action: 'updated' };
    }
  }
  const { data } = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
  return { url: data.html_url, action: 'created' };
}
