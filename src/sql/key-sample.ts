import type { BoundPair } from '../plan/bound-pair.js';
import type { Dialect } from './dialect.js';
import { normalizedValue } from './ignored-differences.js';

/** Sampling granularity: percentages down to 0.01 % select whole buckets. */
const BUCKETS = 10_000;

/**
 * The condition that keeps a deterministic share of the keys: a hash of the key, in the common
 * key types, modulo 10,000. Both sides compute the same hash for the same key, so a key kept on
 * one side is kept on the other (not random sampling, which would report every unsampled
 * counterpart as missing). Undefined when the pair compares every key.
 */
export function keySampleCondition(dialect: Dialect, bound: BoundPair, role: 'source' | 'target'): string | undefined {
  const percent = bound.pair.samplePercent;
  if (percent === undefined || percent >= 100 || bound.keys.length === 0) return undefined;
  const keyHash = dialect.rowHash(bound.keys.map((key) => ({ expression: normalizedValue(dialect, key.ignore, dialect.cast(dialect.quoteIdentifier(key[role].name), key[role].type, key.common)), type: key.common })));
  return `${dialect.hashBucket(keyHash, BUCKETS)} < ${Math.round(percent * (BUCKETS / 100))}`;
}
