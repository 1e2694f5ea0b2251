/**
 * Which entities are values of the search page's filters (person, party, organization, place).
 *
 * Pagefind counts every value of every filter on every search, and its filter pane lists them all. At
 * 10,000 articles the people alone were 18,000 values: each search took 2 s and the pane was a list no
 * one could use. So each kind offers the SEARCH_FILTER_VALUES entities named by the most articles (ties
 * by key, so the choice is deterministic); every other entity is still found by full-text search and
 * lists all its articles on its own page. Outlet and year are not capped: they stay few.
 */
import { PAGES } from "../../settings.ts";
import type { Archive } from "../../types.ts";
import { compareStrings } from "../../util/group.ts";
import type { ArchiveGraph } from "./graph.ts";
import { entityKeysOf, splitKey } from "./lookup.ts";

export const SEARCH_FILTER_VALUES = PAGES.searchFilterValues;

/** The search filters: the article pages' data-pagefind-filter names. */
export const SEARCH_FILTERS = ["outlet", "year", "person", "party", "organization", "place"] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/**
 * Kind-qualified keys ("person:slug") of the entities that are filter values. Given the archive's graph, the
 * articles naming each entity are counted from its postings rather than from every article's keys made again
 * (0.6 s of a 50,000-article rebuild).
 */
export function searchFilterKeys(archive: Archive, perKind = SEARCH_FILTER_VALUES, graph?: ArchiveGraph): Set<string> {
  const articleCounts = graph ? countsInGraph(graph) : countsInArticles(archive);
  const ranked = [...articleCounts].sort(([a, m], [b, n]) => n - m || compareStrings(a, b));
  const takenPerKind = new Map<string, number>();
  const chosen = new Set<string>();
  for (const [key] of ranked) {
    const { kind } = splitKey(key);
    const taken = takenPerKind.get(kind) ?? 0;
    if (taken >= perKind) continue;
    takenPerKind.set(kind, taken + 1);
    chosen.add(key);
  }
  return chosen;
}

/** How many articles name each entity, from every article's entity keys. */
function countsInArticles(archive: Archive): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of archive.articles) {
    for (const key of new Set(entityKeysOf(article))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** How many articles name each entity: its postings (ascending, once per mention) counted once per article. */
function countsInGraph({ keyName, postings }: ArchiveGraph): Map<string, number> {
  const counts = new Map<string, number>();
  for (let id = 0; id < keyName.length; id++) {
    const list = postings[id];
    let distinct = 0;
    for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) distinct++;
    counts.set(keyName[id], distinct);
  }
  return counts;
}

/** The filters that have values, in Pagefind's order (by name), as the search page lists them. */
export function searchFilterNames(archive: Archive, keys = searchFilterKeys(archive)): SearchFilter[] {
  const kinds = new Set([...keys].map((key) => splitKey(key).kind as string));
  const hasValues = (name: SearchFilter) => {
    if (name === "outlet") return archive.articles.some((article) => article.outletSlug !== null);
    if (name === "year") return archive.articles.some((article) => article.date !== null);
    return kinds.has(name);
  };
  return SEARCH_FILTERS.filter(hasValues).sort(compareStrings);
}
