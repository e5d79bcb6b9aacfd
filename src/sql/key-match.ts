import type { LogicalType } from '../plan/logical-type.js';
import type { Dialect } from './dialect.js';
import { aliased, column, selectList } from './select-item.js';

/**
 * How many buckets the keys are spread over to find duplicated keys. The bucket aggregations stay
 * small enough to be cheap (65,536 groups), and a duplicated key sends only its bucket's rows —
 * about 150 per bucket at 10M rows — to the exact per-key count.
 */
const KEY_BUCKETS = 65_536;

/** Rows a bucket may hold beyond eight times the mean before it counts as hot (small tables have means near 0). */
const HOT_BUCKET_MIN_ROWS = 64;

/**
 * Rows a row's key may have on average, on both sides, before every bucket skips the hash join:
 * up to it the join emits at most about this many rows per side's row (Cauchy–Schwarz).
 */
const SHARED_KEY_ROWS = 2;

export interface KeyMatchInput {
  /** Output names of the key columns in recon_source and recon_target (k0, k1, …). */
  keyNames: readonly string[];
  /** The keys' logical types, for hashing them into buckets. */
  keyTypes: readonly LogicalType[];
  /** Hash of the compared values, over recon_source's (recon_target's) columns. */
  rowHash: string;
  /** Hash of the raw values of columns compared with ignore options, when any are. */
  rawHash?: string;
}

/**
 * The CTEs that find every key that is not a clean match, ending in `recon_keys`: one row per such
 * key with its row count on each side and whether its hashes differ (hash_differs, raw_differs),
 * in the way the dialect measured cheaper (`Dialect.keyMatching`).
 */
export function keyMatchCtes(dialect: Dialect, input: KeyMatchInput): string[] {
  return dialect.keyMatching === 'hash-join' ? hashJoinCtes(dialect, input) : keyAggregationCtes(input);
}

/**
 * Every row of both sides as (key, in_source, row hash), grouped by key: each key's rows per side
 * are counted, so duplicates are found exactly and a hot key collapses into one group. Each
 * source row carries in_source = 1, each target row NULL, and the XOR of a key's row hashes is 0
 * exactly when its one source row and one target row hash alike: three plain aggregates, no
 * FILTER, no kept hash. On Spark this beats the hash join below, whose sort-merge join and
 * bucket counts add shuffles and scans (the Spark suite's demo pair went past two minutes).
 */
function keyAggregationCtes(input: KeyMatchInput): string[] {
  return [`recon_hashed AS (${hashedRows(input)})`, `recon_keys AS (${groupedByKey(input, 'recon_hashed')})`];
}

/** A side's keys and row hashes (raw_hash too with ignore options), with `extra` items after the keys. */
function hashedSide(input: KeyMatchInput, relation: string, extra: ReturnType<typeof aliased>[] = [], where = ''): string {
  const items = [...input.keyNames.map((k) => column(k)), ...extra, aliased(input.rowHash, 'row_hash'), ...(input.rawHash ? [aliased(input.rawHash, 'raw_hash')] : [])];
  return `SELECT ${selectList(items, ', ')} FROM ${relation}${where}`;
}

/** Both sides' rows as (key, in_source, row hash), with a condition on each side's rows. */
function hashedRows(input: KeyMatchInput, where = ''): string {
  const side = (inSource: string, relation: string) => hashedSide(input, relation, [aliased(inSource, 'in_source')], where);
  return `\n  ${side('1', 'recon_source')}\n  UNION ALL\n  ${side('NULL', 'recon_target')}\n`;
}

/** Each key's rows per side and whether its hashes differ, from hashedRows. */
function groupedByKey(input: KeyMatchInput, relation: string): string {
  const keyList = input.keyNames.join(', ');
  const differs = (aggregate: string, name: string) => aliased(`CASE WHEN ${aggregate} = 0 THEN 0 ELSE 1 END`, name);
  const counts = [
    aliased('count(in_source)', 'source_rows'),
    aliased('count(*) - count(in_source)', 'target_rows'),
    differs('bit_xor(row_hash)', 'hash_differs'),
    ...(input.rawHash ? [differs('bit_xor(raw_hash)', 'raw_differs')] : []),
  ];
  return `\n  SELECT ${keyList},\n    ${selectList(counts)}\n  FROM ${relation}\n  GROUP BY ${keyList}\n`;
}

/**
 * The keys by a hash join (DuckDB):
 *
 * 1. `recon_outcome`: one full outer hash join of the two sides on the key, comparing one row hash
 *    per side, aggregated so that every matched row whose hashes agree collapses into its key
 *    bucket's count while every other row is grouped under its own key. This replaces an
 *    aggregation of both sides' rows by key (10M groups), which cost about twice the join itself
 *    and its memory (DuckDB, 10M rows, bench).
 * 2. A hash join cannot tell a duplicated key from a matched one, but a bucket can: where no key
 *    of a bucket is duplicated on both sides, its matched output rows equal its source rows less
 *    its source-only rows, and its target rows less its target-only rows (Σ m·n = Σ m = Σ n holds
 *    only when every m and n is 1). `recon_side_buckets` counts each side's rows per bucket from
 *    the keys alone; the buckets where the equality fails are `recon_dirty_buckets`.
 * 3. Only the dirty buckets' keys are counted exactly per key (`recon_dirty_keys`), so duplicates
 *    are found exactly however many there are, at the cost of their buckets' rows.
 *    Keys on one side only are grouped under their own key in step 1, duplicated or not.
 * 4. Rows the hash join would multiply skip it: a hot bucket's (a sentinel or NULL key), or every
 *    bucket's when a row's key has more than two rows on average on both sides, estimated from the
 *    bucket counts (`recon_key_spread`). Their keys are grouped from their rows with their hashes
 *    (`recon_heavy_keys`), as on Databricks.
 */
