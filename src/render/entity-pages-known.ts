/**
 * Entity pages known by their pre-keys (EntityPageSet.preKey): a page whose pre-key's fingerprint is the
 * previous build's, and that names no entity renamed since, has the previous build's fingerprint — the same
 * key, not worked out again (2 s of a 10,000-article rebuild). A page whose roster (the articles it lists)
 * changed is changed for sure: it is rendered without its key or pre-key being worked out, under a
 * fingerprint made of its roster (`unkeyed`). Null leaves the page to its key: a new page, or one whose
 * articles are the same but what one of them shows changed, which may not show on it.
 *
 * A pre-key is itself a pass over every article the page lists: 0.3 s of a rebuild at 10,000 articles and
 * 1.6 s at 50,000, summed over every entity page. So it is not worked out again when nothing it is made from
 * changed: the entity's own inputs (EntityPageSet.ownInputs), recorded per entity; its articles' stamps
 * (what entity pages show of an article), of which a rebuild knows which are new or changed
 * (`restamped`, from the articles' records: src/render/article-pages-known.ts); and the code, by a salt.
 * A pre-key that is worked out takes the stamps of articles whose records are unchanged from the previous
 * build (`stampBefore`) rather than stamping them again: a pre-key of "Pakistan", worked out when an article
 * naming it is added or removed, otherwise stamped thousands of articles (0.7 s at 10,000).
 * Records this build's pre-keys, rosters, entity inputs and names in `manifest`.
 */
import type { KeyFingerprints, PageManifest } from "./page-reuse.ts";
import type { SiteViewSet } from "./views/index.ts";

export function entityPagesKnown(
  pre: SiteViewSet["entityPreKeys"],
  previous: PageManifest,
  manifest: PageManifest,
  options: {
    fingerprints: KeyFingerprints;
    hasPrevious: boolean;
    renamed: ReadonlySet<string>;
    /** The entities listing an article whose stamp changed; null when not known (nothing is carried). */
    restamped: ReadonlySet<string> | null;
    /** An article's stamp as the previous build recorded it, where its record is unchanged. */
    stampBefore: (at: number) => string | undefined;
  },
): {
  known: (at: number) => { permalink: string; csvPath: string | null; fingerprint: string } | null;
  /** How many pre-keys were worked out: the rest were carried. */
  preKeysMade: () => number;
} {
  const { fingerprints, hasPrevious, restamped } = options;
  const touched = pre.touchedBy(options.renamed);
  const preKeys: Record<string, string> = {};
  const entities: Record<string, string> = {};
  manifest.preKeys = preKeys;
  manifest.entities = entities;
  // Salted like a page's fingerprint: new site code or navigation makes every pre-key new.
  manifest.preKeySalt = fingerprints.ofKey("pre-key");
  const carries = hasPrevious && restamped !== null && previous.preKeySalt === manifest.preKeySalt;
  // The same code made the previous stamps: those of unchanged records are this build's.
  if (carries) pre.carryStamps(options.stampBefore);
  let made = 0;
  const known = (at: number) => {
    const { permalink, csvPath } = pre.where(at);
    const entity = pre.entityOf(at);
    entities[entity] ??= pre.ownInputs(at);
    const recorded = previous.preKeys?.[permalink];
    const [preKeyBefore, rosterBefore] = recorded?.split(" ") ?? [];
    const before = previous.pages[permalink];
    if (
      carries &&
      recorded !== undefined &&
      previous.entities?.[entity] === entities[entity] &&
      !restamped?.has(entity)
    ) {
      preKeys[permalink] = recorded;
      return before !== undefined && !touched.has(at) ? { permalink, csvPath, fingerprint: before } : null;
    }
    const roster = pre.roster(at);
    if (hasPrevious && before !== undefined && rosterBefore !== undefined && rosterBefore !== roster) {
      // Its pre-key is not worked out either (for "Pakistan", a pass over thousands of articles): a later build
      // that finds nothing changed carries this entry and keeps the page, and one that works the pre-key out
      // finds it new and works out the key.
      preKeys[permalink] = `${UNKNOWN} ${roster}`;
      return { permalink, csvPath, fingerprint: unkeyed(roster) };
    }
    made++;
    const preKey = fingerprints.ofKey(`pre-key ${pre.preKey(at)}`);
    preKeys[permalink] = `${preKey} ${roster}`;
    if (hasPrevious && before !== undefined && preKeyBefore === preKey && !touched.has(at)) {
      return { permalink, csvPath, fingerprint: before };
    }
    // A page new to the site is keyed all the same: that key tells a later build whether a change to one of
    // its articles shows on it.
    return null;
  };
  return { known, preKeysMade: () => made };
}

/** The pre-key recorded for a page rendered without its key: never a pre-key's fingerprint (a digest). */
const UNKNOWN = "-";

/**
 * The fingerprint of a page rendered without its key, by its roster: never a key's fingerprint (a digest has
 * no space), so a later build that works out the page's key renders it again, while one that carries its
 * pre-key keeps it.
 */
export const unkeyed = (roster: string) => `unkeyed ${roster}`;
