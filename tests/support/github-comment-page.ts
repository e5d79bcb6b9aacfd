import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Marked, type Tokens } from 'marked';

/**
 * A page that shows a comment roughly as GitHub does, with nothing from the network:
 * - GitHub-flavoured markdown by `marked` (tables, and raw HTML such as <details>, which GitHub
 *   keeps closed until clicked); a single newline is a line break, as in GitHub comments;
 * - ```mermaid blocks left for the mermaid package, which the test loads into the page from
 *   node_modules (GitHub draws them the same way, from the same package);
 * - GitHub's markdown stylesheet (github-markdown-css) in a comment-wide column.
 */
const require = createRequire(import.meta.url);

export const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
const GITHUB_CSS = require.resolve('github-markdown-css/github-markdown-light.css');

/** The same escaping GitHub applies to a code block's text: the diagram source arrives as text. */
function html(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

export function commentHtml(markdown: string): string {
  const marked = new Marked({
    gfm: true,
    breaks: true,
    renderer: {
      code(token: Tokens.Code) {
        if (token.lang === 'mermaid') return `<pre class="mermaid">${html(token.text)}</pre>\n`;
        return false;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}

export function commentPage(markdown: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Recon Gate comment</title>
<style>${readFileSync(GITHUB_CSS, 'utf8')}</style>
<style>
  body { margin: 0; background: #ffffff; }
  .markdown-body { box-sizing: border-box; max-width: 900px; padding: 16px 20px; }
  pre.mermaid { background: #ffffff; }
</style>
</head>
<body><article class="markdown-body">
${commentHtml(markdown)}
</article></body>
</html>`;
}

/** The Chromium RECON_GATE_CHROMIUM names (and only it, when set), else Debian's (scripts/browser/install.sh); undefined when there is none. */
export function findChromium(): string | undefined {
  const named = process.env.RECON_GATE_CHROMIUM;
  const candidates = named ? [named] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate) => existsSync(candidate));
}

/**
 * As root in a sandbox without a network: no Chromium sandbox (it needs user namespaces), no GPU,
 * and none of the background connections (updates, sync, QUIC) that would only be refused.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
