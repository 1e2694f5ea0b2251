/**
 * The search page's entity suggestions (src/search/browser/suggest.ts): people, parties, organizations,
 * places and stories of several articles (whose page the site has), by name and every variant, in a MiniSearch index built here and
 * written as the classic script search/suggest.js (window.__archiveSuggest), which pages opened from disk
 * can load too. Entities in a fixed order, so the same archive gives the same bytes.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import MiniSearch from "minisearch";
import { siteFile } from "../render/site-overlay.ts";
import type { Archive } from "../types.ts";
import { entityUrl, fromSiteRoot, storyUrl } from "../urls.ts";
import {
  SUGGEST_OPTIONS,
  type SuggestData,
  type SuggestDoc,
  type SuggestKind,
  toRow,
} from "./browser/suggest-options.ts";

export const SUGGEST_FILE = "search/suggest.js";

interface Named {
  slug: string;
  name: string;
  variants: string[];
  articles: string[];
  /** A party's abbreviation. */
  abbr?: string | null;
}

/**
 * The names to suggest, in a fixed order; `filterable`: "kind:slug" keys of the search filters' values;
 * `hasPage`: whether the site has a page at a path (stories are suggested only where their page was built).
 */
export function suggestDocs(
  archive: Archive,
  filterable: ReadonlySet<string>,
  hasPage: (sitePath: string) => boolean = () => true,
): SuggestDoc[] {
  const docs: SuggestDoc[] = [];
  const add = (kind: Exclude<SuggestKind, "story">, entities: Named[]) => {
    for (const entity of entities) {
      const spellings = [...(entity.abbr ? [entity.abbr] : []), ...entity.variants];
      const variants = [...new Set(spellings)].filter((v) => v !== entity.name);
      docs.push({
        id: docs.length,
        kind,
        name: entity.name,
        variants: variants.join("|"),
        path: fromSiteRoot(entityUrl(kind, entity.slug)),
        articles: entity.articles.length,
        filter: filterable.has(`${kind}:${entity.slug}`),
      });
    }
  };
  add("person", archive.people);
  add("party", archive.parties);
  add("organization", archive.organizations);
  add("place", archive.places);
  for (const story of archive.stories ?? []) {
    const page = fromSiteRoot(storyUrl(story.slug));
    if (story.articles.length < 2 || !hasPage(page)) continue;
    docs.push({
      id: docs.length,
      kind: "story",
      name: story.title,
      variants: "",
      path: page,
      articles: story.articles.length,
      filter: false,
    });
  }
  return docs;
}

/** Writes search/suggest.js into the site folder `output`. */
export async function writeSuggestIndex(
  archive: Archive,
  output: string,
  filterable: ReadonlySet<string>,
): Promise<number> {
  const docs = suggestDocs(archive, filterable, (page) => existsSync(siteFile(path.join(output, page))));
  const index = new MiniSearch<SuggestDoc>(SUGGEST_OPTIONS);
  index.addAll(docs);
  const data: SuggestData = { version: 2, index: index.toJSON(), rows: docs.map(toRow) };
  const script = `window.__archiveSuggest = ${JSON.stringify(data)};\n`;
  await mkdir(path.dirname(path.join(output, SUGGEST_FILE)), { recursive: true });
  await writeFile(path.join(output, SUGGEST_FILE), script);
  return Buffer.byteLength(script);
}
