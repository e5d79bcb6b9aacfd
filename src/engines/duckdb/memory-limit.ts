/**
 * A size DuckDB takes as `memory_limit` (2GB, 512MiB, 1.5 GB). Checked before DuckDB sees it:
 * DuckDB's own refusal only says "Failed to set config".
 */
const MEMORY_SIZE = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

export function isMemorySize(text: string): boolean {
  return MEMORY_SIZE.test(text);
}
