import type { ExportFile } from './exportFiles';

/** A cell of a report table: text, a count, or nothing. */
export type ReportCell = string | number | null;

/** A titled table of a report, as the page shows it and the exports write it. */
export interface ReportTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly ReportCell[])[];
}

/** Excel reads a CSV as UTF-8 only when it starts with this byte order mark; without it, Chinese turns to mojibake. */
const UTF8_BOM = '\uFEFF';
/** Excel and RFC 4180 end lines with CRLF. */
const CSV_LINE_END = '\r\n';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel refuses a sheet name longer than 31 characters or holding any of these. */
const MAX_SHEET_NAME_CHARS = 31;
const UNSAFE_IN_SHEET_NAME = /[\\/?*[\]:]/g;
/** A cell starting like a formula is written as text, so that a name such as "=HYPERLINK(…)" never runs in Excel. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: ReportCell): string {
  if (cell === null) {
    return '';
  }
  if (typeof cell === 'number') {
    return String(cell);
  }
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly ReportCell[]): string {
  return cells.map(csvCell).join(',') + CSV_LINE_END;
}

/**
 * The tables as one CSV text: each under its title, a blank line between them; UTF-8 with a BOM
 * and CRLF line ends, so that Excel opens it with the Chinese intact.
 */
export function reportCsv(tables: readonly ReportTable[]): string {
  const blocks = tables.map(
    (table) => csvLine([table.title]) + csvLine(table.header) + table.rows.map(csvLine).join(''),
  );
  return UTF8_BOM + blocks.join(CSV_LINE_END);
}

export function reportCsvFile(stem: string, tables: readonly ReportTable[]): ExportFile {
  return { name: `${stem}.csv`, blob: new Blob([reportCsv(tables)], { type: 'text/csv;charset=utf-8' }) };
}

function sheetName(title: string, index: number, taken: Set<string>): string {
  const base = title.replace(UNSAFE_IN_SHEET_NAME, '_').slice(0, MAX_SHEET_NAME_CHARS) || `Sheet${index + 1}`;
  const name = taken.has(base) ? `${base.slice(0, MAX_SHEET_NAME_CHARS - 3)}_${index + 1}` : base;
  taken.add(name);
  return name;
}

/**
 * The tables as an .xlsx workbook, one sheet each with a bold, frozen header. write-excel-file is
 * loaded only now, from the app's own bundle, so that the pages that never export do not carry it.
 */
export async function reportXlsxFile(stem: string, tables: readonly ReportTable[]): Promise<ExportFile> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const taken = new Set<string>();
  const sheets = tables.map((table, index) => ({
    sheet: sheetName(table.title, index, taken),
    stickyRowsCount: 1,
    columns: table.header.map((_, column) => ({ width: column === 0 ? 28 : 12 })),
    data: [
      table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((value) => (value === null ? null : { value }))),
    ],
  }));
  const blob = await writeXlsxFile(sheets).toBlob();
  return { name: `${stem}.xlsx`, blob: new Blob([blob], { type: XLSX_TYPE }) };
}
