/**
 * Alternatives to the statements Recon Gate runs, derived from the SQL text it produced in this
 * run, so the comparison follows src/ as it changes: the variants detect which form the SQL has
 * now (how the key aggregation counts and picks hashes, whether the side CTEs are materialized)
 * and time the other forms. A rewrite whose fragment the SQL no longer contains is reported as
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

/** The ways the key aggregation can count each side's rows and keep its row hash. */
const AGGREGATE_FORMS = [
  { name: 'sum(CASE …) / max(CASE …)', count: (side) => `sum(CASE WHEN side = ${side} THEN 1 ELSE 0 END)`, hash: (side) => `max(CASE WHEN side = ${side} THEN row_hash END)` },
  { name: 'count(*) FILTER / max(…) FILTER', count: (side) => `count(*) FILTER (WHERE side = ${side})`, hash: (side) => `max(row_hash) FILTER (WHERE side = ${side})` },
  { name: 'count(*) FILTER / any_value(…) FILTER', count: (side) => `count(*) FILTER (WHERE side = ${side})`, hash: (side) => `any_value(row_hash) FILTER (WHERE side = ${side})` },
];

const fragmentsOf = (form) => [1, 2].flatMap((side) => [form.count(side), form.hash(side)]);

function aggregateFormOf(sql) {
  return AGGREGATE_FORMS.find((form) => fragmentsOf(form).every((fragment) => sql.includes(fragment)));
}

function withAggregateForm(sql, target) {
  const current = aggregateFormOf(sql);
  if (!current) return undefined;
  const from = fragmentsOf(current);
  return replaceEvery(sql, fragmentsOf(target).map((fragment, index) => [from[index], fragment]));
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

/** The key list and the row-hash expression, read from the `recon_hashed` CTE. */
function hashedParts(sql) {
  const match = /SELECT (.+?), 1 AS in_source, (.+?) AS row_hash FROM recon_source/.exec(sql);
  return match ? { keys: match[1].split(',').map((key) => key.trim()), rowHash: match[2] } : undefined;
}

function groupEachSideThenJoin(sql) {
  const parts = hashedParts(sql);
  const sides = withClauseBefore(sql, 'recon_hashed');
  if (!parts || !sides) return undefined;
  const keyList = parts.keys.join(', ');
  const grouped = (role) => `recon_${role}_keys AS (\n  SELECT ${keyList}, count(*) AS row_count, max(${parts.rowHash}) AS row_hash FROM recon_${role} GROUP BY ${keyList}\n)`;
  const on = parts.keys.map((key) => `s.${key} IS NOT DISTINCT FROM t.${key}`).join(' AND ');
  return `${sides},\n${grouped('source')},\n${grouped('target')}
SELECT
  count(*) FILTER (WHERE t.row_count IS NULL) AS only_source_keys,
  count(*) FILTER (WHERE s.row_count IS NULL) AS only_target_keys,
  count(*) FILTER (WHERE s.row_count > 1 OR t.row_count > 1) AS duplicate_keys,
  count(*) FILTER (WHERE s.row_hash <> t.row_hash) AS hash_mismatches
FROM recon_source_keys AS s FULL OUTER JOIN recon_target_keys AS t ON ${on}`;
}

const KEYS_SUMMARY = `SELECT
  count(*) AS keys,
  count(*) FILTER (WHERE source_rows <> 1 OR target_rows <> 1 OR source_hash <> target_hash) AS interesting_keys
FROM recon_keys`;

/** Describes the forms a join statement uses, for labels. */
export function joinFormsOf(joinSql) {
  const aggregate = aggregateFormOf(joinSql);
  const hint = sideCteHintOf(joinSql);
  return { aggregates: aggregate?.name ?? 'unrecognised', sideCtes: hint === undefined ? 'unrecognised' : hintLabel(hint) };
}

/** Variants of the join statement, in the order they are printed. */
export function joinVariants(joinSql) {
  const throughKeys = withClauseBefore(joinSql, 'recon_interesting');
  const throughHashed = withClauseBefore(joinSql, 'recon_keys');
  const keysOnly = throughKeys && `${throughKeys}\n${KEYS_SUMMARY}`;
  const currentAggregate = aggregateFormOf(joinSql);
  const currentHint = sideCteHintOf(joinSql);
  const forms = joinFormsOf(joinSql);
  const otherAggregates = AGGREGATE_FORMS.filter((form) => form !== currentAggregate);
  // Whole-statement combinations: each aggregate form with the side CTEs left to DuckDB or recomputed.
  const combinations = [];
  for (const hint of ['', 'NOT MATERIALIZED']) {
    for (const form of AGGREGATE_FORMS) {
      if (form === currentAggregate && hint === currentHint) continue;
      const rehinted = hint === currentHint ? joinSql : withSideCteHint(joinSql, hint);
      combinations.push({ name: `join: aggregates ${form.name}; side CTEs ${hintLabel(hint)}`, sql: rehinted && withAggregateForm(rehinted, form) });
    }
  }
  return [
    { name: `join statement as run (aggregates ${forms.aggregates}; side CTEs ${forms.sideCtes})`, sql: joinSql, baseline: true },
    {
      name: 'stage: read + hash both sides only',
      note: 'CTEs up to recon_hashed, then count(*), max(row_hash): the scan and hash cost',
      sql: throughHashed && `${throughHashed}\nSELECT count(*) AS row_count, max(row_hash) AS top_hash FROM recon_hashed`,
    },
    {
      name: 'stage: … + GROUP BY key (recon_keys), as run',
      note: 'CTEs up to recon_keys, then counts: the key aggregation without the second pass',
      sql: keysOnly,
    },
    ...otherAggregates.map((form) => ({
      name: `stage: recon_keys with ${form.name}`,
      note: 'the key aggregation alone, another way to count sides and keep hashes',
      sql: keysOnly && withAggregateForm(keysOnly, form),
    })),
    {
      name: 'stage: recon_keys, side CTEs forced MATERIALIZED',
      note: 'what copying every row of both sides into materialized CTEs costs',
      sql: keysOnly && withSideCteHint(keysOnly, 'MATERIALIZED'),
    },
    {
      name: 'alternative: GROUP BY key per side, then FULL OUTER JOIN',
      note: 'two smaller aggregations and a join instead of UNION ALL + one GROUP BY (counts only)',
      sql: groupEachSideThenJoin(joinSql),
    },
    ...combinations,
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
