/**
 * Stage 5, archive: the resolved archive as files other tools can read —
 * `archive.json` (every record, in the documented shape) and `figures.csv` (one row per figure,
 * Excel-safe: src/archive/csv.ts).
 */
import { hash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Archive } from "../types.ts";
import { type CsvCell, excelCsv } from "./csv.ts";

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

/** figures.csv: a row per figure of every article, Excel-safe (BOM, CRLF, formula cells neutralised). */
export function figuresCsv(archive: Archive): string {
  const rows: CsvCell[][] = [];
  // A figure's role in its story's ledger: a total, or a part of a larger count.
  const roleOf = new Map<string, string>();
  for (const story of archive.stories)
    for (const line of story.figures) for (const c of line.claims) roleOf.set(`${c.article}\u0000${c.figure}`, c.role);
  for (const article of archive.articles) {
    for (const [index, f] of article.figures.entries()) {
      rows.push([
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
        roleOf.get(`${article.slug}\u0000${index}`) ?? "total",
        f.line,
        f.text,
      ]);
    }
  }
  return excelCsv(FIGURE_COLUMNS, rows);
}

/**
 * A digest of each record of the archive (every article, entity and story: each element of its lists), by
 * the record itself: equal digests, equal records. The render stage keys pages on them (src/render), so a
 * page is not built again when none of the records it is made from changed.
 */
export type RecordDigests = WeakMap<object, string>;

/**
 * A record's text in archive.json (one line), encoded once: the digest and the file take the same bytes
 * (hashing the string and writing it would encode 270 MB twice at 10,000 articles).
 */
function recordBytes(record: unknown, digests?: RecordDigests): Buffer {
  const bytes = Buffer.from(JSON.stringify(record));
  // Lists of strings (unmatchedCorrections) have no records to digest.
  if (digests && typeof record === "object" && record !== null) {
    digests.set(record, hash("sha256", bytes, "base64url"));
  }
  return bytes;
}

/** The digests archiveJsonPieces records, for an archive that is not written (the render stage's tests). */
export function recordDigests(archive: Archive): RecordDigests {
  const digests: RecordDigests = new WeakMap();
  for (const value of Object.values(archive)) {
    if (Array.isArray(value)) for (const record of value) recordBytes(record, digests);
  }
  return digests;
}

/**
 * The bytes of archive.json, a piece at a time (at 50,000 articles it is longer than a JavaScript string may
 * be): the archive's fields one per line, each list's records one per line — a record's change is a line's
 * change when two archives are compared, and writing it needs no re-indenting of each record's text. Each
 * record's digest goes into `digests`.
 */
export function* archiveJsonPieces(archive: Archive, digests?: RecordDigests): Generator<Buffer> {
  const fields = Object.entries(archive);
  const text = (piece: string) => Buffer.from(piece);
  yield text("{");
  for (const [at, [name, value]] of fields.entries()) {
    yield text(`${at > 0 ? "," : ""}\n ${JSON.stringify(name)}: `);
    if (!Array.isArray(value) || value.length === 0) {
      yield text(JSON.stringify(value));
      continue;
    }
    yield text("[");
    for (const [i, record] of value.entries()) {
      yield text(`${i > 0 ? "," : ""}\n  `);
      yield recordBytes(record, digests);
    }
    yield text("\n ]");
  }
  yield text("\n}\n");
}

/** Pieces joined into writes of about a megabyte, for a file stream. */
function* joined(pieces: Iterable<Buffer>, size = 1 << 20): Generator<Buffer> {
  let buffer: Buffer[] = [];
  let length = 0;
  for (const piece of pieces) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield Buffer.concat(buffer, length);
      buffer = [];
      length = 0;
    }
  }
  if (buffer.length > 0) yield Buffer.concat(buffer, length);
}

/** Writes archive.json and figures.csv; returns the digest of each record, for the render stage. */
export async function writeArchiveFiles(archive: Archive, outDir: string): Promise<RecordDigests> {
  const digests: RecordDigests = new WeakMap();
  await pipeline(
    Readable.from(joined(archiveJsonPieces(archive, digests))),
    createWriteStream(path.join(outDir, "archive.json")),
  );
  await writeFile(path.join(outDir, "figures.csv"), figuresCsv(archive));
  return digests;
}
