/** One sheet of the workbook as a table: a styled header, painted cells, widths from the content. */
import type ExcelJS from 'exceljs';
import type { ShownStatus } from '../results/statuses.js';
import { type CellContent, textCell } from './excel-cell-values.js';

/** Excel's own Good / Neutral / Bad styles, and a dark red for a pair that could not run. */
const STATUS_STYLE: Record<ShownStatus, { fill: string; font: string }> = {
  WAIVED: { fill: 'FFDDEBF7', font: 'FF1F4E79' },
  PASS: { fill: 'FFC6EFCE', font: 'FF006100' },
  WARN: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  FAIL: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  ERROR: { fill: 'FF9C0006', font: 'FFFFFFFF' },
};

const HEADER_FILL = 'FFD9E1F2';
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

export type Cell = CellContent & { status?: ShownStatus; bold?: boolean };
type Row = Cell[];



/** Named, so that a font set for bold or colour does not fall back to the viewer's serif default. */
const FONT = { name: 'Calibri', size: 11 } as const;

function paint(cell: ExcelJS.Cell, content: Cell): void {
  cell.value = content.value;
  if (content.numFmt) cell.numFmt = content.numFmt;
  // Text indented by one step, so it does not touch a right-aligned number in the column before.
  cell.alignment = content.alignRight ? { horizontal: 'right' } : typeof content.value === 'string' ? { horizontal: 'left', indent: 1 } : {};
  if (content.isNull) cell.font = { ...FONT, italic: true, color: { argb: 'FF808080' } };
  if (content.bold) cell.font = { ...FONT, bold: true };
  if (content.status) {
    const style = STATUS_STYLE[content.status];
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
    cell.font = { ...FONT, bold: true, color: { argb: style.font } };
  }
}

function displayLength(content: Cell): number {
  if (content.value === null) return 0;
  // Right-aligned numbers run into left-aligned text in the next column without a margin.
  if (typeof content.value === 'number') return Math.max(String(content.value).length, content.numFmt?.length ?? 0) + 4;
  return Math.max(...String(content.value).split('\n').map((line) => line.length)) + 1;
}

export class SheetWriter {
  private widths: number[] = [];
  private next = 1;
  private table: { headerRow: number; columns: number } | undefined;

  constructor(readonly sheet: ExcelJS.Worksheet) {}

  get nextRow(): number {
    return this.next;
  }

  row(cells: Row, options: { measure?: boolean; rowNumber?: number } = {}): number {
    const rowNumber = options.rowNumber ?? this.next;
    this.next = Math.max(this.next, rowNumber + 1);
    const row = this.sheet.getRow(rowNumber);
    cells.forEach((content, i) => {
      paint(row.getCell(i + 1), content);
      if (options.measure !== false) this.widths[i] = Math.max(this.widths[i] ?? 0, displayLength(content));
    });
    return rowNumber;
  }

  /**
   * The sheet's one table header (an Excel sheet has one auto-filter): frozen so it stays in
   * view, with the auto-filter over the header and every row under it (set in finish()).
   * Header names can come from configs (key and column names): formula-safe like any text.
   */
  header(names: string[]): number {
    const rowNumber = this.row(names.map((name) => ({ ...textCell(name), bold: true })));
    const row = this.sheet.getRow(rowNumber);
    names.forEach((_, i) => {
      const cell = row.getCell(i + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      cell.border = { bottom: { style: 'thin' } };
    });
    // ySplit n freezes rows 1..n: through the header row, not the row above it.
    this.sheet.views = [{ state: 'frozen', ySplit: rowNumber, topLeftCell: `A${rowNumber + 1}` }];
    this.table = { headerRow: rowNumber, columns: names.length };
    return rowNumber;
  }

  /** One cell, so that it spills over the empty cells to its right however narrow column A is. */
  title(value: string, note?: string): void {
    const rowNumber = this.row([textCell(note ? `${value}: ${note}` : value)], { measure: false });
    this.sheet.getRow(rowNumber).getCell(1).font = { ...FONT, bold: true, size: 12 };
  }

  blank(): void {
    this.next += 1;
  }

  finish(): void {
    if (this.table) {
      // The whole table, not only the header: LibreOffice filters exactly the range it is given.
      this.sheet.autoFilter = { from: { row: this.table.headerRow, column: 1 }, to: { row: Math.max(this.table.headerRow, this.next - 1), column: this.table.columns } };
    }
    this.widths.forEach((width, i) => {
      this.sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
    });
  }
}

