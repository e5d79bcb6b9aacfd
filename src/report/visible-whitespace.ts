/**
 * Whitespace a reader must see in a sample: `"Bob␠"` and `"Bob"` render alike otherwise, and a
 * trailing-space or CHAR-padding difference looks like no difference at all. Leading and trailing
 * spaces, tabs and no-break spaces (and line breaks at the ends) become the Unicode control pictures, and the value
 * is quoted so its ends show; a value without such whitespace is left as it is.
 */
const PICTURES: Record<string, string> = { ' ': '␠', '\t': '␉', '\n': '␤', '\r': '␍', '\u00a0': '⍽' };
// Line breaks inside a value stay line breaks (a <br> in a table cell); at its ends they are pictured.
const EDGE_OR_CONTROL = /^[ \t\n\r\u00a0]|[ \t\n\r\u00a0]$|[\t\u00a0]/;

export function hasHiddenWhitespace(value: string): boolean {
  return EDGE_OR_CONTROL.test(value);
}

export function visibleWhitespace(value: string): string {
  if (!hasHiddenWhitespace(value)) return value;
  const leading = /^[ \t\n\r\u00a0]*/.exec(value)![0];
  const trailing = value.length > leading.length ? /[ \t\n\r\u00a0]*$/.exec(value)![0] : '';
  const middle = value.slice(leading.length, value.length - trailing.length).replace(/[\t\u00a0]/g, (char) => PICTURES[char]!);
  const picture = (run: string) => [...run].map((char) => PICTURES[char]!).join('');
  return `"${picture(leading)}${middle}${picture(trailing)}"`;
}
