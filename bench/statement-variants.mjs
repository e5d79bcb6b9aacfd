/**
 * Alternatives to the statements Recon Gate runs, derived from the SQL text it produced in this
 * run, so the comparison follows src/ as it changes: the variants detect which form the SQL has
 * now (how the keys are matched, whether the side CTEs are materialized) and time the other
 * forms. A rewrite whose fragment the SQL no longer contains is reported as
 * not applicable instead of timing a statement that is not what it claims to be.
 *
 * These are measurements for choosing how to write the SQL, not proposals checked for
 * correctness in every case (the per-side variant, for one, returns only counts).
 */

/** Cuts a `WITH a AS (…), b AS (…), … SELECT …` statement just before CTE `name`. */
function withClauseBefore(sql, name) {
  const at = sql.search(new RegExp(`^${name} AS (?:NOT MATERIALIZED |MATERIALIZED )?\\(`, 'm'));
  if (at < 0) return undefined;
  return sql.slice(0, at).replace(/,\s*$/, '');
}

function replaceEvery(sql, replacements) {
  let result = sql;
  for (const [from, to] of replacements) {
    if (!result.includes(from)) return undefined;
    result = result.replaceAll(from, to);
  }
  return result;
}

/** How the two side CTEs are declared: '' lets DuckDB decide (it materializes a CTE read twice). */
const SIDE_CTE_HINTS = ['', 'NOT MATERIALIZED', 'MATERIALIZED'];
const hintLabel = (hint) => (hint === '' ? 'DuckDB default (materialized when read twice)' : hint);
const sideCteText = (role, hint) => `recon_${role} AS ${hint ? `${hint} ` : ''}(`;

function sideCteHintOf(sql) {
  return SIDE_CTE_HINTS.find((hint) => sql.includes(sideCteText('source', hint)) && sql.includes(sideCteText('target', hint)));
}

function withSideCteHint(sql, hint) {
  const current = sideCteHintOf(sql);
  if (current === undefined) return undefined;
  return replaceEvery(sql, ['source', 'target'].map((role) => [sideCteText(role, current), sideCteText(role, hint)]));
}

/** The key list and the row-hash expression, read from the hash join's source input. */
function hashJoinParts(sql) {
  const match = /FROM \(SELECT (.+?), (.+?) AS row_hash FROM recon_source WHERE /.exec(sql);
  return match ? { keys: match[1].split(',').map((key) => key.trim()), rowHash: match[2] } : undefined;
}

/**
 * The join with its keys found the way the Databricks dialect does (and DuckDB did before the hash
 * join): every row of both sides grouped by key. Only for a statement without ignore options.
 */
function keyAggregationInstead(sql) {
  const parts = hashJoinParts(sql);
  const sides = withClauseBefore(sql, 'recon_side_keys');
  const at = sql.search(/^recon_interesting AS /m);
  if (!parts || !sides || at < 0 || sql.includes('raw_hash')) return undefined;
  const keyList = parts.keys.join(', ');
  const side = (inSource, role) => `SELECT ${keyList}, ${inSource} AS in_source, ${parts.rowHash} AS row_hash FROM recon_${role}`;
  return `${sides},
recon_hashed AS (
  ${side('1', 'source')}
  UNION ALL
  ${side('NULL', 'target')}
),
recon_keys AS (
  SELECT ${keyList}, count(in_source) AS source_rows, count(*) - count(in_source) AS target_rows,
    CASE WHEN bit_xor(row_hash) = 0 THEN 0 ELSE 1 END AS hash_differs
  FROM recon_hashed
  GROUP BY ${keyList}
),
${sql.slice(at)}`;
}

const OUTCOME_SUMMARY = 'SELECT count(*) AS groups, sum(output_rows) AS joined_rows FROM recon_outcome';
const KEYS_SUMMARY = 'SELECT count(*) AS keys, count(*) FILTER (WHERE source_rows <> 1 OR target_rows <> 1 OR hash_differs = 1) AS interesting_keys FROM recon_keys';

/** Describes the forms a join statement uses, for labels. */
export function joinFormsOf(joinSql) {
  const hint = sideCteHintOf(joinSql);
  return { keys: hashJoinParts(joinSql) ? 'hash join' : 'unrecognised', sideCtes: hint === undefined ? 'unrecognised' : hintLabel(hint) };
}

/** Variants of the join statement, in the order they are printed. */
export function joinVariants(joinSql) {
  const throughOutcome = withClauseBefore(joinSql, 'recon_dirty_buckets');
  const throughKeys = withClauseBefore(joinSql, 'recon_interesting');
  const forms = joinFormsOf(joinSql);
  const currentHint = sideCteHintOf(joinSql);
  return [
    { name: `join statement as run (keys by ${forms.keys}; side CTEs ${forms.sideCtes})`, sql: joinSql, baseline: true },
    {
      name: 'stage: the hash join and its aggregation (recon_outcome)',
      note: 'CTEs up to recon_outcome, then counts: the hash join of both sides and its per-bucket aggregation',
      sql: throughOutcome && `${throughOutcome}\n${OUTCOME_SUMMARY}`,
    },
    {
      name: 'stage: … + duplicates per bucket (recon_keys)',
      note: 'CTEs up to recon_keys, then counts: every key that is not a clean match, without the second pass',
      sql: throughKeys && `${throughKeys}\n${KEYS_SUMMARY}`,
    },
    {
      name: 'alternative: keys by a GROUP BY over both sides (as on Databricks)',
      note: 'the key aggregation this dialect replaced, with the rest of the statement as run',
      sql: keyAggregationInstead(joinSql),
    },
    ...SIDE_CTE_HINTS.filter((hint) => hint !== currentHint).map((hint) => ({
      name: `join: side CTEs ${hintLabel(hint)}`,
      note: 'the statement as run with the side CTEs declared otherwise',
      sql: withSideCteHint(joinSql, hint),
    })),
  ];
}

const DISTINCT_COUNT = /count\(DISTINCT ([^)]+)\) AS (distinct_\d+)/g;

/** Variants of one side's profile statement. */
export function profileVariants(profileSql) {
  const hasDistinct = DISTINCT_COUNT.test(profileSql);
  DISTINCT_COUNT.lastIndex = 0;
  const items = profileSql.match(/^SELECT\n([\s\S]*?)\nFROM (\([\s\S]*\) AS recon_side)$/);
  return [
    { name: 'profile statement as run', sql: profileSql, baseline: true },
    {
      name: 'without count(DISTINCT …)',
      note: 'the distinct counts replaced by NULL',
      sql: hasDistinct ? profileSql.replace(DISTINCT_COUNT, 'NULL AS $2') : undefined,
    },
    {
      name: 'approx_count_distinct instead of count(DISTINCT …)',
      note: 'HyperLogLog estimate (about 2 % error): not exact, so only fit as a hint',
      sql: hasDistinct ? profileSql.replace(DISTINCT_COUNT, 'approx_count_distinct($1) AS $2') : undefined,
    },
    {
      name: 'row count and NULL counts only',
      note: 'keeps count(*) and the count(*) - count(x) items: the scan floor of the profile',
      sql: items
        ? `SELECT\n${items[1].split(',\n').filter((item) => /AS (row_count|null_key_rows|nulls_\d+)$/.test(item.trim())).join(',\n')}\nFROM ${items[2]}`
        : undefined,
    },
  ];
}
