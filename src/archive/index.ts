/**
 * Stage 5, archive: the resolved archive as files other tools can read — every record, in the documented
 * shape, as JSON Lines files that `archive.json` lists (src/archive/record-files.ts), and `figures.csv` (one
 * row per figure, Excel-safe: src/archive/figures-csv.ts).
 */
import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { reusePage } from "../render/page-reuse.ts";
import type { PersonSources } from "../resolve/index.ts";
import { ARCHIVE } from "../settings.ts";
import type { Archive, ArticleRecord, PersonRecord, StoryRecord } from "../types.ts";
import { FIGURES_FILE, figuresCsvDigest, writeFiguresCsv } from "./figures-csv.ts";
import { RECORD_LISTS, type RecordList, recordFile, recordFolder, recordRuns } from "./record-files.ts";
import {
  ARCHIVE_RECORDS,
  personReuseKey,
  type RecordedArchive,
  readRecordedArchive,
  reuseKey,
  reuseVersion,
  storyReuseKey,
} from "./record-reuse.ts";

export { figuresCsv } from "./figures-csv.ts";

/**
 * A digest of each record of the archive (every article, entity and story: each element of its lists), by
 * the record itself: equal digests, equal records. The render stage keys pages on them (src/render), so a
 * page is not built again when none of the records it is made from changed.
 */
export type RecordDigests = WeakMap<object, string>;

/** The digest of a record's line in its JSON Lines file: the SHA-256 of its UTF-8 bytes. */
const digestOf = (line: string) => hash("sha256", line, "base64url");

/** A record's digest worked out from the record, as writeArchiveFiles records it. */
export const recordDigest = (record: object): string => digestOf(JSON.stringify(record));

/** The digests writeArchiveFiles records, for an archive that is not written (the render stage's tests). */
export function recordDigests(archive: Archive): RecordDigests {
  const digests: RecordDigests = new WeakMap();
  for (const value of Object.values(archive)) {
    if (!Array.isArray(value)) continue;
    // Lists of strings (unmatchedCorrections) have no records to digest.
    for (const record of value) if (typeof record === "object") digests.set(record, recordDigest(record));
  }
  return digests;
}

/** What archive.json says of a list of records: how many, and the files holding them in order. */
export interface RecordListEntry {
  records: number;
  files: string[];
}

/**
 * archive.json: each list of records as its files (RecordListEntry), the archive's other fields as they are;
 * one field per line, in the archive's order.
 */
export type ArchiveIndex = Record<RecordList, RecordListEntry> & Omit<Archive, RecordList>;

const isRecordList = (name: string): name is RecordList => (RECORD_LISTS as readonly string[]).includes(name);

/**
 * The record files' layout, in each file's digest: a file whose records are unchanged is kept only if it is
 * laid out as this code would lay it out (a record per line, each line ending in a line break).
 */
const FILE_LAYOUT = "json-lines-1";

export interface ArchiveWriteOptions {
  /**
   * The live site this archive replaces: its record files whose records are unchanged are kept (or linked
   * from it, outside an overlay), and its unchanged article lines' digests known by their reuse key
   * (src/archive/record-reuse.ts). Needs `knowledgeVersion`.
   */
  previousDir?: string;
  /** The build's Knowledge.version, which reuse keys are made under; without it nothing is reused or keyed. */
  knowledgeVersion?: string;
  /** Article records the user's corrections rewrote (ResolveOptions.rewritten): always serialised. */
  rewritten?: ReadonlySet<ArticleRecord>;
  /** The mentions each person record is made of (ResolveOptions.personSources): a person without is serialised. */
  personSources?: PersonSources;
}

/**
 * Writes the record files, archive.json and figures.csv, and what the next build may reuse of them; returns
 * the digest of each record, for the render stage.
 */
export async function writeArchiveFiles(
  archive: Archive,
  outDir: string,
  options: ArchiveWriteOptions = {},
): Promise<RecordDigests> {
  const version = options.knowledgeVersion === undefined ? null : reuseVersion(options.knowledgeVersion);
  const previousDir = version === null ? undefined : options.previousDir;
  const written: { digests: RecordDigests; recorded: RecordedArchive } = {
    digests: new WeakMap(),
    recorded: { version: version ?? "", lines: {}, files: {} },
  };
  const reuse: Reuse = {
    version,
    previousDir,
    previous: previousDir ? readRecordedArchive(previousDir, version as string) : { lines: {}, files: {} },
    keyOf: version === null ? () => null : reuseKeys(archive, options, written.digests),
  };
  const writes = new Writes(ARCHIVE.writesInFlight);
  const index: Record<string, unknown> = {};
  try {
    for (const [name, value] of Object.entries(archive)) {
      index[name] = isRecordList(name)
        ? await writeRecordList(name, value as Archive[RecordList], outDir, reuse, written, writes)
        : value;
    }
    await writes.done();
  } catch (error) {
    // The writes under way finish before the caller removes the folder.
    await writes.settled();
    throw error;
  }
  await writeFile(path.join(outDir, "archive.json"), indexText(index));
  const figures = figuresCsvDigest(archive, (story) => written.digests.get(story));
  written.recorded.files[FIGURES_FILE] = figures;
  if (version !== null) {
    await mkdir(path.dirname(path.join(outDir, ARCHIVE_RECORDS)), { recursive: true });
    await writeFile(path.join(outDir, ARCHIVE_RECORDS), `${JSON.stringify(written.recorded)}\n`);
  }
  const keptFigures =
    previousDir !== undefined &&
    reuse.previous.files[FIGURES_FILE] === figures &&
    (await reusePage(previousDir, outDir, FIGURES_FILE));
  if (!keptFigures) await writeFiguresCsv(archive, outDir);
  return written.digests;
}

