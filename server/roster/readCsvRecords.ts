import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** One record of a CSV file and the physical line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export type CsvReadResult =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

const CR = 0x0d;
const LF = 0x0a;

/**
 * Offsets where each physical line starts, counting CRLF, CR and LF as one break each. Lines are
 * counted here rather than taken from the parser, whose count drifts on CRLF inside quotes.
 */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === CR && bytes[i + 1] === LF) {
      i += 1;
    }
    if (byte === CR || byte === LF) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 1-based line holding `offset`. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low + 1;
}

/** The line of the first character after `offset` that is not a line break. */
function lineOfNextRecord(bytes: Uint8Array, starts: readonly number[], offset: number): number {
  let position = offset;
  while (position < bytes.length && (bytes[position] === CR || bytes[position] === LF)) {
    position += 1;
  }
  return lineAt(starts, position);
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed: add the missing closing quote (")';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quote (") is out of place: put the whole cell in quotes and double each quote inside it ("")';
    default:
      return `the line is not valid CSV (${error.message})`;
  }
}

/**
 * Reads every record of a CSV text (quoted cells, line breaks inside quotes, LF or CRLF),
 * skipping empty lines, with the line each record starts on. A malformed file yields the line of
 * the first record that could not be read.
 */
export function readCsvRecords(text: string): CsvReadResult {
  const bytes = Buffer.from(text, 'utf8');
  const starts = lineStarts(bytes);
  const records: CsvRecord[] = [];
  // The parser reports the byte offset at which each record ends; the next one starts after it.
  let recordStart = 0;
  try {
    parse(bytes, {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (cells: string[], context) => {
        records.push({ line: lineOfNextRecord(bytes, starts, recordStart), cells });
        recordStart = context.bytes;
        return null;
      },
    });
  } catch (thrown) {
    if (thrown instanceof CsvError) {
      return { ok: false, line: lineOfNextRecord(bytes, starts, recordStart), message: describeCsvError(thrown) };
    }
    throw thrown;
  }
  return { ok: true, records };
}
