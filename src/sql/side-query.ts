import type { SideConfig } from '../config/recon-config.js';
import type { Dialect } from './dialect.js';

/**
 * A side's rows as one SELECT. Config filters are raw SQL by design (the config field says so);
 * each is wrapped in parentheses inside a WHERE of our own SELECT, never spliced into other
 * clauses, and was checked to be a single read-only condition when the config was loaded.
 * `generatedCondition` is SQL we build ourselves (key sampling).
 */
export function sideQuery(dialect: Dialect, side: SideConfig, sharedFilter?: string, generatedCondition?: string): string {
  const filters = [side.filter, sharedFilter, generatedCondition].filter((filter): filter is string => Boolean(filter));
  const where = filters.length > 0 ? `\nWHERE ${filters.map((filter) => `(${filter})`).join('\n  AND ')}` : '';
  return `SELECT * FROM ${dialect.relation(side)} AS recon_base${where}`;
}
