/**
 * The search fallback for pages opened from disk (file://), where browsers refuse fetch() and JS modules,
 * so Pagefind cannot load. Written at render time from the Archive into <outDir>/search/offline/ as
 * classic scripts, each of which hands its data to `window.__archiveSearch` (src/search/browser/search.ts):
 *
 * - meta.js — loaded first, and small: document count, BM25 lengths, sort dates, the term-shard keys and
 *   the names of the filters that have values (of outlet, year, person, party, organization, place — the
 *   pages' data-pagefind-filter names, the same capped values: views/search-filters.ts), in Pagefind's
 *   order (by name), each with its number of values.
 * - f-<name>.js — one filter's values with their postings, `addFilter(name, [[value, ids], …])`, values
 *   in Pagefind's order (by code point). Loaded only when that filter is first opened: with outlets and
 *   years uncapped, a filter can still carry hundreds of values.
 * - t<key>.js — the inverted index, sharded by term prefix: `addTerms(key, { term: postings })`. A term
 *   lives in the shard of the longest key that is a prefix of it; a shard over SHARD_BYTES is split by one
 *   more character (its terms of exactly the key's length stay in it), so shards stay small at any size.
 * - d<n>.js — documents n·DOC_SHARD… : [path, title, date, date label, outlet, text], text being the first
 *   EXCERPT_CHARS characters of the body for excerpts. Loaded only for the results shown.
 *
 * Postings are delta-coded base-36 doc ids, comma-separated, each with ":tf" when the body count is not 1
 * and "*" when the term is in the title: "0,3:2*,1a". Doc ids follow the site's article order (newest
 * first). Index terms are made by src/search/browser/terms.ts, the module the search page's script bundles for its
 * queries, so both sides always make terms the same way.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatDate } from "../render/format.ts";
import { articlePlainText } from "../render/markdown.ts";
import { buildLookup, byDateDesc } from "../render/views/lookup.ts";
import { SEARCH_FILTERS, type SearchFilter } from "../render/views/search-filters.ts";
import { OFFLINE_INDEX } from "../settings.ts";
import type { Archive, ArticleRecord, MentionLink } from "../types.ts";
import { articleUrl, fromSiteRoot } from "../urls.ts";
import { compareStrings } from "../util/group.ts";
import { collectGarbage } from "../util/memory.ts";
import { docShardFile, filterFile, termShardFile } from "./browser/offline-files.ts";
import { tokenize } from "./browser/terms.ts";

const OFFLINE_DIR = "search/offline";
// Sizes, from src/settings.ts.
const {
  shardBytes: SHARD_BYTES,
  minKeyLength: MIN_KEY_LENGTH,
  maxKeyLength: MAX_KEY_LENGTH,
  docShard: DOC_SHARD,
  excerptChars: EXCERPT_CHARS,
  collectEvery: COLLECT_EVERY,
} = OFFLINE_INDEX;

export interface OfflineIndexStats {
  documents: number;
  /** UTF-8 bytes of the text indexed (titles, subtitles, bodies as plain text, and the meta Pagefind searches). */
  textBytes: number;
  /** meta.js + term shards. */
  indexBytes: number;
  /** meta.js alone: what every search from disk loads first. */
  metaBytes: number;
  /** The filter files (f-<name>.js), loaded one by one when a filter is opened. */
  filterBytes: number;
  termShards: number;
  /** Document shards (titles, dates, outlets, excerpt text). */
  docBytes: number;
  docShards: number;
  terms: number;
}

const script = (call: string, ...args: unknown[]) =>
  `window.__archiveSearch.${call}(${args.map((a) => JSON.stringify(a)).join(",")});\n`;

/**
 * A term's postings, two numbers each: the doc id, then tf·2 + 1 when the term is in the title. An object
 * per posting took five times the memory: 1.6 GiB at 50,000 articles, next to Pagefind's indexing.
 */
type Postings = number[];

function encodePostings(postings: Postings): string {
  const parts: string[] = [];
  let previous = 0;
  for (let at = 0; at < postings.length; at += 2) {
    const doc = postings[at];
    const tf = postings[at + 1] >> 1;
    const title = (postings[at + 1] & 1) === 1;
    parts.push(`${(doc - previous).toString(36)}${tf === 1 ? "" : `:${tf.toString(36)}`}${title ? "*" : ""}`);
    previous = doc;
  }
  return parts.join(",");
}

function encodeIds(ids: number[]): string {
  let previous = 0;
  return ids
    .map((id) => {
      const delta = (id - previous).toString(36);
      previous = id;
      return delta;
    })
    .join(",");
}

/** Groups terms into shards by prefix: returns key → sorted entries. */
function shardTerms(entries: [string, string][]): Map<string, [string, string][]> {
  const shards = new Map<string, [string, string][]>();
  const size = (list: [string, string][]) => list.reduce((n, [t, p]) => n + t.length + p.length + 6, 0);
  const place = (key: string, list: [string, string][]) => {
    const keyLength = [...key].length;
    if (keyLength >= MIN_KEY_LENGTH && (keyLength >= MAX_KEY_LENGTH || size(list) <= SHARD_BYTES)) {
      shards.set(key, list);
      return;
    }
    const stay: [string, string][] = [];
    const groups = new Map<string, [string, string][]>();
    for (const entry of list) {
      const chars = [...entry[0]];
      if (chars.length <= keyLength) stay.push(entry);
      else {
        const next = key + chars[keyLength];
        const group = groups.get(next) ?? [];
        groups.set(next, group);
        group.push(entry);
      }
    }
    if (stay.length) shards.set(key, stay);
    for (const [next, group] of groups) place(next, group);
  };
  place("", entries);
  return shards;
}

