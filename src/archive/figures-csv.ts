/**
 * figures.csv: a row per figure of every article, Excel-safe (BOM, CRLF, formula cells neutralised:
 * src/archive/csv.ts).
 *
 * An article's rows are its record's fields (its slug, date, outlet, story and figures) and each figure's role in
 * its story's ledger. A rebuild knows an unchanged record by its digest without serialising it
 * (src/archive/record-reuse.ts), so it takes that article's rows from the previous site's file, as bytes, where
 * the site recorded them (FIGURES_RECORD), and makes rows only for the articles that changed: the file is 58 MB
 * at 50,000 articles, made again row by row for every build before.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive, ArticleRecord } from "../types.ts";
import { type CsvCell, csvRow, excelCsvHeader, excelCsvPieces, excelCsvRow, neutraliseFormula } from "./csv.ts";

export const FIGURES_FILE = "figures.csv";

/** Where a site records where each article's rows are in its figures.csv, relative to the site folder. */
export const FIGURES_RECORD = ".news-archive/figures-rows.json";

/** What FIGURES_RECORD holds. */
interface FiguresRecord {
  /** The code and knowledge the record digests were made under (reuseVersion): under another, nothing is taken. */
  version: string;
  /** An article's rows key (rowsKey) → where its rows are in the file: their first byte and their length. */
  rows: Record<string, [start: number, length: number]>;
}

const FIGURE_COLUMNS = [
  "article",
  "date",
  "outlet",
  "value",
  "qualifier",
  "what",
  "category",
  "outcome",
  "period",
  "place",
  "story",
  "role",
  "line",
  "text",
] as const;

/** Each figure's role in its story's ledger, by article slug and figure number: a total, or a part of a larger count. */
function ledgerRoles(archive: Archive): (article: string, figure: number) => string {
  const roleOf = new Map<string, string>();
  for (const story of archive.stories)
    for (const line of story.figures) for (const c of line.claims) roleOf.set(`${c.article}\u0000${c.figure}`, c.role);
  return (article, figure) => roleOf.get(`${article}\u0000${figure}`) ?? "total";
}

function articleRows(article: ArticleRecord, roleOf: (article: string, figure: number) => string): CsvCell[][] {
  return article.figures.map((f, index) => [
    article.slug,
    article.date,
    article.outlet,
    f.value,
    f.qualifier,
    f.what,
    f.category,
    f.outcome,
    f.period,
    f.place,
    article.story,
    roleOf(article.slug, index),
    f.line,
    f.text,
  ]);
}

/** figures.csv's text, in pieces made as they are written. */
export function figuresCsv(archive: Archive): Iterable<string> {
  const roleOf = ledgerRoles(archive);
  function* rows(): Generator<CsvCell[]> {
    for (const article of archive.articles) yield* articleRows(article, roleOf);
  }
  return excelCsvPieces(FIGURE_COLUMNS, rows());
}

/** The previous site's figures.csv and where its articles' rows are, if recorded under `version`. */
function previousRows(previousDir: string, version: string): { bytes: Buffer; record: FiguresRecord } | undefined {
  try {
    const record = JSON.parse(readFileSync(path.join(previousDir, FIGURES_RECORD), "utf8")) as FiguresRecord;
    if (record.version !== version || typeof record.rows !== "object" || record.rows === null) return undefined;
    return { bytes: readFileSync(path.join(previousDir, FIGURES_FILE)), record };
  } catch {
    return undefined; // no previous site, or not one of ours: every row is made
  }
}

/**
 * The rows the previous file holds under `key`, if the record says where, and they look like that article's
 * rows (they start with its slug's cell and end a row): a file replaced by hand is not cut wrong.
 */
function keptRows(kept: { bytes: Buffer; record: FiguresRecord }, key: string, slug: string): Buffer | undefined {
  const where = kept.record.rows[key];
  if (!Array.isArray(where)) return undefined;
  const [start, length] = where;
  const first = Buffer.from(`${csvRow([neutraliseFormula(slug)])},`);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length <= first.length)
    return undefined;
  if (start + length > kept.bytes.length) return undefined;
  const rows = kept.bytes.subarray(start, start + length);
  const rowEnd = rows[length - 2] === 13 && rows[length - 1] === 10;
  return rowEnd && rows.subarray(0, first.length).equals(first) ? rows : undefined;
}

/** Pieces of about this many bytes are written at a time. */
const PIECE_BYTES = 1 << 20;

/**
 * Writes figures.csv into `outDir`. With `reuse`, also where each article's rows are in it, by their key under
 * `reuse.version`; and an article whose record digest (`digestOf`) and ledger roles are those the site in
 * `reuse.previousDir` recorded has its rows taken from that site's file.
 */
export async function writeFiguresCsv(
  archive: Archive,
  outDir: string,
  digestOf: (article: ArticleRecord) => string | undefined,
  reuse?: { version: string; previousDir: string | undefined },
): Promise<void> {
  const roleOf = ledgerRoles(archive);
  const kept = reuse?.previousDir ? previousRows(reuse.previousDir, reuse.version) : undefined;
  const record: FiguresRecord = { version: reuse?.version ?? "", rows: {} };
  function* pieces(): Generator<Buffer> {
    let pending: Buffer[] = [Buffer.from(excelCsvHeader(FIGURE_COLUMNS))];
    let pendingBytes = pending[0].length;
    let at = pendingBytes;
    for (const article of archive.articles) {
      if (article.figures.length === 0) continue;
      const digest = reuse && digestOf(article);
      const key = digest && `${digest} ${article.figures.map((_, index) => roleOf(article.slug, index)).join(",")}`;
      const rows =
        (key && kept && keptRows(kept, key, article.slug)) ||
        Buffer.from(articleRows(article, roleOf).map(excelCsvRow).join(""));
      if (key) record.rows[key] = [at, rows.length];
      at += rows.length;
      pending.push(rows);
      pendingBytes += rows.length;
      if (pendingBytes >= PIECE_BYTES) {
        yield Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
      }
    }
    yield Buffer.concat(pending);
  }
  await writeFile(path.join(outDir, FIGURES_FILE), pieces());
  if (!reuse) return;
  await mkdir(path.dirname(path.join(outDir, FIGURES_RECORD)), { recursive: true });
  await writeFile(path.join(outDir, FIGURES_RECORD), `${JSON.stringify(record)}\n`);
}
