/**
 * The event dates of articles dated without a year (src/resolve/infer-years.ts), kept between builds in
 * `<cacheDir>/redated-events.json` with the extractor's version (which reads them): a rebuild reads a story's
 * dates again only for an article whose inferred date is new.
 */
import type { RedatedEventsCache } from "../resolve/index.ts";
import type { EventDate } from "../types.ts";
import { KeptEntriesFile } from "./kept-entries.ts";

const isEvent = (value: unknown): value is EventDate => {
  const { date, what, text, inferred } = (value ?? {}) as Record<string, unknown>;
  return (
    typeof date === "string" &&
    typeof what === "string" &&
    typeof text === "string" &&
    (inferred === undefined || typeof inferred === "string")
  );
};

const isEvents = (value: unknown): value is EventDate[] => Array.isArray(value) && value.every(isEvent);

export class RedatedEventsFile extends KeptEntriesFile<EventDate[]> implements RedatedEventsCache {
  constructor(cacheDir: string, version: string) {
    super(cacheDir, "redated-events", version, isEvents);
  }
}
