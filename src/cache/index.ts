/**
 * Content-hash cache of extraction results, so a build parses only new or changed seeds.
 *
 * Entries live under `<cacheDir>/<version>/`, one JSON file per seed content hash. The
 * version is a hash of the extractor's own source files and of the knowledge files, so
 * editing a rule or a data file starts a fresh cache by itself: never a stale record.
 * A manifest of the last build's files lets the summary say what was added or removed.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractionCache } from "../ingest/index.ts";
import type { Knowledge } from "../knowledge/index.ts";
import type { TextTermsCache } from "../resolve/index.ts";
import type { ExtractedArticle, Rejected, SeedSource } from "../types.ts";
import { codeVersion } from "../util/code-version.ts";
import { compareStrings } from "../util/group.ts";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * The code whose output is cached (folders and files under src/): a change to any of them
 * invalidates every entry. util/ holds helpers extraction calls (groupBy, slugs); errors.ts
 * and ingest/extract-one.ts decide how a failure becomes a cached rejection.
 */
const EXTRACTOR_CODE = [
  "read",
  "clean",
  "extract",
  "knowledge",
  "util",
  "types.ts",
  "errors.ts",
  "ingest/extract-one.ts",
];

/** Hash of the extractor's code, the record types and the knowledge data. */
export function extractorVersion(knowledge: Knowledge): string {
  return codeVersion(SRC, EXTRACTOR_CODE, knowledge.version);
}

type Entry = ExtractedArticle | Rejected;

export interface ChangeSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export class FileCache implements ExtractionCache {
  private readonly dir: string;
  private readonly manifestFile: string;
  private readonly previous: Map<string, string>;
  private readonly current = new Map<string, string>();

  constructor(cacheDir: string, version: string) {
    this.dir = path.join(cacheDir, version);
    this.manifestFile = path.join(cacheDir, "manifest.json");
    mkdirSync(this.dir, { recursive: true });
    // Older versions are dead weight: their code or data no longer exists.
    for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== version) rmSync(path.join(cacheDir, entry.name), { recursive: true });
    }
    this.previous = new Map(Object.entries(this.readManifest()));
  }

  private readManifest(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(this.manifestFile, "utf8"));
    } catch {
      return {};
    }
  }

  private entryFile(source: SeedSource): string {
    return path.join(this.dir, `${source.sha256}.json`);
  }

  get(source: SeedSource): Entry | undefined {
    this.current.set(source.file, source.sha256);
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(this.entryFile(source), "utf8"));
    } catch {
      return undefined;
    }
    // The entry is keyed by content: the same text under a new name is the same article.
    if ("reason" in entry) return { ...entry, file: source.file };
    return { ...entry, source };
  }

  set(source: SeedSource, entry: Entry): void {
    this.current.set(source.file, source.sha256);
    const file = this.entryFile(source);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, file); // never a half-written entry, even if the build is killed
  }

  /** What changed since the last build; call after ingest. */
  changes(): ChangeSummary {
    const summary = { added: 0, changed: 0, removed: 0, unchanged: 0 };
    for (const [file, sha] of this.current) {
      const before = this.previous.get(file);
      if (before === undefined) summary.added++;
      else if (before === sha) summary.unchanged++;
      else summary.changed++;
    }
    for (const file of this.previous.keys()) if (!this.current.has(file)) summary.removed++;
    return summary;
  }

  /** Records this build's files as the baseline for the next one and drops entries no seed has any more. */
  saveManifest(): void {
    const sorted = Object.fromEntries([...this.current].sort(([a], [b]) => compareStrings(a, b)));
    writeFileSync(this.manifestFile, `${JSON.stringify(sorted, null, 1)}\n`);
    const live = new Set(this.current.values());
    for (const name of readdirSync(this.dir)) {
      if (name.endsWith(".json") && !live.has(name.slice(0, -".json".length))) rmSync(path.join(this.dir, name));
    }
  }
}

/**
 * Articles' words for story grouping (src/resolve/text-terms.ts), kept between builds in one file,
 * `<cacheDir>/text-terms.json`, with the version of the code that made them: a rebuild stems only the
 * new and changed articles' text. Saving keeps only the entries this build asked for.
 */
export class TextTermsFile implements TextTermsCache {
  private readonly file: string;
  private readonly stored: Map<string, string>;
  private readonly used = new Map<string, string>();
  private added = 0;

  constructor(
    cacheDir: string,
    private readonly version: string,
  ) {
    this.file = path.join(cacheDir, "text-terms.json");
    this.stored = new Map();
    try {
      const parsed = JSON.parse(readFileSync(this.file, "utf8")) as {
        version?: string;
        terms?: Record<string, string>;
      };
      if (parsed.version === version && parsed.terms) this.stored = new Map(Object.entries(parsed.terms));
    } catch {
      // none yet, or unreadable: the terms are made again
    }
  }

  get(key: string): string | undefined {
    const value = this.stored.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    this.used.set(key, value);
    this.added++;
  }

  /** Writes the entries this build used, when they differ from the file's. */
  save(): void {
    if (this.added === 0 && this.used.size === this.stored.size) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const terms = Object.fromEntries([...this.used].sort(([a], [b]) => compareStrings(a, b)));
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: this.version, terms }));
    renameSync(temporary, this.file);
  }
}
