/** Data for feed.xml (Atom) and sitemap.xml. Both are deterministic: no build time anywhere. */
import { PAGES } from "../../settings.ts";
import type { ArticleRecord } from "../../types.ts";
import { articleUrl } from "../../urls.ts";
import { atomTimestamp } from "../format.ts";

export interface FeedEntry {
  id: string;
  title: string;
  /** Site path of the article; the template makes it relative to the feed. */
  url: string;
  updated: string;
  authors: string[];
  outlet: string | null;
  summary: string;
}

export interface Feed {
  id: string;
  updated: string;
  entries: FeedEntry[];
}

/** The first paragraph as plain text: markdown markers dropped, the rest escaped by the template. */
function firstParagraph(body: string): string {
  const paragraph = body.split(/\n\s*\n/).find((block) => block.trim() && !block.trim().startsWith("#")) ?? "";
  return paragraph.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * The newest PAGES.feedEntries dated articles. Undated articles are left out of the feed: Atom requires an
 * `updated` time for each entry and inventing one would misstate when they were published. `sorted`: the
 * archive's articles in byDateDesc order (the archive graph's).
 */
export function feed(sorted: ArticleRecord[]): Feed {
  const dated: ArticleRecord[] = [];
  for (const article of sorted) {
    if (dated.length === PAGES.feedEntries) break;
    if (article.date) dated.push(article);
  }
  return {
    id: "urn:news-archive:feed",
    updated: dated[0]?.date ? atomTimestamp(dated[0].date) : "1970-01-01T00:00:00Z",
    entries: dated.map((a) => ({
      id: `urn:news-archive:article:${a.slug}`,
      title: a.title,
      url: articleUrl(a.slug),
      updated: atomTimestamp(a.date!),
      authors: a.authors,
      outlet: a.outlet,
      summary: a.subtitle ?? firstParagraph(a.body),
    })),
  };
}
