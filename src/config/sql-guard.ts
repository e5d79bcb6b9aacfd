/**
 * Raw SQL is allowed in exactly two config fields: `query` (a whole SELECT) and `filter` (a
 * WHERE condition). Both end up inside statements that run with warehouse credentials, so they
 * must be one read-only expression or query: no second statement, no DDL, DML or session
 * commands, no function that reads files or runs SQL given as text.
 *
 * This is the first line only, a lexer with clear messages; the engines enforce the same with
 * their own parsers (one statement per execution, DuckDB's file access locked down). One config
 * often runs on DuckDB locally and on Databricks in CI, and the two read quotes differently
 * (DuckDB: no backslash escapes, `$$`/`$tag$` strings, `E'…'`; Spark: backslash escapes,
 * backtick names, `r'…'` raw strings), so a fragment must be safe under every lexicon.
 */

export const SQL_LEXICONS = ['duckdb', 'databricks'] as const;
export type SqlLexicon = (typeof SQL_LEXICONS)[number];

const LEXICON_LABELS: Record<SqlLexicon, string> = { duckdb: 'DuckDB', databricks: 'Databricks (Spark SQL)' };

const FORBIDDEN_KEYWORDS = new Set([
  'alter', 'analyze', 'attach', 'cache', 'call', 'checkpoint', 'clone', 'comment', 'copy', 'create',
  'deallocate', 'declare', 'delete', 'deny', 'describe', 'detach', 'drop', 'execute', 'export',
  'grant', 'import', 'insert', 'install', 'load', 'merge', 'msck', 'optimize', 'pragma', 'prepare',
  'refresh', 'replace', 'reset', 'restore', 'revoke', 'set', 'truncate', 'uncache', 'undrop',
  'update', 'upsert', 'use', 'vacuum',
]);

/** Words that are also common function names; forbidden only when they start a statement. */
const FORBIDDEN_ONLY_AS_STATEMENT = new Set(['replace', 'set', 'describe', 'comment', 'load', 'call']);

/**
 * Functions that read files, list folders, run SQL given as text, or call into the JVM: a config
 * names files through `file:` (which the engine is allowed to read) and never needs these.
 */
const FORBIDDEN_FUNCTIONS = new Set([
  'read_text', 'read_blob', 'read_csv', 'read_csv_auto', 'read_parquet', 'parquet_scan',
  'read_json', 'read_json_auto', 'read_json_objects', 'read_json_objects_auto', 'read_ndjson',
  'read_ndjson_auto', 'read_ndjson_objects', 'read_xlsx', 'glob', 'sniff_csv', 'parquet_metadata',
  'parquet_schema', 'parquet_file_metadata', 'parquet_kv_metadata', 'query', 'query_table',
  'duckdb_secrets', 'which_secret', 'getenv', 'read_files', 'reflect', 'java_method', 'try_reflect',
]);

/** Spark reads a path written as `format.\`path\``; a config names files through `file:`. */
const SPARK_PATH_FORMATS = new Set(['parquet', 'csv', 'json', 'text', 'binaryfile', 'orc', 'avro', 'delta', 'xml']);

export interface SqlWord {
  text: string;
  offset: number;
}

export interface SqlTokens {
  words: SqlWord[];
  symbols: SqlWord[];
  /** Offsets of quoted names (`"…"`, and backticks on Spark), for the `format.\`path\`` check. */
  quotedNames: SqlWord[];
  unterminated?: string;
}

interface QuoteRule {
  /** Where a string or quoted name ends; -1 when it never does. */
  end: (sql: string, from: number) => number;
  /** Whether it is a name (identifier) rather than a string literal. */
  name: boolean;
  what: string;
}

/** The end of a quoted run starting after `open`, honouring doubled quotes and (optionally) backslashes. */
function quotedEnd(quote: string, backslashEscapes: boolean) {
  return (sql: string, from: number): number => {
    let j = from;
    for (;;) {
      if (j >= sql.length) return -1;
      if (backslashEscapes && sql[j] === '\\') j += 2;
      else if (sql[j] === quote && sql[j + 1] === quote) j += 2;
      else if (sql[j] === quote) return j + 1;
      else j++;
    }
  };
}

/** The quoting rule that starts at `i`, and how many characters its opening takes. */
function quoteAt(sql: string, i: number, lexicon: SqlLexicon): { rule: QuoteRule; open: number } | undefined {
  const ch = sql[i]!;
  const next = sql[i + 1];
  const startsWord = i === 0 || !/[\p{L}\p{N}_$]/u.test(sql[i - 1]!);
  if (lexicon === 'duckdb') {
    if (ch === "'") return { rule: { end: quotedEnd("'", false), name: false, what: "a ' quote" }, open: 1 };
    if (ch === '"') return { rule: { end: quotedEnd('"', false), name: true, what: 'a " quote' }, open: 1 };
    if ((ch === 'E' || ch === 'e') && next === "'" && startsWord) {
      return { rule: { end: quotedEnd("'", true), name: false, what: "an E'…' string" }, open: 2 };
    }
    if (ch === '$') {
      // `$tag$ … $tag$` (tag empty or a name); `$1` is a parameter, not a string.
      const tag = /^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u.exec(sql.slice(i));
      if (tag) {
        const delimiter = tag[0];
        return {
          rule: { end: (text, from) => { const close = text.indexOf(delimiter, from); return close === -1 ? -1 : close + delimiter.length; }, name: false, what: `a ${delimiter} string` },
          open: delimiter.length,
        };
      }
    }
    return undefined;
  }
  if ((ch === 'r' || ch === 'R') && (next === "'" || next === '"') && startsWord) {
    return { rule: { end: quotedEnd(next, false), name: false, what: `an r${next}…${next} raw string` }, open: 2 };
  }
  if (ch === "'" || ch === '"') return { rule: { end: quotedEnd(ch, true), name: false, what: `a ${ch} quote` }, open: 1 };
  if (ch === '`') return { rule: { end: quotedEnd('`', false), name: true, what: 'a ` quote' }, open: 1 };
  return undefined;
}

