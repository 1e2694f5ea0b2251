/**
 * The search page's entity suggestions (src/search/browser/suggest.ts): people, parties, organizations,
 * places and stories of several articles (whose page the site has), by name and every variant, in a MiniSearch index built here and
 * written as the classic script search/suggest.js (window.__archiveSuggest), which pages opened from disk
 * can load too. Entities in a fixed order, so the same archive gives the same bytes.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { siteFile } from "../render/site-overlay.ts";
import type { Archive } from "../types.ts";
import { entityUrl, fromSiteRoot, storyUrl } from "../urls.ts";
import { codeVersion } from "../util/code-version.ts";
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

/**
 * What a site records of its suggestions' index, relative to the site folder: the key of the names it indexed
 * (indexKey) and the length of the index's JSON in search/suggest.js, so that the next build, indexing the same
 * names, takes that JSON as it is instead of indexing them again (at 10,000 articles, 22,000 names: 0.2 s).
 */
const SUGGEST_RECORD = ".news-archive/suggest-index.json";

/** search/suggest.js up to the index's JSON: `window.__archiveSuggest = ` and SuggestData's text, in its order. */
const SCRIPT_START = 'window.__archiveSuggest = {"version":2,"index":';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The index depends on the names and variants in order (their ids), and on how MiniSearch and the options
 * make terms of them; the rest of each name (its page, its count of articles) is in the rows.
 */
function indexKey(docs: SuggestDoc[]): string {
  return createHash("sha256")
    .update(codeVersion(ROOT, ["src/search/browser/suggest-options.ts", "node_modules/minisearch/package.json"]))
    .update(JSON.stringify(docs.map((doc) => [doc.name, doc.variants])))
    .digest("base64url");
}

/** The index's JSON in the previous site's search/suggest.js, if it indexed the names `key` stands for. */
async function keptIndexText(previousDir: string, key: string): Promise<string | undefined> {
  try {
    const record = JSON.parse(await readFile(path.join(previousDir, SUGGEST_RECORD), "utf8")) as {
      key?: unknown;
      length?: unknown;
    };
    if (record.key !== key || !Number.isSafeInteger(record.length)) return undefined;
    const script = await readFile(path.join(previousDir, SUGGEST_FILE), "utf8");
    const end = SCRIPT_START.length + (record.length as number);
    return script.startsWith(SCRIPT_START) && script.startsWith(',"rows":', end)
      ? script.slice(SCRIPT_START.length, end)
      : undefined;
  } catch {
    return undefined; // no previous site, or not one of ours: the names are indexed
  }
}

/**
 * Writes search/suggest.js into the site folder `output`; with `previousDir`, takes the index from that site
 * when it indexed the same names (the same bytes as indexing them again).
 */
export async function writeSuggestIndex(
  archive: Archive,
  output: string,
  filterable: ReadonlySet<string>,
  previousDir?: string,
): Promise<number> {
  const docs = suggestDocs(archive, filterable, (page) => existsSync(siteFile(path.join(output, page))));
  const key = indexKey(docs);
  let indexText = previousDir ? await keptIndexText(previousDir, key) : undefined;
  if (indexText === undefined) {
    const index = new MiniSearch<SuggestDoc>(SUGGEST_OPTIONS);
    index.addAll(docs);
    indexText = JSON.stringify(index.toJSON() satisfies SuggestData["index"]);
  }
  // JSON.stringify of a SuggestData ({ version, index, rows }), with the index's text as it is.
  const script = `${SCRIPT_START}${indexText},"rows":${JSON.stringify(docs.map(toRow))}};\n`;
  await mkdir(path.dirname(path.join(output, SUGGEST_FILE)), { recursive: true });
  await writeFile(path.join(output, SUGGEST_FILE), script);
  await mkdir(path.dirname(path.join(output, SUGGEST_RECORD)), { recursive: true });
  await writeFile(path.join(output, SUGGEST_RECORD), `${JSON.stringify({ key, length: indexText.length })}\n`);
  return Buffer.byteLength(script);
}
