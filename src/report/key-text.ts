/** `date_key=20240131, institution_id=7` — how a key reads in CSV and markdown. */
export function keyText(keyColumns: readonly string[], key: ReadonlyArray<string | null>): string {
  return keyColumns.map((column, i) => `${column}=${key[i] ?? 'NULL'}`).join(', ');
}
