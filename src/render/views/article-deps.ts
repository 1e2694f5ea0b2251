/**
 * What an article page is made from, as a rebuild can check it without working out the page's key
 * (articlePageKey, src/render/views/articles.ts). The key holds the article's record digest, its story's
 * link, the names and search-filter marks of the entities it names, and its related articles. The first
 * three are cheap; the related list is not (a gather over up to 200 candidates, 5 s of a rebuild at
 * 50,000 articles), but it reads only the articles of the entities up to where its gather stopped
 * (`stopKey`). So an article whose record and story are unchanged keeps its page when no changed article
 * names an entity of its that its gather reads or could now read, and none of its entities was renamed or
 * gained or lost a search filter (src/render/article-pages-known.ts applies this).
 */
import { createHash } from "node:crypto";
import type { ArticleRecord } from "../../types.ts";
import { articlePagePath } from "../../urls.ts";
import type { ArchiveGraph } from "./graph.ts";

export interface ArticleDependencies {
  /** Article `at`'s slug and where its page goes. */
  slug(at: number): string;
  permalink(at: number): string;
  /** Article `at`'s record digest. */
  digest(at: number): string;
  /** Article `at`'s stamp: what entity pages show of it (EntityPageSet.articleStamp). */
  stamp(at: number): string;
  /**
   * What other articles' pages take from article `at`, hashed: its summary (which their related lists show, and
   * whose slug and date set its place in the order their gathers read) and its entity keys in order (what
   * their gathers find it by and count). A record changed elsewhere (its body, its figures) keeps it.
   */
  relatedStamp(at: number): string;
  /** Everything else its page shows of its own that is not in its record: its story's link, and whether seeds are linked. */
  context(at: number): string;
  /** Where article `at`'s related-articles gather stopped, once its related list was found (relatedArticles). */
  stopKey(at: number): string | null | undefined;
  /** The entity keys ("kind:slug") article `at` names, once each (the entities its related list is gathered from). */
  keysOf(at: number): string[];
  /** The entities whose pages list article `at`: those it names, and its outlet. */
  listedOn(at: number): string[];
  /** Every entity key its page shows the name or search-filter mark of: those above, and its people's party ties. */
  namedKeys(at: number): string[];
  /** The articles (by number) naming `key`. */
  articlesNaming(key: string): readonly number[];
  /** The length of each entity's list of articles (once per mention), which orders a related-articles gather. */
  postingLengths(): Map<string, number>;
  /** The entity keys whose links carry a search filter value. */
  filterKeys: ReadonlySet<string>;
  /** False when two articles share a slug: the related lists then depend on more than this module checks. */
  slugsUnique: boolean;
}

export function articleDependencies(
  graph: ArchiveGraph,
  options: {
    digestOf: (record: object) => string;
    stampOf: (at: number) => string;
    /** The summary a related list shows of an article (summarize, src/render/views/articles.ts). */
    summaryOf: (article: ArticleRecord) => unknown;
    contextOf: (article: ArticleRecord) => string;
    stopKey: (at: number) => string | null | undefined;
    filterKeys: ReadonlySet<string>;
  },
): ArticleDependencies {
  const { sorted, keys, keyName, keyId, postings } = graph;
  const keysOf = (at: number) => [...new Set(Array.from(keys[at], (id) => keyName[id]))];
  const listedOn = (at: number) => {
    const outlet = sorted[at].outletSlug;
    return outlet === null ? keysOf(at) : [...keysOf(at), `outlet:${outlet}`];
  };
  return {
    slug: (at) => sorted[at].slug,
    permalink: (at) => articlePagePath(sorted[at].slug),
    digest: (at) => options.digestOf(sorted[at]),
    stamp: options.stampOf,
    relatedStamp: (at) => {
      const shown = [options.summaryOf(sorted[at]), Array.from(keys[at], (id) => keyName[id])];
      return createHash("sha1").update(JSON.stringify(shown)).digest("base64url");
    },
    context: (at) => options.contextOf(sorted[at]),
    stopKey: options.stopKey,
    keysOf,
    listedOn,
    namedKeys: (at) => {
      const named = listedOn(at);
      for (const detail of sorted[at].peopleDetail) for (const party of detail.parties) named.push(`party:${party}`);
      return named;
    },
    articlesNaming: (key) => {
      const id = keyId.get(key);
      return id === undefined ? [] : postings[id];
    },
    postingLengths: () => new Map(keyName.map((key, id) => [key, postings[id].length])),
    filterKeys: options.filterKeys,
    slugsUnique: graph.bySlug.size === sorted.length,
  };
}
