/**
 * One item of a select list, as data: a column (optionally of a relation), every column of a
 * relation, or an expression with its alias. Statement builders keep their select lists as
 * these and render them last, so the name a result column is read back by is a field, never
 * something recovered from generated SQL.
 */
export type SelectItem =
  /** `from.name`, read back as `name`. */
  | { kind: 'column'; name: string; from?: string }
  /** `from.*`. */
  | { kind: 'all'; from: string }
  /** `sql AS alias`; `alias` is identifier text as the SQL shows it (generated names need no quotes). */
  | { kind: 'expression'; sql: string; alias: string };

/** An item a later select or the reader can name. */
export type NamedSelectItem = Exclude<SelectItem, { kind: 'all' }>;

export function column(name: string, from?: string): NamedSelectItem {
  return { kind: 'column', name, from };
}

export function allOf(from: string): SelectItem {
  return { kind: 'all', from };
}

export function aliased(sql: string, alias: string): NamedSelectItem {
  return { kind: 'expression', sql, alias };
}

/** The name the engine returns the item's values under. */
export function outputName(item: NamedSelectItem): string {
  return item.kind === 'column' ? item.name : item.alias;
}

/** The item's values by its name, in a later select: what `outputName` names. */
export function passThrough(item: NamedSelectItem): NamedSelectItem {
  return column(outputName(item));
}

export function renderSelectItem(item: SelectItem): string {
  switch (item.kind) {
    case 'column': return item.from ? `${item.from}.${item.name}` : item.name;
    case 'all': return `${item.from}.*`;
    case 'expression': return `${item.sql} AS ${item.alias}`;
  }
}

/** The items as a select list; `separator` keeps the statement's layout (`,\n    ` by default). */
export function selectList(items: readonly SelectItem[], separator = ',\n    '): string {
  return items.map(renderSelectItem).join(separator);
}
