/**
 * Raw SQL is allowed in exactly two config fields: `query` (a whole SELECT) and `filter` (a
 * WHERE condition). Both end up inside statements that run with warehouse credentials, so they
 * must be one read-only expression or query: no second statement, no DDL, DML or session
 * commands. This is a lexical check (strings, quoted identifiers and comments are skipped), not a
 * parser: it refuses anything suspicious and says why, and the README still recommends a
 * read-only principal.
 */

const FORBIDDEN_KEYWORDS = new Set([
  'alter', 'analyze', 'attach', 'cache', 'call', 'checkpoint', 'clone', 'comment', 'copy', 'create',
  'deallocate', 'declare', 'delete', 'deny', 'describe', 'detach', 'drop', 'execute', 'export',
  'grant', 'import', 'insert', 'install', 'load', 'merge', 'msck', 'optimize', 'pragma', 'prepare',
  'refresh', 'replace', 'reset', 'restore', 'revoke', 'set', 'truncate', 'uncache', 'undrop',
  'update', 'upsert', 'use', 'vacuum',
]);

/** Words that are also common function names; forbidden only when they start a statement. */
const FORBIDDEN_ONLY_AS_STATEMENT = new Set(['replace', 'set', 'describe', 'comment', 'load', 'call']);

export interface SqlWord {
  text: string;
  offset: number;
}

/** Splits SQL into words and single-character symbols, skipping strings, quoted names and comments. */
export function sqlWords(sql: string): { words: SqlWord[]; symbols: SqlWord[]; unterminated?: string } {
  const words: SqlWord[] = [];
  const symbols: SqlWord[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) return { words, symbols, unterminated: 'a /* comment is never closed' };
      i = end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) return { words, symbols, unterminated: `a ${ch} quote is never closed` };
        if (sql[j] === '\\' && ch === "'") j += 2;
        else if (sql[j] === ch && sql[j + 1] === ch) j += 2;
        else if (sql[j] === ch) break;
        else j++;
      }
      i = j + 1;
    } else if (/[\p{L}_]/u.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[\p{L}\p{N}_$]/u.test(sql[j]!)) j++;
      words.push({ text: sql.slice(i, j).toLowerCase(), offset: i });
      i = j;
    } else {
      if (!/\s/.test(ch)) symbols.push({ text: ch, offset: i });
      i++;
    }
  }
  return { words, symbols };
}

/** Returns why the fragment is refused, or undefined when it is acceptable. */
export function refuseUnsafeSql(sql: string, role: 'query' | 'filter'): string | undefined {
  const trimmed = sql.trim().replace(/;\s*$/, '');
  const { words, symbols, unterminated } = sqlWords(trimmed);
  if (unterminated) return `${unterminated}`;
  if (symbols.some((symbol) => symbol.text === ';')) {
    return 'it contains a second statement (`;`); give one statement only';
  }
  if (role === 'query') {
    const first = words[0]?.text;
    if (first !== 'select' && first !== 'with' && first !== 'from' && first !== 'values') {
      return 'a query must be a single SELECT (or WITH … SELECT) statement';
    }
  }
  for (const [index, word] of words.entries()) {
    if (!FORBIDDEN_KEYWORDS.has(word.text)) continue;
    const nextSymbol = symbols.find((symbol) => symbol.offset >= word.offset + word.text.length);
    const isFunctionCall =
      nextSymbol?.text === '(' && trimmed.slice(word.offset + word.text.length, nextSymbol.offset).trim() === '';
    if (FORBIDDEN_ONLY_AS_STATEMENT.has(word.text) && (index > 0 || isFunctionCall)) continue;
    return `it contains \`${word.text.toUpperCase()}\`, which is not allowed in a ${role}: Recon Gate only reads`;
  }
  if (role === 'filter' && words[0]?.text === 'select') {
    return 'a filter is a WHERE condition (for example `date_key >= 20240101`), not a query; use `query:` for a SELECT';
  }
  return undefined;
}

/** A query as given, without the one trailing semicolon people often write. */
export function stripTrailingSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, '');
}
