/** Name and URL of every entity by kind and slug, so views can turn slugs into links. */
import type { Archive, ArticleRecord } from "../../types.ts";
import { type EntityKind, entityUrl } from "../../urls.ts";
import { compareStrings } from "../../util/group.ts";

export interface LinkView {
  name: string;
  url: string;
}

export interface EntityRef extends LinkView {
  kind: EntityKind;
  slug: string;
}

export interface Lookup {
  entity(kind: EntityKind, slug: string): EntityRef;
}

type Refs = Record<EntityKind, Map<string, EntityRef>>;

/**
 * The last lookup's references. A reference is a function of its kind, slug and name, so the next build's
 * lookup gives the same object for an entity with the same name: `npm start` makes the 20,000 references of a
 * 10,000-article archive, each with its address, once rather than on every save, and the list entries kept
 * between saves (views/articles.ts) find their outlet the same object.
 */
let lastRefs: Refs | undefined;

export function buildLookup(archive: Archive): Lookup {
  const byKind: Record<EntityKind, Map<string, string>> = {
    person: new Map(archive.people.map((e) => [e.slug, e.name])),
    party: new Map(archive.parties.map((e) => [e.slug, e.abbr ? `${e.name} (${e.abbr})` : e.name])),
    organization: new Map(archive.organizations.map((e) => [e.slug, e.name])),
    place: new Map(archive.places.map((e) => [e.slug, e.name])),
    outlet: new Map(archive.outlets.map((e) => [e.slug, e.name])),
  };
  // One shared reference per entity: views hold hundreds of thousands of them at 50,000 articles. By kind,
  // then slug: views look entities up millions of times, and a joined key would be a new string each time.
  const refs: Refs = {
    person: new Map(),
    party: new Map(),
    organization: new Map(),
    place: new Map(),
    outlet: new Map(),
  };
  const kept = lastRefs;
  lastRefs = refs;
  return {
    entity(kind, slug) {
      let ref = refs[kind].get(slug);
      if (ref) return ref;
      const name = byKind[kind].get(slug);
      // A dangling slug is a pipeline bug; failing here names it instead of rendering a dead link.
      if (name === undefined) throw new Error(`archive: ${kind} "${slug}" is referenced but not listed`);
      const last = kept?.[kind].get(slug);
      ref = last?.name === name ? last : Object.freeze({ kind, slug, name, url: entityUrl(kind, slug) });
      refs[kind].set(slug, ref);
      return ref;
    },
  };
}

/** The kinds of entity an article mentions (outlet not included), each with its list of slugs, in order. */
export const ENTITY_LISTS = [
  ["person", "people"],
  ["party", "parties"],
  ["organization", "organizations"],
  ["place", "places"],
] as const satisfies readonly (readonly [EntityKind, keyof ArticleRecord])[];

/** The entities an article mentions (outlet not included), as kind-qualified keys, in ENTITY_LISTS' order. */
export function entityKeysOf(article: ArticleRecord): string[] {
  return ENTITY_LISTS.flatMap(([kind, list]) => article[list].map((slug) => `${kind}:${slug}`));
}

export function splitKey(key: string): { kind: EntityKind; slug: string } {
  const at = key.indexOf(":");
  return { kind: key.slice(0, at) as EntityKind, slug: key.slice(at + 1) };
}

/** The collator of `a.localeCompare(b, "en", { sensitivity: "base" })`, built once instead of per comparison. */
const nameCollator = new Intl.Collator("en", { sensitivity: "base" });

/** Explicit, locale-independent name order so output never depends on the machine's locale. */
export function byName(a: { name: string }, b: { name: string }): number {
  return nameCollator.compare(a.name, b.name) || compareStrings(a.name, b.name);
}

/** Newest first; undated articles last; ties by slug so the order is total. */
export function byDateDesc(a: { date: string | null; slug: string }, b: { date: string | null; slug: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compareStrings(b.date, a.date);
  }
  return compareStrings(a.slug, b.slug);
}