/**
 * Plain text indexed as the body of an article (besides its title), as Pagefind indexes the page: its subtitle
 * and body, and its meta, which Pagefind searches too (outlet, authors, dateline, the date as written and as
 * shown). Excerpts are cut from the body alone: on the page, the meta lines are data-pagefind-ignore
 * (templates/_includes/layouts/article.njk), so Pagefind's excerpts never show them either.
 */
function indexedBody(article: ArticleRecord, plainBody: string): string {
  const date = article.date ? [article.date, formatDate(article.date)] : [];
  return [article.subtitle, article.outlet, article.authors.join(", "), article.dateline, ...date, plainBody]
    .filter((part): part is string => Boolean(part))
    .join("\n");
}

/** `filterable`: the entities that are search filter values (views/search-filters.ts), as the pages mark them. */
export async function writeOfflineIndex(
  archive: Archive,
  outDir: string,
  filterable: ReadonlySet<string>,
): Promise<OfflineIndexStats> {
  const lookup = buildLookup(archive);
  /** Names of the entities that are filter values, as the article page marks them for Pagefind. */
  const filterValues = (kind: MentionLink["kind"], slugs: string[]) =>
    slugs.filter((slug) => filterable.has(`${kind}:${slug}`)).map((slug) => lookup.entity(kind, slug).name);
  const articles = [...archive.articles].sort(byDateDesc);
  const dir = path.join(outDir, OFFLINE_DIR);
  await mkdir(dir, { recursive: true });

  const postings = new Map<string, Postings>();
  const lengths: number[] = [];
  const filterDocs = Object.fromEntries(SEARCH_FILTERS.map((name) => [name, new Map<string, number[]>()]));
  const docs: [string, string, string, string, string, string][] = [];
  let textBytes = 0;

  articles.forEach((article, doc) => {
    // This index is built while Pagefind indexes the first shard in its own process; collected now and
    // then, the tokens and texts each article leaves behind do not pile up beside it (50,000 articles:
    // +1 GiB without).
    if (doc > 0 && doc % COLLECT_EVERY === 0) collectGarbage();
    const body = articlePlainText(article.body);
    const bodyText = indexedBody(article, body);
    textBytes += Buffer.byteLength(article.title) + Buffer.byteLength(bodyText);
    const titleTerms = new Set(tokenize(article.title));
    const counts = new Map<string, number>();
    const bodyTokens = tokenize(bodyText);
    for (const term of bodyTokens) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const term of titleTerms) if (!counts.has(term)) counts.set(term, 0);
    lengths.push(bodyTokens.length);
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) {
        list = [];
        postings.set(term, list);
      }
      list.push(doc, tf * 2 + (titleTerms.has(term) ? 1 : 0));
    }

    const outlet = article.outletSlug ? lookup.entity("outlet", article.outletSlug).name : null;
    const values: Record<SearchFilter, string[]> = {
      outlet: outlet ? [outlet] : [],
      year: article.date ? [article.date.slice(0, 4)] : [],
      person: filterValues("person", article.people),
      party: filterValues("party", article.parties),
      organization: filterValues("organization", article.organizations),
      place: filterValues("place", article.places),
    };
    for (const name of SEARCH_FILTERS) {
      for (const value of new Set(values[name])) {
        const ids = filterDocs[name].get(value) ?? [];
        filterDocs[name].set(value, ids);
        ids.push(doc);
      }
    }
    const text = body.replace(/\s+/g, " ").trim();
    docs.push([
      fromSiteRoot(articleUrl(article.slug)),
      article.title,
      article.date ?? "",
      article.date ? formatDate(article.date) : "",
      outlet ?? "",
      text.length > EXCERPT_CHARS ? text.slice(0, EXCERPT_CHARS) : text,
    ]);
  });

  const entries = [...postings.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([term, list]): [string, string] => [term, encodePostings(list)]);
  const shards = shardTerms(entries);
  const keys = [...shards.keys()].sort(compareStrings);

  let indexBytes = 0;
  const write = async (file: string, text: string) => {
    await writeFile(path.join(dir, file), text);
    return Buffer.byteLength(text);
  };
  for (const key of keys) {
    indexBytes += await write(termShardFile(key), script("addTerms", key, Object.fromEntries(shards.get(key) ?? [])));
  }

  let docBytes = 0;
  const docShards = Math.ceil(docs.length / DOC_SHARD);
  for (let n = 0; n < docShards; n++) {
    docBytes += await write(docShardFile(n), script("addDocs", n, docs.slice(n * DOC_SHARD, (n + 1) * DOC_SHARD)));
  }

  // Pagefind lists filters by name and their values by code point; the search page shows them in that order.
  const filters = SEARCH_FILTERS.filter((name) => filterDocs[name].size > 0).sort(compareStrings);
  let filterBytes = 0;
  for (const name of filters) {
    const values = [...filterDocs[name].entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([value, ids]) => [value, encodeIds(ids)]);
    filterBytes += await write(filterFile(name), script("addFilter", name, values));
  }

  const meta = {
    version: 2,
    docs: docs.length,
    docShard: DOC_SHARD,
    lengths: lengths.map((n) => n.toString(36)).join(","),
    dates: articles.map((a) => (a.date ?? "").replace(/-/g, "")).join(","),
    keys,
    filters: filters.map((name) => ({ name, values: filterDocs[name].size })),
  };
  const metaBytes = await write("meta.js", script("addMeta", meta));
  indexBytes += metaBytes;

  return {
    documents: docs.length,
    textBytes,
    indexBytes,
    metaBytes,
    filterBytes,
    termShards: keys.length,
    docBytes,
    docShards,
    terms: entries.length,
  };
}
