/**
 * Spreadsheet programs run a cell that starts with =, +, -, @ (or a tab or carriage return
 * before one) as a formula: a hostile value in the data could then exfiltrate the sheet.
 * Such text gets a leading apostrophe; plain numbers such as -1.5 are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
