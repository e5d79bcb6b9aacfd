/**
 * Splits `catalog.schema.table` into parts. A part may be quoted with double quotes or backticks
 * (doubling the quote inside) when it contains a dot; the dialect quotes every part again when
 * rendering, so nothing here reaches SQL unescaped.
 */
export function parseTableName(name: string | string[]): { parts: string[] } | { error: string } {
  if (Array.isArray(name)) return name.length >= 1 && name.length <= 3 ? { parts: name } : { error: 'a table name has one to three parts' };
  const parts: string[] = [];
  let i = 0;
  while (i <= name.length) {
    const quote = name[i];
    let part = '';
    if (quote === '"' || quote === '`') {
      let j = i + 1;
      for (;;) {
        if (j >= name.length) return { error: `the quote ${quote} in \`${name}\` is never closed` };
        if (name[j] === quote && name[j + 1] === quote) {
          part += quote;
          j += 2;
        } else if (name[j] === quote) {
          break;
        } else {
          part += name[j];
          j++;
        }
      }
      i = j + 1;
      if (i < name.length && name[i] !== '.') return { error: `unexpected text after the quoted part in \`${name}\`` };
    } else {
      const end = name.indexOf('.', i);
      part = (end === -1 ? name.slice(i) : name.slice(i, end)).trim();
      i = end === -1 ? name.length : end;
    }
    if (part === '') return { error: `\`${name}\` has an empty part` };
    parts.push(part);
    i++;
  }
  if (parts.length > 3) return { error: `\`${name}\` has ${parts.length} parts; a table name has at most three (catalog.schema.table)` };
  return { parts };
}
