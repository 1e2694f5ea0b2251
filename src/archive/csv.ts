/**
 * CSV. `csvRow`: RFC 4180 rows, every field quoted when it holds a comma, quote or line break.
 * `excelCsv`: a whole file a spreadsheet opens as intended — UTF-8 with a byte-order mark (Excel reads
 * the file as UTF-8 only with it), CRLF line ends, and every text cell that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) neutralised with a leading apostrophe
 * (OWASP's "CSV injection" advice). Numbers stay numbers. Used for figures.csv (src/archive/index.ts), the
 * entity pages' and story ledgers' exports (src/render/csv-exports.ts), and — bundled into the search page's
 * script, so this file must not import Node modules — a search's results (src/search/browser/export.ts).
 */

export type CsvCell = string | number | null;

/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break. */
export function csvRow(fields: CsvCell[]): string {
  return fields
    .map((field) => {
      const text = field === null ? "" : String(field);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(",");
}

/** A text cell a spreadsheet would read as a formula gets a leading apostrophe; numbers and other text pass. */
export function neutraliseFormula(cell: CsvCell): CsvCell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The UTF-8 byte-order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** An Excel-safe CSV file: BOM, header row, rows, CRLF after every row, formula cells neutralised. */
export function excelCsv(header: readonly string[], rows: Iterable<CsvCell[]>): string {
  return [...excelCsvPieces(header, rows)].join("");
}

/** Characters of CSV text in each of excelCsvPieces' pieces, about. */
const PIECE_CHARS = 64 * 1024;

/**
 * excelCsv's text in pieces of some kilobytes, for a file written as its rows are made: a whole figures.csv
 * is a string of 58 MB at 50,000 articles, with every row's cells held until it is joined.
 */
export function* excelCsvPieces(header: readonly string[], rows: Iterable<CsvCell[]>): Generator<string> {
  let piece = `${UTF8_BOM}${csvRow(header.map(neutraliseFormula))}\r\n`;
  for (const row of rows) {
    piece += `${csvRow(row.map(neutraliseFormula))}\r\n`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield piece;
}
