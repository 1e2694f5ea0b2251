/**
 * Indexes over the Archive, built once per render so every view is linear in the archive instead of
 * scanning all articles for each article or entity: articles in page order, each article's entity keys,
 * which articles mention each entity, and a rank for every name in `byName` order.
 */
import type { Archive, ArticleRecord } from "../../types.ts";
import type { EntityKind } from "../../urls.ts";
import { byDateDesc, byName, ENTITY_LISTS } from "./lookup.ts";

export interface ArchiveGraph {
  /** The articles newest first (byDateDesc, stable); an article's position here is its number below. */
  sorted: ArticleRecord[];
  /** entityKeysOf(sorted[i]) (src/render/views/lookup.ts), as entity numbers (duplicates kept): views of `keyIds`. */
  keys: Int32Array[];
  /**
   * Every article's entity numbers end to end, article i's from keyStart[i] to keyStart[i + 1]: a loop over
   * many articles' keys reads one array instead of an array per article (related articles count shared
   * entities over 200 candidates each: the 10,000 articles' related lists took 1.06–1.39 s, now 0.86 s).
   */
  keyIds: Int32Array;
  keyStart: Int32Array;
  /** The key ("kind:slug") of each entity number. */
  keyName: string[];
  /** Kind and slug of each entity number; kindOf.length is the number of entities. */
  kindOf: EntityKind[];
  slugOf: string[];
  /** Entity number of a key, or undefined when no article names it. */
  keyId: Map<string, number>;
  /** Article numbers naming each entity number, ascending, once per occurrence in entityKeysOf. */
  postings: number[][];
  /** Article numbers of each slug (a slug is normally unique). */
  bySlug: Map<string, number[]>;
  /** Article numbers of each outlet slug, ascending. */
  byOutlet: Map<string, number[]>;
  /** Rank of a name in byName order: compare ranks instead of collating strings. */
  nameRank(name: string): number;
}

export function buildGraph(archive: Archive, names: string[]): ArchiveGraph {
  const sorted = [...archive.articles].sort(byDateDesc);
  const keyId = new Map<string, number>();
  const kindOf: EntityKind[] = [];
  const slugOf: string[] = [];
  const keyName: string[] = [];
  const postings: number[][] = [];
  const bySlug = new Map<string, number[]>();
  const byOutlet = new Map<string, number[]>();
  const ids: number[] = [];
  const keyStart = new Int32Array(sorted.length + 1);
  // By kind and slug, not by key: a key made for each mention was 1.5 million strings at 50,000 articles,
  // each hashed anew (0.75 s of every render), where a slug is the record's own string, hashed once.
  const idOf = new Map(ENTITY_LISTS.map(([kind]) => [kind, new Map<string, number>()]));
  sorted.forEach((article, index) => {
    // In entityKeysOf's order: people, parties, organizations, places.
    for (const [kind, list] of ENTITY_LISTS) {
      const ofKind = idOf.get(kind) as Map<string, number>;
      for (const slug of article[list]) {
        let id = ofKind.get(slug);
        if (id === undefined) {
          id = kindOf.length;
          ofKind.set(slug, id);
          const key = `${kind}:${slug}`;
          keyId.set(key, id);
          keyName.push(key);
          kindOf.push(kind);
          slugOf.push(slug);
          postings.push([]);
        }
        ids.push(id);
        postings[id].push(index);
      }
    }
    keyStart[index + 1] = ids.length;
    const same = bySlug.get(article.slug);
    if (same) same.push(index);
    else bySlug.set(article.slug, [index]);
    if (article.outletSlug !== null) {
      const outlet = byOutlet.get(article.outletSlug);
      if (outlet) outlet.push(index);
      else byOutlet.set(article.outletSlug, [index]);
    }
  });
  const keyIds = Int32Array.from(ids);
  const keys = sorted.map((_, index) => keyIds.subarray(keyStart[index], keyStart[index + 1]));

  const ranks = nameRanks(names);
  const nameRank = (name: string): number => {
    const rank = ranks.get(name);
    if (rank === undefined) throw new Error(`archive graph: name "${name}" was not ranked`);
    return rank;
  };
  return { sorted, keys, keyIds, keyStart, keyName, kindOf, slugOf, keyId, postings, bySlug, byOutlet, nameRank };
}

/** The last build's ranks: `npm start`'s next save nearly always ranks the same names. */
let lastRanks: Map<string, number> | undefined;

/**
 * Each distinct name's rank in byName order. Collating 20,000 names was 0.07 s of every build; the ranks
 * are a function of the set of names alone, so the last build's serve when the set is the same.
 */
function nameRanks(names: string[]): Map<string, number> {
  const distinct = new Set(names);
  const last = lastRanks;
  if (last?.size === distinct.size && [...distinct].every((name) => last.has(name))) return last;
  const sorted = [...distinct].sort((a, b) => byName({ name: a }, { name: b }));
  lastRanks = new Map(sorted.map((name, rank) => [name, rank]));
  return lastRanks;
}
