/**
 * CSV that Excel opens correctly with Cyrillic text: UTF-8 with a byte-order mark, `;` between
 * cells (what Russian-locale Excel expects on double-click) and CRLF line ends.
 *
 * Quoting (RFC 4180): a cell containing `;`, `"`, CR or LF is wrapped in double quotes and its quotes
 * are doubled.
 *
 * Formula-injection guard: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a CR (or their
 * full-width forms) would be run as a formula by Excel — a learner could name themselves
 * `=HYPERLINK(…)`. Such a cell gets a leading `'`, which Excel shows as text. Numbers are written as
 * they are (they are ours, not the learner's), so only strings are guarded.
 */

/** A value a cell can show; null and undefined become an empty cell. */
export type CsvValue = string | number | null | undefined;

/** One column: its header (already in the reader's language) and how to read its cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** Byte-order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';
/** Cell separator. */
export const SEPARATOR = ';';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** One cell as it appears in the file: guarded against formulas, then quoted if needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The whole file as a string: BOM, a header line, one line per row, each line ended by CRLF.
 * Write it as UTF-8 (see `csvBytes`) or wrap it in a Blob with type `text/csv;charset=utf-8`.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const line = (cells: CsvValue[]) => cells.map(csvCell).join(SEPARATOR) + '\r\n';
  return BOM + line(columns.map((c) => c.header)) + rows.map((row) => line(columns.map((c) => c.value(row)))).join('');
}

/** The file's bytes, UTF-8 (the BOM becomes EF BB BF): what a Blob or a Node test would hold. */
export const csvBytes = (csv: string): Uint8Array => new TextEncoder().encode(csv);
