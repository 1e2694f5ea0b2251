/**
 * Article pages known unchanged without their keys (src/render/views/article-deps.ts says what a page is
 * made from). Working out every article's key meant finding every article's related list: at 10,000
 * articles 1.3 s of a rebuild, at 50,000 about 8 s, for the handful of pages one new seed changes.
 *
 * Each build records, per article, its record digest, a fingerprint of its page's context (its story's
 * link, salted like every fingerprint with the site's code), where its related-articles gather stopped, its
 * stamp and its related stamp (what other articles' related lists take from it: its summary and its entity
 * keys); per entity, the length of its list of articles; and the search filter's entities. The next build
 * finds the entities a change touched — every entity a new record names, or a changed record whose related
 * stamp changed (a record edited in its body alone is changed for its own page, not for the related lists
 * of the 1,600 articles sharing its places at 10,000 articles), and every entity whose list grew or shrank
 * (which is where a removed article shows) — and keeps an article's previous fingerprint
 * when its record and context are the same and:
 *  - no touched entity of its is one its gather read, before or now. Its entities are taken rarest first
 *    (by list length, ties by key), so a touched entity is read if it sorts no later than the stop, by its
 *    old length or its new one. The untouched entities keep their lists and their order, so the gather
 *    finds the same candidates, each unchanged and sharing as many entities with it as before;
 *  - none of the entities whose names or search-filter marks its page shows changed them.
 * Anything else — a gather that read every entity, a first build, duplicate slugs, a renamed outlet (a
 * related article's entry shows its outlet's name) — leaves the page to its key.
 */
import type { KeyFingerprints, PageManifest } from "./page-reuse.ts";
import type { ArticleDependencies } from "./views/article-deps.ts";

/** Where an article's gather stopped, in the manifest: an entity's key, or this when it read every one. */
const READ_ALL = "*";

export interface KnownArticlePages {
  /** Article `at`'s page by its previous fingerprint; null when its key must be worked out. */
  known(at: number): { permalink: string; csvPath: null; fingerprint: string } | null;
  /** Records in the manifest what the next build checks, once every article page was known or keyed. */
  record(): void;
  /**
   * The entities listing an article whose stamp (what entity pages show of it) is new or changed, and those
   * whose count of mentions changed; null when this build cannot tell (no previous build to compare with).
   */
  restamped(): Set<string> | null;
  /**
   * Article `at`'s stamp as the previous build recorded it, when its record is unchanged (a stamp is made from
   * the record and its outlet's name; a renamed outlet leaves every stamp to be worked out); else undefined.
   */
  stampBefore(at: number): string | undefined;
}

export function articlePagesKnown(
  deps: ArticleDependencies,
  count: number,
  previous: PageManifest,
  manifest: PageManifest,
  options: { fingerprints: KeyFingerprints; hasPrevious: boolean; renamed: ReadonlySet<string> },
): KnownArticlePages {
  const lengths = deps.postingLengths();
  const contextOf = (at: number) => options.fingerprints.ofKey(`article context ${deps.context(at)}`);
  /** The previous entries of the articles known by them, which still hold. */
  const carried = new Map<number, string>();
  const record = () => {
    const articles: Record<string, string> = {};
    for (let at = 0; at < count; at++) {
      const kept = carried.get(at);
      const stop = deps.stopKey(at);
      // Every article is either known or keyed, and keying one finds its related list; one that was
      // neither would be left out, and the next build would work out its key.
      if (kept !== undefined) articles[deps.slug(at)] = kept;
      else if (stop !== undefined)
        articles[deps.slug(at)] =
          `${deps.digest(at)} ${contextOf(at)} ${stop ?? READ_ALL} ${deps.stamp(at)} ${deps.relatedStamp(at)}`;
    }
    manifest.articles = articles;
    manifest.postingLengths = Object.fromEntries(lengths);
    manifest.filterKeys = [...deps.filterKeys];
  };

  const before = previous.articles;
  const lengthsBefore = previous.postingLengths;
  const filterKeysBefore = previous.filterKeys;
  if (
    !options.hasPrevious ||
    before === undefined ||
    lengthsBefore === undefined ||
    filterKeysBefore === undefined ||
    !deps.slugsUnique ||
    [...options.renamed].some((key) => key.startsWith("outlet:"))
  )
    return { known: () => null, record, restamped: () => null, stampBefore: () => undefined };

  const entries = Array.from({ length: count }, (_, at) => {
    const entry: unknown = before[deps.slug(at)];
    if (typeof entry !== "string") return undefined;
    const [digest, context, stop, stamp, related] = entry.split(" ");
    return { entry, digest, context, stop, stamp, related };
  });
  // The articles whose records are new or changed, and the entities touched: those of a changed article that
  // other pages see changed (an edit to its body alone leaves its related stamp, and its entities, as they were).
  const changed = new Uint8Array(count);
  const touched = new Set<string>();
  for (let at = 0; at < count; at++) {
    const entry = entries[at];
    if (entry?.digest === deps.digest(at)) continue;
    changed[at] = 1;
    if (entry?.related !== undefined && entry.related === deps.relatedStamp(at)) continue;
    for (const key of deps.keysOf(at)) touched.add(key);
  }
  const recounted = [...lengths.keys()].filter((key) => lengthsBefore[key] !== lengths.get(key));
  for (const key of recounted) touched.add(key);

  /** Whether a gather that stopped at `stop` reads `key`, by the lengths `lengthOf` gives. */
  const reads = (stop: string, key: string, lengthOf: (key: string) => number | undefined): boolean => {
    const length = lengthOf(key);
    const stopLength = lengthOf(stop);
    if (length === undefined || stopLength === undefined) return true;
    return length < stopLength || (length === stopLength && key <= stop);
  };
  const stale = new Uint8Array(count);
  for (const key of touched) {
    for (const at of deps.articlesNaming(key)) {
      if (changed[at] || stale[at]) continue;
      const stop = entries[at]?.stop;
      if (
        stop === undefined ||
        stop === READ_ALL ||
        reads(stop, key, (k) => lengthsBefore[k]) ||
        reads(stop, key, (k) => lengths.get(k))
      )
        stale[at] = 1;
    }
  }
  // The entities whose names or search-filter marks changed, and the pages that show them.
  const shown = new Set(options.renamed);
  const unfiltered = new Set(filterKeysBefore);
  for (const key of deps.filterKeys) if (!unfiltered.delete(key)) shown.add(key);
  for (const key of unfiltered) shown.add(key);
  if (shown.size > 0) {
    for (let at = 0; at < count; at++) if (deps.namedKeys(at).some((key) => shown.has(key))) stale[at] = 1;
  }

  return {
    known: (at) => {
      const entry = entries[at];
      const permalink = deps.permalink(at);
      const fingerprint = previous.pages[permalink];
      if (changed[at] || stale[at] || entry === undefined || fingerprint === undefined) return null;
      if (entry.context !== contextOf(at)) return null;
      carried.set(at, entry.entry);
      return { permalink, csvPath: null, fingerprint };
    },
    record,
    stampBefore: (at) => (changed[at] ? undefined : entries[at]?.stamp),
    restamped: () => {
      // An article whose record is unchanged has the stamp it had (its stamp is made from its record). An
      // entity that lost an article is among those whose count changed, whether or not its record lists it.
      const entities = new Set(recounted);
      for (let at = 0; at < count; at++) {
        if (changed[at] && entries[at]?.stamp !== deps.stamp(at))
          for (const key of deps.listedOn(at)) entities.add(key);
      }
      return entities;
    },
  };
}
