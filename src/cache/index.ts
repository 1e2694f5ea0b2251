/**
 * Content-hash cache of extraction results, so a build parses only new or changed seeds.
 *
 * Entries live under `<cacheDir>/<version>/`, one JSON file per seed content hash. The
 * version is a hash of the extractor's own source files and of the knowledge files, so
 * editing a rule or a data file starts a fresh cache by itself: never a stale record. An edit
 * to the lists of named things (places, organizations, parties, outlets) keeps the records of
 * the articles that name nothing it changed (src/knowledge/named-lists.ts).
 * A manifest of the last build's files lets the summary say what was added or removed, and `seeds.json`
 * keeps what the read stage made of each file, so the next read knows unchanged files by their stat
 * (src/read/known-seeds.ts).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractionCache } from "../ingest/index.ts";
import { withSeed } from "../ingest/kept.ts";
import { foldForMatching, type Knowledge, type NamedListEntries, namesAffected } from "../knowledge/index.ts";
import type { KnownSeed } from "../read/index.ts";
import type { ExtractedArticle, Rejected, SeedSource } from "../types.ts";
import { codeVersion } from "../util/code-version.ts";
import { compareStrings } from "../util/group.ts";
import { asciiOnly, readCacheText } from "./ascii-json.ts";
import { restoreBodyStretches, withBodyStretches } from "./body-stretches.ts";
import { type ReadAhead, readAhead } from "./read-ahead.ts";
import { writeEntry } from "./write-entry.ts";

export { finishResolveCaches, KeptCaches, openResolveCaches, type ResolveCaches } from "./kept-caches.ts";
export { PlaceLookupsFile } from "./place-lookups.ts";
export type { ReadAhead } from "./read-ahead.ts";
export { RedatedEventsFile } from "./redated-events.ts";
export { StoryPairsFile } from "./story-pairs.ts";
export { TextTermsFile } from "./text-terms.ts";

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

/**
 * What a cache version was made with (kept in it as knowledge.json): the extractor's code and the
 * knowledge but for the named lists, and those lists' entries (src/knowledge/named-lists.ts).
 */
export interface NamedKnowledge {
  base: string;
  entries: NamedListEntries;
}

/** The named knowledge of the extractor's code and `knowledge`, for FileCache. */
export function namedKnowledge(knowledge: Knowledge): NamedKnowledge {
  return { base: codeVersion(SRC, EXTRACTOR_CODE, knowledge.named.base), entries: knowledge.named.entries };
}

const KNOWLEDGE_FILE = "knowledge.json";

/** Entries of an earlier version that stay good for the seeds that write none of `names` (folded). */
interface CarriedOver {
  dir: string;
  names: string[];
}

type Entry = ExtractedArticle | Rejected;
/** Gives a value whose strings are shared with other records' (the ingest's StringPool.intern). */
type Intern = <T>(value: T) => T;

export interface ChangeSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export class FileCache implements ExtractionCache {
  private readonly dir: string;
  private readonly cacheDir: string;
  private readonly manifestFile: string;
  private readonly previous: Map<string, string>;
  private readonly current = new Map<string, string>();

  private readonly carried: CarriedOver | undefined;
  private readonly seedsFile: string;
  private known: ReadonlyMap<string, KnownSeed> | undefined;

  /**
   * `named`: what `version` was made with. A version made with the same base, whose named lists differ,
   * lends its entries to the seeds that write no name the difference acts through (namesAffected):
   * editing places.yaml extracts again the articles naming the places edited, not the archive.
   */
  constructor(cacheDir: string, version: string, named?: NamedKnowledge) {
    this.dir = path.join(cacheDir, version);
    this.cacheDir = cacheDir;
    this.manifestFile = path.join(cacheDir, "manifest.json");
    this.seedsFile = path.join(cacheDir, "seeds.json");
    mkdirSync(this.dir, { recursive: true });
    if (named) writeFileSync(path.join(this.dir, KNOWLEDGE_FILE), JSON.stringify(named));
    for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === version) continue;
      const dir = path.join(cacheDir, entry.name);
      const before = named && !this.carried ? readNamedKnowledge(dir) : undefined;
      if (named && before?.base === named.base) {
        this.carried = { dir, names: namesAffected(before.entries, named.entries) };
        continue; // dropped once this build's site is in place (saveManifest)
      }
      // Older versions are dead weight: their code or data no longer exists.
      rmSync(dir, { recursive: true });
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

  /**
   * Starts reading the entries of `sources`, then every file beside the entries' folder (the resolve's kept
   * files among them: text terms, story pairs, re-dated events, gazetteer answers), ahead of the build's own
   * reads and off the main thread (read-ahead.ts), if there are at least `fewest`. The caller stops it once
   * they are read.
   */
  readAhead(sources: readonly SeedSource[], fewest?: number): ReadAhead {
    const entries = sources.map((source) => this.entryFile(source));
    const kept = readdirSync(this.cacheDir, { withFileTypes: true }).flatMap((entry) =>
      entry.isFile() ? [path.join(this.cacheDir, entry.name)] : [],
    );
    return readAhead([...entries, ...kept.sort()], fewest);
  }

  private entryFile(source: SeedSource): string {
    return path.join(this.dir, entryName(source.sha256));
  }

  get(source: SeedSource, textRead = true, intern: Intern = (value) => value): Entry | undefined {
    this.current.set(source.file, source.sha256);
    const read = readEntryIn(this.dir, source.sha256, intern);
    // An earlier layout's entry is written again in this one, once.
    if (read?.olderFile) writeBestEffort(this.entryFile(source), read.entry, read.olderFile);
    // Carrying an entry over asks the text what it names.
    const entry = read?.entry ?? (textRead ? this.carriedEntry(source, intern) : undefined);
    return entry === undefined ? undefined : withSeed(entry, source);
  }