function hashJoinCtes(dialect: Dialect, input: KeyMatchInput): string[] {
  // The reproduce queries read these CTEs as the join statement does, several times each.
  const cte = (name: string, body: string) => dialect.sharedCte(name, body);
  const { keyNames } = input;
  const keyList = keyNames.join(', ');
  const ignoring = input.rawHash !== undefined;
  const keyHash = dialect.rowHash(keyNames.map((k, i) => ({ expression: k, type: input.keyTypes[i]! })));
  const bucketOf = () => dialect.hashBucket(keyHash, KEY_BUCKETS);
  const hashes = (relation: string) => hashedSide(input, relation, [], ` WHERE ${bucketOf()} NOT IN (SELECT bucket FROM recon_heavy_buckets)`);
  const keysMatch = keyNames.map((k) => dialect.nullSafeEquals(`s.${k}`, `t.${k}`)).join(' AND ');
  const differs = `s.row_hash IS NULL OR t.row_hash IS NULL OR s.row_hash <> t.row_hash${ignoring ? ' OR s.raw_hash <> t.raw_hash' : ''}`;
  const joined = `SELECT ${selectList([
    ...keyNames.map((k) => aliased(`coalesce(s.${k}, t.${k})`, k)),
    aliased('s.row_hash', 'sh'),
    aliased('t.row_hash', 'th'),
    ...(ignoring ? [aliased('s.raw_hash', 'sr'), aliased('t.raw_hash', 'tr')] : []),
    aliased(`CASE WHEN ${differs} THEN 1 ELSE 0 END`, 'differs'),
  ], ', ')}
      FROM (${hashes('recon_source')}) AS s
      FULL OUTER JOIN (${hashes('recon_target')}) AS t ON ${keysMatch}`;
  // Matched rows whose hashes agree keep no key (dk = NULL, differs = 0): one group per bucket.
  const grouping = ['bucket', 'differs', ...keyNames.map((k) => `d${k}`)];
  const flagged = `SELECT ${selectList([
    aliased(bucketOf(), 'bucket'),
    column('differs'),
    ...keyNames.map((k) => aliased(`CASE WHEN differs = 1 THEN ${k} END`, `d${k}`)),
    column('sh'), column('th'),
    ...(ignoring ? [column('sr'), column('tr')] : []),
  ], ', ')}
    FROM (
      ${joined}
    ) AS recon_joined`;
  const sideKeys = dialect.recomputedCte('recon_side_keys', `
  SELECT ${keyList}, in_source, ${dialect.hashBucket('key_hash', KEY_BUCKETS)} AS bucket FROM (
    SELECT ${keyList}, 1 AS in_source, ${keyHash} AS key_hash FROM recon_source
    UNION ALL
    SELECT ${keyList}, NULL AS in_source, ${keyHash} AS key_hash FROM recon_target
  ) AS recon_keyed
`);
  const sideBuckets = cte('recon_side_buckets', `
  SELECT bucket, count(in_source) AS source_rows, count(*) - count(in_source) AS target_rows FROM recon_side_keys GROUP BY bucket
`);
  const hot = (side: string) => `b.${side}_rows > 8 * n.${side}_rows / ${KEY_BUCKETS} + ${HOT_BUCKET_MIN_ROWS}`;
  const totals = cte('recon_key_totals', `
  SELECT sum(source_rows) AS source_rows, sum(target_rows) AS target_rows FROM recon_side_buckets
`);
  // The keys' spread, from the bucket counts alone: where most rows of both sides share their key
  // with others (a primary_key that is not one), a hash join would pair every such row of one side
  // with every one of the other, so the key aggregation over both sides counts them all instead.
  // A bucket's count is the sum of its keys' row counts m, so over the B buckets Σ count² less
  // (Σ count)² / B estimates Σ m² (the cross terms of keys sharing a bucket average out), and
  // Σ m² / Σ m is the rows a row's key has on average: 1 for unique keys. Hot buckets are left out
  // (they skip the join on their own), and this reads the 65,536 bucket counts, not the rows: an
  // approximate distinct count of sampled keys cost a pass over both sides' keys.
  const spreadOf = (side: string) => [
    aliased(`sum(CASE WHEN NOT (${hot(side)}) THEN CAST(b.${side}_rows AS DOUBLE) END)`, `${side}_rows`),
    aliased(`sum(CASE WHEN NOT (${hot(side)}) THEN CAST(b.${side}_rows AS DOUBLE) * b.${side}_rows END)`, `${side}_squares`),
  ];
  const keySpread = cte('recon_key_spread', `
  SELECT ${selectList([...spreadOf('source'), ...spreadOf('target')])}
  FROM recon_side_buckets AS b CROSS JOIN recon_key_totals AS n
`);
  const shared = (side: string) => `w.${side}_squares - w.${side}_rows * w.${side}_rows / ${KEY_BUCKETS} > ${SHARED_KEY_ROWS} * w.${side}_rows`;
  // A bucket far above its expected size holds a hot key (a sentinel value, NULL keys): its rows
  // skip the hash join and its keys are counted per key from their rows. Hashing spreads
  // distinct keys evenly, so no bucket of distinct keys comes near eight times the mean.
  const heavyBuckets = cte('recon_heavy_buckets', `
  SELECT b.bucket FROM recon_side_buckets AS b
  CROSS JOIN recon_key_totals AS n
  CROSS JOIN recon_key_spread AS w
  WHERE ${hot('source')} OR ${hot('target')}
    OR (${shared('source')} AND ${shared('target')})
`);
  const heavyKeys = `recon_heavy_keys AS (${groupedByKey(input, `(${hashedRows(input, ` WHERE ${bucketOf()} IN (SELECT bucket FROM recon_heavy_buckets)`)}) AS recon_heavy_rows`)})`;
  // A key grouped alone with one row on each side has that row's hashes as min(sh) and min(th).
  const outcome = cte('recon_outcome', `
  SELECT ${selectList([
    column('bucket'),
    column('differs'),
    ...keyNames.map((k) => aliased(`d${k}`, k)),
    aliased('count(*)', 'output_rows'),
    aliased('count(sh)', 'with_source'),
    aliased('count(th)', 'with_target'),
    aliased('count(CASE WHEN sh IS NOT NULL AND th IS NOT NULL THEN 1 END)', 'matched_rows'),
    aliased('min(sh)', 'sh'),
    aliased('min(th)', 'th'),
    ...(ignoring ? [aliased('min(sr)', 'sr'), aliased('min(tr)', 'tr')] : []),
  ])}
  FROM (
    ${flagged}
  ) AS recon_flagged
  GROUP BY ${grouping.join(', ')}
`);
  const dirtyBuckets = cte('recon_dirty_buckets', `
  SELECT j.bucket FROM (
    SELECT bucket, sum(matched_rows) AS matched_rows, sum(output_rows - with_target) AS source_only_rows, sum(output_rows - with_source) AS target_only_rows
    FROM recon_outcome GROUP BY bucket
  ) AS j
  JOIN recon_side_buckets AS c ON c.bucket = j.bucket
  WHERE j.matched_rows <> c.source_rows - j.source_only_rows OR j.matched_rows <> c.target_rows - j.target_only_rows
`);
  const differsFlag = (relation: string, left: string, right: string, name: string) => aliased(`CASE WHEN ${relation}.differs IS NULL OR ${relation}.${left} = ${relation}.${right} THEN 0 ELSE 1 END`, name);
  const keyFlags = (relation: string) => [differsFlag(relation, 'sh', 'th', 'hash_differs'), ...(ignoring ? [differsFlag(relation, 'sr', 'tr', 'raw_differs')] : [])];
  // A dirty bucket's keys that matched cleanly have no group of their own in recon_outcome
  // (o.differs IS NULL): their hashes agree.
  const dirtyKeys = `recon_dirty_keys AS (
  SELECT ${selectList([
    ...keyNames.map((k) => column(k, 'd')),
    column('source_rows', 'd'),
    column('target_rows', 'd'),
    ...keyFlags('o'),
  ], ', ')}
  FROM (
    SELECT ${keyList}, count(in_source) AS source_rows, count(*) - count(in_source) AS target_rows
    FROM recon_side_keys
    WHERE bucket IN (SELECT bucket FROM recon_dirty_buckets)
    GROUP BY ${keyList}
  ) AS d
  LEFT JOIN recon_outcome AS o ON o.differs = 1 AND ${keyNames.map((k) => dialect.nullSafeEquals(`o.${k}`, `d.${k}`)).join(' AND ')}
)`;
  const keyRow = `${keyList}, source_rows, target_rows, hash_differs${ignoring ? ', raw_differs' : ''}`;
  const keys = `recon_keys AS (
  SELECT ${selectList([...keyNames.map((k) => column(k)), aliased('with_source', 'source_rows'), aliased('with_target', 'target_rows'), ...keyFlags('recon_outcome')], ', ')}
  FROM recon_outcome
  WHERE differs = 1 AND bucket NOT IN (SELECT bucket FROM recon_dirty_buckets)
  UNION ALL
  SELECT ${keyRow} FROM recon_dirty_keys
  UNION ALL
  SELECT ${keyRow} FROM recon_heavy_keys
)`;
  return [sideKeys, sideBuckets, totals, keySpread, heavyBuckets, heavyKeys, outcome, dirtyBuckets, dirtyKeys, keys];
}
