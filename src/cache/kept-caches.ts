/**
 * The resolve's cache files — the articles' words, the story pairs, the re-dated events and the gazetteer's
 * answers — kept in memory between the builds of one process (`npm start`), and written while it waits.
 *
 * A build reads each of these files whole and writes it whole again: at 50,000 articles the text terms alone are
 * 86 MB of JSON, read and written on every save (1.5 s of each, and the collector's work of the strings). A
 * cache that a build of this process finished with already holds what its file holds once written (`finish`),
 * so the next build takes it as it is rather than reading the file. The writing is left to `flush`, which
 * `npm start` calls once the page has its reload; the next build flushes first, so every file holds its
 * build's entries before another build changes them. Each file is a cache of what the same texts and knowledge
 * give, checked entry by entry, so one left unwritten (the process stopped first) is only older, never wrong.
 */
import path from "node:path";
import { PlaceLookupsFile } from "./place-lookups.ts";
import { RedatedEventsFile } from "./redated-events.ts";
import { StoryPairsFile } from "./story-pairs.ts";
import { TextTermsFile } from "./text-terms.ts";

/** The resolve's caches of one build. */
export interface ResolveCaches {
  textTerms: TextTermsFile;
  redatedEvents: RedatedEventsFile;
  placeLookups: PlaceLookupsFile;
  storyPairs: StoryPairsFile;
}

/** The versions of the code and knowledge the resolve's caches are kept under. */
export interface ResolveCacheVersions {
  /** The extractor's and the knowledge's (the re-dated events and the gazetteer's answers). */
  extractor: string;
  textTerms: string;
  storyPairs: string;
}

/** The resolve's caches in `cacheDir`, read from their files. */
export function openResolveCaches(cacheDir: string, versions: ResolveCacheVersions): ResolveCaches {
  return {
    textTerms: new TextTermsFile(cacheDir, versions.textTerms),
    redatedEvents: new RedatedEventsFile(cacheDir, versions.extractor),
    placeLookups: new PlaceLookupsFile(cacheDir, versions.extractor),
    storyPairs: new StoryPairsFile(cacheDir, versions.storyPairs),
  };
}

/** Ends a build's use of `caches` (each `finish`), and returns the writing of their files. */
export function finishResolveCaches(caches: ResolveCaches): () => void {
  const writes = Object.values(caches).map((cache) => cache.finish());
  return () => {
    for (const write of writes) write();
  };
}

/** The resolve's caches kept from one build of a process to the next (`npm start`). */
export class KeptCaches {
  private held: { key: string; caches: ResolveCaches } | undefined;
  private unwritten: (() => void) | undefined;

  /**
   * The resolve's caches for a build: the ones the last build finished, when kept for the same folder and
   * versions; else read from the files. Writes first what the last build left unwritten.
   */
  open(cacheDir: string, versions: ResolveCacheVersions): ResolveCaches {
    this.flush();
    const key = JSON.stringify([path.resolve(cacheDir), versions.extractor, versions.textTerms, versions.storyPairs]);
    if (this.held?.key !== key) this.held = { key, caches: openResolveCaches(cacheDir, versions) };
    return this.held.caches;
  }

  /** Ends a build's use of the caches (finishResolveCaches); their files are written by the next `flush`. */
  finish(caches: ResolveCaches): void {
    this.unwritten = finishResolveCaches(caches);
  }

  /** Writes the files the last build left unwritten (once: a file that cannot be written is left as it was). */
  flush(): void {
    const write = this.unwritten;
    this.unwritten = undefined;
    write?.();
  }
}