/** What a build may reuse of the previous one's archive files. */
interface Reuse {
  /** reuseVersion; null when nothing is reused or keyed. */
  version: string | null;
  previousDir: string | undefined;
  previous: Omit<RecordedArchive, "version">;
  /** A record's reuse key, or null for a record that is always serialised. */
  keyOf: (list: RecordList, record: object) => string | null;
}

/**
 * The reuse keys: of the articles but those corrections rewrote; and, once the articles' digests are known (the
 * articles are the archive's first list), of the stories, and of the people the resolve gave the sources of.
 * Any other record is serialised.
 */
function reuseKeys(archive: Archive, options: ArchiveWriteOptions, digests: RecordDigests): Reuse["keyOf"] {
  const { rewritten, personSources } = options;
  let stories: { articleBySlug: Map<string, ArticleRecord>; kindOf: Map<string, string> } | undefined;
  return (list, record) => {
    if (list === "articles") return rewritten?.has(record as ArticleRecord) ? null : reuseKey(record as ArticleRecord);
    if (list === "stories") {
      stories ??= {
        articleBySlug: new Map(archive.articles.map((a) => [a.slug, a])),
        kindOf: new Map(archive.places.map((p) => [p.slug, p.kind])),
      };
      return storyReuseKey(record as StoryRecord, stories.articleBySlug, digests, stories.kindOf);
    }
    const sources = list === "people" ? personSources?.get(record as PersonRecord) : undefined;
    return sources === undefined ? null : personReuseKey(record as PersonRecord, sources, archive.articles, digests);
  };
}

/**
 * Writes one list's record files, but for those whose records are unchanged (kept, or linked from the
 * previous site), and returns its entry of archive.json. Fills in each record's digest, and what the next
 * build may reuse.
 */
async function writeRecordList(
  list: RecordList,
  records: readonly { slug: string }[],
  outDir: string,
  reuse: Reuse,
  written: { digests: RecordDigests; recorded: RecordedArchive },
  writes: Writes,
): Promise<RecordListEntry> {
  const { digests, recorded } = written;
  const files: string[] = [];
  if (records.length > 0) await mkdir(path.join(outDir, recordFolder(list)), { recursive: true });
  for (const run of recordRuns(records)) {
    const file = recordFile(list, run[0].slug);
    files.push(file);
    // Each record's line and digest; an unchanged keyed record's line is not made unless its file is written.
    const lines: (string | null)[] = [];
    for (const record of run) {
      const key = reuse.keyOf(list, record);
      const known = key === null ? undefined : reuse.previous.lines[key];
      const line = known === undefined ? JSON.stringify(record) : null;
      const digest = known ?? digestOf(line as string);
      digests.set(record, digest);
      if (key !== null) recorded.lines[key] = digest;
      lines.push(line);
    }
    const digest = hash("sha256", [FILE_LAYOUT, ...run.map((record) => digests.get(record))].join("\n"), "base64url");
    recorded.files[file] = digest;
    const { previousDir } = reuse;
    if (previousDir && reuse.previous.files[file] === digest && (await reusePage(previousDir, outDir, file))) continue;
    const text = lines.map((line, at) => `${line ?? JSON.stringify(run[at])}\n`).join("");
    await writes.add(writeFile(path.join(outDir, file), text));
  }
  return { records: records.length, files };
}

/** archive.json's text: one field per line, so comparing two archives' indexes shows what changed. */
function indexText(index: Record<string, unknown>): string {
  const fields = Object.entries(index).map(([name, value]) => ` ${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  return `{\n${fields.join(",\n")}\n}\n`;
}

/**
 * Files being written, at most `limit` at once: the main thread lays out the next file while the thread
 * pool writes the last ones, and holds no more than `limit` files' text. A failed write is thrown by the
 * next `add` or by `done`.
 */
class Writes {
  private readonly pending = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  async add(write: Promise<void>): Promise<void> {
    const settled: Promise<void> = write
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.pending.delete(settled));
    this.pending.add(settled);
    while (this.pending.size >= this.limit) await Promise.race(this.pending);
    if (this.failure) throw this.failure.error;
  }

  async done(): Promise<void> {
    await this.settled();
    if (this.failure) throw this.failure.error;
  }

  /** Once every write under way has finished or failed. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/**
 * The archive a site's archive.json and record files hold, read back whole (the build of an archive that
 * is up to date, and tests). A file that cannot be read or parsed throws, naming it.
 */
export function readArchive(siteDir: string): Archive {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(siteDir, file), "utf8");
    } catch (error) {
      throw new Error(`${path.join(siteDir, file)}: cannot be read (${(error as Error).message})`);
    }
  };
  const parse = (text: string, file: string, line = 1) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`${path.join(siteDir, file)}:${line}: not JSON (${(error as Error).message})`);
    }
  };
  const index = parse(read("archive.json"), "archive.json") as Record<string, unknown>;
  const archive: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(index)) {
    if (!isRecordList(name)) {
      archive[name] = value;
      continue;
    }
    const records: unknown[] = [];
    for (const file of (value as RecordListEntry).files) {
      const lines = read(file).split("\n");
      lines.pop(); // the text after the last line break: nothing
      for (const [at, line] of lines.entries()) records.push(parse(line, file, at + 1));
    }
    archive[name] = records;
  }
  return archive as unknown as Archive;
}
