/**
 * Extractions kept in memory between the builds of one process: `npm start` rebuilds after every save,
 * and reading, parsing and pooling 10,000 cached extractions again, and collecting what that allocates,
 * took 2–3 s of each rebuild.
 *
 * An entry is kept by the seed's content hash under one extractor version (src/cache: extractorVersion),
 * exactly as the file cache keys it; a build under another version (the code or a knowledge file changed)
 * starts empty. The entries are frozen, all the way down: what a build is handed is a fresh top-level
 * object over them, which it may change, but nothing inside may be changed in place — resolve gives an
 * article a new metadata object rather than editing the extracted one (src/resolve/infer-years.ts) — and
 * a stage that tried would fail loudly rather than leave the next build a changed extraction.
 */
import type { ExtractedArticle, Rejected, SeedSource } from "../types.ts";
import { deepFreeze } from "../util/freeze.ts";
import { sameItems } from "../util/group.ts";
import { StringPool } from "./string-pool.ts";

/**
 * Extractions read per turn of the event loop while warming: 16 ms a turn on average at 10,000 articles
 * (at most 39 ms, a collection included), so the server answers between them.
 */
const WARM_SLICE = 64;

type Extraction = ExtractedArticle | Rejected;

/**
 * The one empty list the kept extractions share for all of theirs: a person mention's roles, parties and
 * variants are mostly empty, 0.3 million lists at 10,000 articles, each an object the collector marks on
 * every collection of a process that keeps them for its life. Frozen, like everything kept.
 */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * One frozen copy of each list of strings the kept extractions hold, by its items: most are a place's,
 * party's or organization's spellings or a person's roles, written alike in thousands of articles
 * (["Balochistan"] 9,976 times at 10,000 articles; 0.4 million such lists were copies of another).
 * Looked up by the first item, which the ingest's string pool has made one string, so no key is built.
 */
class SharedLists {
  private readonly byFirst = new Map<string, (readonly string[])[]>();

  /** The shared copy of `list` (non-empty, strings only): an earlier equal list, or `list` itself, frozen. */
  of(list: string[]): readonly string[] {
    const bucket = this.byFirst.get(list[0]);
    if (bucket === undefined) {
      this.byFirst.set(list[0], [Object.freeze(list)]);
      return list;
    }
    for (const shared of bucket) if (sameItems(shared, list)) return shared;
    bucket.push(Object.freeze(list));
    return list;
  }
}

/** `item` as kept: an empty list as NO_ITEMS, a list of strings as its shared copy; anything else as it is. */
function sharedList(item: unknown, lists: SharedLists): unknown {
  if (!Array.isArray(item) || Object.isFrozen(item)) return item;
  if (item.length === 0) return NO_ITEMS;
  for (const value of item) if (typeof value !== "string") return item;
  return lists.of(item);
}

/** Gives every list inside `value` (not yet frozen) as `sharedList` does. */
function shareLists(value: unknown, lists: SharedLists): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    for (let at = 0; at < value.length; at++) {
      const item = value[at];
      const kept = sharedList(item, lists);
      if (kept !== item) value[at] = kept;
      else shareLists(item, lists);
    }
    return;
  }
  const holder = value as Record<string, unknown>;
  for (const key in holder) {
    const item = holder[key];
    const kept = sharedList(item, lists);
    if (kept !== item) holder[key] = kept;
    else shareLists(item, lists);
  }
}
/** An extraction without its seed, which each build reads afresh. */
type KeptEntry = Omit<ExtractedArticle, "source"> | Omit<Rejected, "file">;

/**
 * An extraction kept by content (here, or in the file cache) as the article of `source`: the same text
 * under a new name is the same article. A new top-level object, which the build may change.
 */
export function withSeed(entry: KeptEntry | Extraction, source: SeedSource): Extraction {
  return "reason" in entry ? { ...entry, file: source.file } : { ...entry, source };
}

export class KeptExtractions {
  private version: string | undefined;
  private entries = new Map<string, KeptEntry>();
  private lists = new SharedLists();
  private warming: Promise<void> = Promise.resolve();

  /** Starts a build under extractor `version`: what was kept under another version is dropped. */
  use(version: string): void {
    if (version === this.version) return;
    this.version = version;
    this.entries = new Map();
    this.lists = new SharedLists();
  }

  /** The extraction of `source`'s content, if kept: a new top-level object carrying `source`. */
  get(source: SeedSource): Extraction | undefined {
    const kept = this.entries.get(source.sha256);
    return kept === undefined ? undefined : withSeed(kept, source);
  }

  /** Whether the extraction of `source`'s content is kept. */
  has(source: SeedSource): boolean {
    return this.entries.has(source.sha256);
  }

  /** Keeps `extraction` (as extracted, before any cross-article inference) and freezes what it holds. */
  keep(source: SeedSource, extraction: Extraction): void {
    const entry: Record<string, unknown> = { ...extraction };
    if ("reason" in extraction) delete entry.file;
    else delete entry.source;
    shareLists(entry, this.lists);
    // This build goes on with `extraction`: with the lists kept, its records are made of what later builds get.
    const built = extraction as unknown as Record<string, unknown>;
    for (const key in entry) if (key in built && built[key] !== entry[key]) built[key] = entry[key];
    this.entries.set(source.sha256, deepFreeze(entry) as KeptEntry);
  }

  /**
   * Fills the store in the background, a slice at a time between other work: for a process whose first build
   * found the site up to date and kept nothing, so that the first save is not the one to read the cache.
   * Stops when a build under another extractor version begins. `load` gives a seed's cached extraction, its
   * strings shared through the `intern` it is given.
   * Warming only saves time: a seed it could not load is read by the next build, as without it.
   */
  warm(sources: SeedSource[], load: (source: SeedSource, intern: <T>(value: T) => T) => Extraction | undefined): void {
    const { version } = this;
    const pool = new StringPool();
    const fill = async () => {
      for (let from = 0; from < sources.length && this.version === version; from += WARM_SLICE) {
        for (const source of sources.slice(from, from + WARM_SLICE)) {
          if (this.entries.has(source.sha256)) continue;
          const loaded = load(source, (value) => pool.intern(value));
          if (loaded) this.keep(source, loaded);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    this.warming = this.warming.then(fill).catch(() => {});
  }

  /** Resolves once the background filling begun so far has ended. */
  warmed(): Promise<void> {
    return this.warming;
  }

  /** Drops the entries of seeds no longer in the folder. */
  retain(sources: SeedSource[]): void {
    const wanted = new Set(sources.map((source) => source.sha256));
    for (const key of this.entries.keys()) if (!wanted.has(key)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
