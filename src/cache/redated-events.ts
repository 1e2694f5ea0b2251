/**
 * The event dates of articles dated without a year (src/resolve/infer-years.ts), kept between builds in
 * `<cacheDir>/redated-events.json` with the extractor's version (which reads them): a rebuild reads a story's
 * dates again only for an article whose inferred date is new. Saving keeps only the entries this build used.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RedatedEventsCache } from "../resolve/index.ts";
import type { EventDate } from "../types.ts";
import { compareStrings } from "../util/group.ts";
import { writeEntry } from "./write-entry.ts";

const isEvent = (value: unknown): value is EventDate => {
  const { date, what, text, inferred } = (value ?? {}) as Record<string, unknown>;
  return (
    typeof date === "string" &&
    typeof what === "string" &&
    typeof text === "string" &&
    (inferred === undefined || typeof inferred === "string")
  );
};

export class RedatedEventsFile implements RedatedEventsCache {
  private readonly file: string;
  private stored = new Map<string, EventDate[]>();
  private readonly used = new Map<string, EventDate[]>();
  private added = 0;

  constructor(
    cacheDir: string,
    private readonly version: string,
  ) {
    this.file = path.join(cacheDir, "redated-events.json");
    try {
      const parsed = JSON.parse(readFileSync(this.file, "utf8")) as { version?: unknown; events?: unknown };
      const entries = Object.entries((parsed.events ?? {}) as Record<string, unknown>);
      if (parsed.version === version && entries.every(([, events]) => Array.isArray(events) && events.every(isEvent))) {
        this.stored = new Map(entries as [string, EventDate[]][]);
      }
    } catch {
      // none yet, or unreadable: the events are read from the stories again
    }
  }

  get(key: string): EventDate[] | undefined {
    const events = this.stored.get(key);
    if (events !== undefined) this.used.set(key, events);
    return events;
  }

  set(key: string, events: EventDate[]): void {
    this.used.set(key, events);
    this.added++;
  }

  /** Writes the entries this build used, when they differ from the file's. */
  save(): void {
    if (this.added === 0 && this.used.size === this.stored.size) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const events = Object.fromEntries([...this.used].sort(([a], [b]) => compareStrings(a, b)));
    writeEntry(this.file, JSON.stringify({ version: this.version, events }));
  }
}
