/**
 * Stage 5, archive: the resolved archive as files other tools can read —
 * `archive.json` (every record, in the documented shape) and `figures.csv` (one row per figure,
 * Excel-safe: src/archive/csv.ts).
 */
import { hash } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive, ArticleRecord } from "../types.ts";
import { BufferedFile } from "./buffered-file.ts";
import { type CsvCell, excelCsv } from "./csv.ts";
import {
  ARCHIVE_LINES,
  type ArchiveLines,
  isRecordedLine,
  readArchiveLines,
  reuseKey,
  reuseVersion,
} from "./record-reuse.ts";

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

/** The digest of a record's line in archive.json: the SHA-256 of its UTF-8 bytes. */
const digestOf = (line: string | Uint8Array) => hash("sha256", line, "base64url");

/** The digests writeArchiveFiles records, for an archive that is not written (the render stage's tests). */
export function recordDigests(archive: Archive): RecordDigests {
  const digests: RecordDigests = new WeakMap();
  for (const value of Object.values(archive)) {
    if (!Array.isArray(value)) continue;
    // Lists of strings (unmatchedCorrections) have no records to digest.
    for (const record of value) if (typeof record === "object") digests.set(record, digestOf(JSON.stringify(record)));
  }
  return digests;
}

/** A piece of archive.json: text, or a record (an element of the list `list`) written as one line of JSON. */
type ArchiveJsonPiece = { text: string } | { record: unknown; list: string };

/**
 * archive.json's layout: the archive's fields one per line, each list's records one per line — a record's
 * change is a line's change when two archives are compared, and writing it needs no re-indenting of each
 * record's text. (At 50,000 articles the file is longer than a JavaScript string may be, so it is laid out
 * piece by piece.)
 */
function* archiveJsonPieces(archive: Archive): Generator<ArchiveJsonPiece> {
  yield { text: "{" };
  for (const [at, [name, value]] of Object.entries(archive).entries()) {
    yield { text: `${at > 0 ? "," : ""}\n ${JSON.stringify(name)}: ` };
    if (!Array.isArray(value) || value.length === 0) {
      yield { text: JSON.stringify(value) };
      continue;
    }
    yield { text: "[" };
    for (const [i, record] of value.entries()) {
      yield { text: `${i > 0 ? "," : ""}\n  ` };
      yield { record, list: name };
    }
    yield { text: "\n ]" };
  }
  yield { text: "\n}\n" };
}

/** archive.json's text, for an archive small enough to be one string (tests). */
export function archiveJsonText(archive: Archive): string {
  const pieces: string[] = [];
  for (const piece of archiveJsonPieces(archive))
    pieces.push("text" in piece ? piece.text : JSON.stringify(piece.record));
  return pieces.join("");
}

export interface ArchiveWriteOptions {
  /**
   * The live site this archive replaces: the article lines of its archive.json whose reuse key is unchanged
   * are copied from it (src/archive/record-reuse.ts). Needs `knowledgeVersion`.
   */
  previousDir?: string;
  /** The build's Knowledge.version, which reuse keys are made under; without it nothing is reused or keyed. */
  knowledgeVersion?: string;
  /** Article records the user's corrections rewrote (ResolveOptions.rewritten): always serialised. */
  rewritten?: ReadonlySet<ArticleRecord>;
}

/**
 * A line that cannot be copied as recorded: the previous archive.json was changed, shortened or removed since
 * its lines were recorded. The file is then written afresh.
 */
class StaleLineError extends Error {}

/** What `read` reads of the previous archive.json or its recorded lines; whatever fails there is a stale line. */
function orStale<T>(read: () => T): T {
  try {
    return read();
  } catch {
    throw new StaleLineError();
  }
}

/**
 * Writes archive.json and figures.csv, and the reuse keys of archive.json's article lines for the next build;
 * returns the digest of each record, for the render stage.
 */
export async function writeArchiveFiles(
  archive: Archive,
  outDir: string,
  options: ArchiveWriteOptions = {},
): Promise<RecordDigests> {
  const version = options.knowledgeVersion === undefined ? null : reuseVersion(options.knowledgeVersion);
  const previous = version && options.previousDir ? readArchiveLines(options.previousDir, version) : {};
  const target = path.join(outDir, "archive.json");
  let written: { digests: RecordDigests; lines: ArchiveLines["records"] };
  try {
    written = await writeArchiveJson(archive, target, { ...options, version, previous });
  } catch (error) {
    if (!(error instanceof StaleLineError)) throw error;
    written = await writeArchiveJson(archive, target, { ...options, version, previous: {} });
  }
  if (version) {
    const lines: ArchiveLines = { version, records: written.lines };
    await mkdir(path.dirname(path.join(outDir, ARCHIVE_LINES)), { recursive: true });
    await writeFile(path.join(outDir, ARCHIVE_LINES), `${JSON.stringify(lines)}\n`);
  }
  await writeFile(path.join(outDir, "figures.csv"), figuresCsv(archive));
  return written.digests;
}

/**
 * archive.json written through BufferedFile's buffers: each line is encoded once, into a buffer, and hashed
 * there (at 10,000 articles, encoding 270 MB into a buffer per record cost more than serialising it), while
 * full buffers are written off the main thread. An article line whose reuse key is in `previous` is copied
 * from the previous archive.json instead, and checked.
 */
async function writeArchiveJson(
  archive: Archive,
  file: string,
  options: ArchiveWriteOptions & { version: string | null; previous: ArchiveLines["records"] },
): Promise<{ digests: RecordDigests; lines: ArchiveLines["records"] }> {
  const digests: RecordDigests = new WeakMap();
  const lines: ArchiveLines["records"] = {};
  const reusing = Object.keys(options.previous).length > 0;
  const from = reusing ? orStale(() => openSync(path.join(options.previousDir as string, "archive.json"), "r")) : null;
  const out = new BufferedFile(openSync(file, "w"));
  try {
    for (const piece of archiveJsonPieces(archive)) {
      // Writes finish only while this loop waits: it waits when too many are under way (a slow disk).
      if (out.mustWait()) await out.writeDone();
      if ("text" in piece) {
        out.text(piece.text);
        continue;
      }
      const { record, list } = piece;
      const keyed = list === "articles" && options.version && !options.rewritten?.has(record as ArticleRecord);
      const key = keyed ? reuseKey(record as ArticleRecord) : null;
      const offset = out.offset;
      const kept = key === null ? undefined : options.previous[key];
      let length: number;
      let digest: string;
      if (kept !== undefined && from !== null) {
        // An entry of a hand-edited or broken archive-lines.json is a stale line too.
        if (!isRecordedLine(kept)) throw new StaleLineError();
        const [at, bytes, recorded] = kept;
        const copy = orStale(() => out.copy(from, at, bytes));
        if (digestOf(copy) !== recorded) throw new StaleLineError();
        length = bytes;
        digest = recorded;
      } else {
        const bytes = out.text(JSON.stringify(record));
        length = bytes.length;
        digest = digestOf(bytes);
      }
      if (typeof record === "object" && record !== null) digests.set(record, digest);
      if (key !== null) lines[key] = [offset, length, digest];
    }
  } catch (error) {
    // The writes under way finish before the caller writes the file afresh, or gives up.
    await out.abandon();
    throw error;
  } finally {
    if (from !== null) closeSync(from);
  }
  await out.close();
  return { digests, lines };
}