  /** The earlier version's entry of a seed that names nothing the knowledge edit changed, kept in this version. */
  private carriedEntry(source: SeedSource, intern: Intern): Entry | undefined {
    if (!this.carried) return undefined;
    // The front matter too: its outlet, address or title may name what the body does not.
    const folded = foldForMatching(`${source.text}\n${JSON.stringify(source.frontMatter)}`);
    if (this.carried.names.some((name) => folded.includes(name))) return undefined;
    const read = readEntryIn(this.carried.dir, source.sha256, intern);
    if (read === undefined) return undefined;
    writeEntry(this.entryFile(source), entryText(read.entry));
    return read.entry;
  }

  /** `source`'s entry stays, though this build took its record from memory (src/ingest/kept.ts). */
  touch(source: SeedSource): void {
    this.current.set(source.file, source.sha256);
  }

  set(source: SeedSource, entry: Entry): void {
    this.current.set(source.file, source.sha256);
    writeEntry(this.entryFile(source), entryText(entry));
  }

  /** What the last build's read made of each seed file (`<cacheDir>/seeds.json`; src/read/known-seeds.ts). */
  knownSeeds(): ReadonlyMap<string, KnownSeed> {
    try {
      const parsed = JSON.parse(readFileSync(this.seedsFile, "utf8")) as { seeds?: Record<string, unknown> };
      return new Map(
        Object.entries(parsed.seeds ?? {}).filter((entry): entry is [string, KnownSeed] => isKnownSeed(entry[1])),
      );
    } catch {
      return new Map(); // none yet, or unreadable: every seed is read
    }
  }

  rememberSeeds(known: ReadonlyMap<string, KnownSeed>): void {
    this.known = known;
  }

  /**
   * Keeps `known` for the next read, alone: for a build that found its site up to date, whose read had to
   * hash files whose stat had changed (touched, or copied back) — the next read knows them again.
   */
  saveKnownSeeds(known: ReadonlyMap<string, KnownSeed>): void {
    const seeds = Object.fromEntries([...known].sort(([a], [b]) => compareStrings(a, b)));
    writeEntry(this.seedsFile, JSON.stringify({ seeds }));
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
    if (this.known) this.saveKnownSeeds(this.known);
    const live = new Set(this.current.values());
    for (const name of readdirSync(this.dir)) {
      if (name.endsWith(".json") && name !== KNOWLEDGE_FILE && !live.has(name.slice(0, name.indexOf("."))))
        rmSync(path.join(this.dir, name));
    }
    if (this.carried) rmSync(this.carried.dir, { recursive: true, force: true });
  }
}

/** An entry of seeds.json as the read stage wrote it; anything else is dropped and its file read. */
function isKnownSeed(value: unknown): value is KnownSeed {
  if (value === null || typeof value !== "object") return false;
  const seed = value as Record<string, unknown>;
  return (
    typeof seed.stat === "string" &&
    typeof seed.sha256 === "string" &&
    typeof seed.duplicateKey === "string" &&
    typeof seed.firstLine === "number" &&
    seed.frontMatter !== null &&
    typeof seed.frontMatter === "object"
  );
}

function readNamedKnowledge(dir: string): NamedKnowledge | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, KNOWLEDGE_FILE), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * An entry's file name, by its seed's content hash. The layout's number is in it: an entry of this layout
 * (ASCII, its quotations of its body as stretches of it) must not be read by code from before the layout,
 * which would take a stretch for a sentence, and a file name that code does not ask for is one it cannot
 * read; it extracts the seed again instead.
 */
const entryName = (sha256: string) => `${sha256}.2.json`;
/** The file name the layout before stretches gave an entry (ASCII or UTF-8, every quotation written out). */
const olderEntryName = (sha256: string) => `${sha256}.json`;

/** An entry's file text in this layout. */
const entryText = (entry: Entry) => asciiOnly(JSON.stringify(withBodyStretches(entry)));

/**
 * The entry of the seed whose content hash is `sha256` in the cache folder `dir`, as `parsedEntry` gives it;
 * `olderFile` is where it was read from when that is an earlier layout's file, else null. Undefined when
 * there is none, or none that parses.
 */
function readEntryIn(
  dir: string,
  sha256: string,
  intern: Intern,
): { entry: Entry; olderFile: string | null } | undefined {
  const entry = parsedEntry(path.join(dir, entryName(sha256)), intern);
  if (entry) return { entry, olderFile: null };
  const olderFile = path.join(dir, olderEntryName(sha256));
  const older = parsedEntry(olderFile, intern);
  return older && { entry: older, olderFile };
}

/** The entry in `file`, its strings first given to `intern`, then its quotations made slices of its (interned) body. */
function parsedEntry(file: string, intern: Intern): Entry | undefined {
  try {
    const entry = intern(JSON.parse(readCacheText(file).text) as Entry);
    restoreBodyStretches(entry);
    return entry;
  } catch {
    return undefined; // none, or unreadable
  }
}

/**
 * An earlier layout's entry written again in this one, its old file removed. Only a saving for the next
 * read: a cache folder that cannot be written keeps the entry as it is, which still reads.
 */
function writeBestEffort(file: string, entry: Entry, olderFile: string): void {
  try {
    writeEntry(file, entryText(entry));
    rmSync(olderFile, { force: true });
  } catch {
    // read-only, or full: the next build reads the older file again
  }
}