/** The end of a block comment; both engines nest them. */
function blockCommentEnd(sql: string, from: number): number {
  let depth = 1;
  let j = from;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else {
      j++;
    }
  }
  return -1;
}

/** Splits SQL into words and single-character symbols as the engine reads it, skipping strings, quoted names and comments. */
export function sqlWords(sql: string, lexicon: SqlLexicon): SqlTokens {
  const tokens: SqlTokens = { words: [], symbols: [], quotedNames: [] };
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    const quote = quoteAt(sql, i, lexicon);
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = blockCommentEnd(sql, i + 2);
      if (end === -1) return { ...tokens, unterminated: 'a /* comment is never closed' };
      i = end;
    } else if (quote) {
      const end = quote.rule.end(sql, i + quote.open);
      if (end === -1) return { ...tokens, unterminated: `${quote.rule.what} is never closed` };
      if (quote.rule.name) tokens.quotedNames.push({ text: sql.slice(i, end), offset: i });
      i = end;
    } else if (/[\p{L}_]/u.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[\p{L}\p{N}_$]/u.test(sql[j]!)) j++;
      tokens.words.push({ text: sql.slice(i, j).toLowerCase(), offset: i });
      i = j;
    } else {
      if (!/\s/.test(ch)) tokens.symbols.push({ text: ch, offset: i });
      i++;
    }
  }
  return tokens;
}

/** Returns why the fragment is refused under one lexicon, or undefined when it is acceptable. */
function refusalUnder(sql: string, role: 'query' | 'filter', lexicon: SqlLexicon): string | undefined {
  const { words, symbols, quotedNames, unterminated } = sqlWords(sql, lexicon);
  if (unterminated) return unterminated;
  if (symbols.some((symbol) => symbol.text === ';')) {
    return 'it contains a second statement (`;`); give one statement only';
  }
  if (role === 'query') {
    const first = words[0]?.text;
    if (first !== 'select' && first !== 'with' && first !== 'from' && first !== 'values') {
      return 'a query must be a single SELECT (or WITH … SELECT) statement';
    }
  }
  const symbolAfter = (offset: number) => symbols.find((symbol) => symbol.offset >= offset);
  for (const [index, word] of words.entries()) {
    const end = word.offset + word.text.length;
    const nextSymbol = symbolAfter(end);
    const isFunctionCall = nextSymbol?.text === '(' && sql.slice(end, nextSymbol.offset).trim() === '';
    if (isFunctionCall && FORBIDDEN_FUNCTIONS.has(word.text)) {
      return `it calls \`${word.text}\`, which reads files or runs SQL given as text; name files with \`file:\` and tables with \`table:\``;
    }
    if (lexicon === 'databricks' && SPARK_PATH_FORMATS.has(word.text) && nextSymbol?.text === '.' && sql.slice(end, nextSymbol.offset).trim() === '') {
      const name = quotedNames.find((quoted) => quoted.offset > nextSymbol.offset);
      if (name && sql.slice(nextSymbol.offset + 1, name.offset).trim() === '') {
        return `it reads a path (\`${word.text}.\`…\`\`); name files with \`file:\` and tables with \`table:\``;
      }
    }
    if (!FORBIDDEN_KEYWORDS.has(word.text)) continue;
    if (FORBIDDEN_ONLY_AS_STATEMENT.has(word.text) && (index > 0 || isFunctionCall)) continue;
    return `it contains \`${word.text.toUpperCase()}\`, which is not allowed in a ${role}: Recon Gate only reads`;
  }
  if (role === 'filter' && words[0]?.text === 'select') {
    return 'a filter is a WHERE condition (for example `date_key >= 20240101`), not a query; use `query:` for a SELECT';
  }
  return undefined;
}

/**
 * Returns why the fragment is refused, or undefined when it is acceptable under every lexicon
 * given (by default both engines', since one config usually runs on both).
 */
export function refuseUnsafeSql(sql: string, role: 'query' | 'filter', lexicons: readonly SqlLexicon[] = SQL_LEXICONS): string | undefined {
  const trimmed = stripTrailingSemicolon(sql);
  const refusals = lexicons.map((lexicon) => ({ lexicon, refusal: refusalUnder(trimmed, role, lexicon) }));
  const refused = refusals.filter((entry) => entry.refusal !== undefined);
  if (refused.length === 0) return undefined;
  // Said plainly when every engine reads it the same way; otherwise say which reading found it.
  if (refused.length === lexicons.length && refused.every((entry) => entry.refusal === refused[0]!.refusal)) return refused[0]!.refusal;
  return `read as ${LEXICON_LABELS[refused[0]!.lexicon]} SQL, ${refused[0]!.refusal}`;
}

/** A query as given, without the one trailing semicolon people often write. */
export function stripTrailingSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, '');
}
