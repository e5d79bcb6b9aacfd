/**
 * Values in summary.md come from the data and from configs in a pull request: a hostile one must
 * not end a table cell, open a code span, inject HTML, or ping people. Every character that
 * means something to GitHub-flavoured markdown or HTML becomes a numeric entity, which renders
 * as the character itself and is never read as markup (dorny/test-reporter escaped only the
 * first `|` of a cell; every one is replaced here).
 */
import { visibleWhitespace } from './visible-whitespace.js';

const ENTITY_CHARACTERS = /[&<>|`\\*_[\]~$#@]/g;

const LINE_BREAK = /\r\n|\r|\n/g;
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g;

/** Text shown in a table cell, a list, or inside `<summary>`; long values end in `…`. */
export function markdownText(value: string, maxLength = 120): string {
  const cut = value.length > maxLength ? `${value.slice(0, maxLength - 1)}…` : value;
  return cut
    .replace(CONTROL, ' ')
    .replace(ENTITY_CHARACTERS, (char) => `&#${char.charCodeAt(0)};`)
    // GitHub reads `@name` and `#123` after markdown, entities or not: a zero-width space
    // keeps a value from mentioning a team or linking an issue.
    .replace(/&#(64|35);/g, '&#$1;&#8203;')
    .replace(LINE_BREAK, '<br>');
}

/** A sample value: NULL and the empty string must read differently. */
export function markdownValue(value: string | null, maxLength = 60): string {
  if (value === null) return '*NULL*';
  if (value === '') return '*empty*';
  return markdownText(visibleWhitespace(value), maxLength);
}

/** A link the report was given (artifacts, the run): only http(s), and nothing that ends the link early. */
export function markdownUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return parsed.href.replace(/[()<> ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return null;
  }
}

/** The hidden line the GitHub layer looks for to find and update its own comment. */
export function commentMarker(id: string): string {
  return `<!-- recon-gate:${id.replace(/[^A-Za-z0-9._/:-]/g, '_').replace(/-{2,}/g, '-')} -->`;
}
