/**
 * A cache file of answers the resolve works out from one article or one name and would work out again the
 * same way (`<cacheDir>/<name>.json`), kept between builds under the version of what worked them out. A
 * build reads it whole, asks it by key, and saves only the entries it asked for or added, so answers no build
 * needs any more drop out. A file of another version, or with an entry that is not of the expected shape, is
 * read as empty: the answers are worked out again.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { compareStrings } from "../util/group.ts";
import { asciiOnly, readCacheText } from "./ascii-json.ts";
import { writeEntry } from "./write-entry.ts";

export class KeptEntriesFile<T> {
  private readonly file: string;
  private stored = new Map<string, T>();
  private used = new Map<string, T>();
  private added = 0;

  constructor(
    cacheDir: string,
    name: string,
    private readonly version: string,
    isEntry: (value: unknown) => value is T,
  ) {
    this.file = path.join(cacheDir, `${name}.json`);
    try {
      const parsed = JSON.parse(readCacheText(this.file).text) as { version?: unknown; entries?: unknown };
      const entries = Object.entries((parsed.entries ?? {}) as Record<string, unknown>);
      if (parsed.version === version && entries.every(([, value]) => isEntry(value)))
        this.stored = new Map(entries as [string, T][]);
    } catch {
      // none yet, or unreadable: every answer is worked out again
    }
  }

  get(key: string): T | undefined {
    const value = this.stored.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.used.set(key, value);
    this.added++;
  }

  /** Writes the entries this build asked for or added, when they differ from the file's. */
  save(): void {
    this.finish()();
  }

  /**
   * Ends a build's use of the cache: it then holds what its file holds once written (the entries the build asked
   * for or added), for a next build of the same process to ask without reading the file
   * (src/cache/kept-caches.ts). Returns the writing of the file: nothing when its entries are the file's.
   */
  finish(): () => void {
    const unchanged = this.added === 0 && this.used.size === this.stored.size;
    const entries = this.used;
    this.stored = entries;
    this.used = new Map();
    this.added = 0;
    if (unchanged) return () => {};
    return () => {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const sorted = Object.fromEntries([...entries].sort(([a], [b]) => compareStrings(a, b)));
      writeEntry(this.file, asciiOnly(JSON.stringify({ version: this.version, entries: sorted })));
    };
  }
}
