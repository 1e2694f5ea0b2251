/**
 * Reuse of archive.json's article lines from one build to the next.
 *
 * An article record is its extraction's text — the body, the discarded lines, each mention's spellings and
 * evidence, each figure's and quote's sentence — laid out with what the resolve stage decided across
 * articles: slugs, the story, dates inferred, and the rest. A record's reuse key is everything but that
 * text, with the seed's hash (`source.sha256`, kept in the key) standing for it: under the same code and
 * knowledge the same seed is extracted to the same text, so equal keys are equal lines. A rebuild then
 * copies each unchanged article's line from the live archive.json instead of serialising it again (190 of
 * archive.json's 270 MB at 10,000 articles), and checks each copied line against the digest recorded for it.
 *
 * The one exception is an article a correction rewrote (a mention's evidence merged into another's, a figure
 * edited: src/resolve/corrections.ts): its text is no longer its extraction's, so it is always serialised and
 * never keyed. That is also why the corrections need not be in the version: Knowledge.version leaves them
 * out (they do not change what is extracted), and no recorded line holds what a correction wrote.
 */
import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleRecord } from "../types.ts";
import { codeVersion } from "../util/code-version.ts";

/** Where a site keeps the reuse keys of its archive.json's article lines, relative to the site folder. */
export const ARCHIVE_LINES = ".news-archive/archive-lines.json";

/** What ARCHIVE_LINES holds. */
export interface ArchiveLines {
  /** The code and knowledge the keys were made under (reuseVersion): under another, none is reused. */
  version: string;
  /** Reuse key → where the record's line is in archive.json (byte offset and length), and its digest. */
  records: Record<string, [offset: number, length: number, digest: string]>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The version reuse keys are made under: all of the code and its dependencies (extraction, resolve and this
 * stage make a record's text) and the knowledge (Knowledge.version).
 */
export function reuseVersion(knowledgeVersion: string): string {
  return codeVersion(ROOT, ["src", "package-lock.json"], knowledgeVersion);
}

/** The reuse key of an article record: its fields but for the text its extraction gives, hashed. */
export function reuseKey(record: ArticleRecord): string {
  const resolved = {
    ...record,
    body: null,
    discarded: null,
    // What the extraction wrote — spellings, evidence, names, roles, a figure's count and sentence — is left
    // out, and the slugs resolved for it kept: in the extraction's order, they say what each is the slug of.
    mentions: record.mentions.map((m) => m.slug),
    peopleDetail: record.peopleDetail.map((p) => [p.slug, p.parties]),
    figures: record.figures.map((f) => f.place),
    quotes: record.quotes.map((q) => q.person),
    // An event's date may be inferred from other articles.
    events: record.events.map((e) => [e.date, e.inferred ?? null]),
  };
  return hash("sha256", JSON.stringify(resolved), "base64url");
}

/** Whether `entry` (read from ARCHIVE_LINES) is an offset, a length and a digest. */
export function isRecordedLine(entry: unknown): entry is ArchiveLines["records"][string] {
  if (!Array.isArray(entry) || entry.length !== 3) return false;
  const [offset, length, digest] = entry;
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return count(offset) && count(length) && typeof digest === "string";
}

/** The article lines of the site in `siteDir`, when they were keyed under `version`; else none. */
export function readArchiveLines(siteDir: string, version: string): ArchiveLines["records"] {
  try {
    const parsed = JSON.parse(readFileSync(path.join(siteDir, ARCHIVE_LINES), "utf8")) as Partial<ArchiveLines>;
    if (parsed.version === version && parsed.records !== null && typeof parsed.records === "object") {
      return parsed.records;
    }
  } catch {
    // no previous site, or none of ours: every line is written afresh
  }
  return {};
}
