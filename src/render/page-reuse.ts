/**
 * Reuse of unchanged pages between builds, so adding one article to a large archive renders the pages
 * that article changes, not all of them.
 *
 * A page is a pure function of its view (src/render/views/), the navigation and the site's code and
 * templates; its view, of what its key lists (src/render/views/page-key.ts): the digests of the records it
 * shows, and the names it takes from others; a one-off page's key is its whole view
 * (src/render/views/one-off-pages.ts). Each build records a fingerprint of every page — a hash of its
 * key salted with the site code's version — in PAGE_MANIFEST inside the site it writes. The next build
 * compares: a page whose fingerprint is unchanged is neither built nor rendered. An entity page is first
 * compared by a cheaper pre-key (preKey in src/render/views/entities.ts), also kept in the manifest: when
 * it is unchanged and no entity the page names was renamed, its key is not worked out at all. When the
 * build is laid over the live site (src/render/site-overlay.ts, as `npm run build` does) the page is kept
 * where it is; otherwise it is hard-linked from the previous site (copied where links are not possible).
 * The manifest lives in the site folder itself, so it is committed with the pages it describes and can
 * never disagree with them.
 */
import { createHash } from "node:crypto";
import { copyFile, link, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asciiOnly, readAsciiText } from "../cache/ascii-json.ts";
import { codeVersion } from "../util/code-version.ts";
import { compareStrings } from "../util/group.ts";
import { updateWithJson } from "./json-pieces.ts";
import { keepIfSame, siteFile } from "./site-overlay.ts";
import type { ArticlePage, MentionedEntity } from "./views/articles.ts";

/** Where the fingerprints of a site's pages are kept, relative to the site folder. */
export const PAGE_MANIFEST = ".news-archive/pages.json";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let siteVersion: string | undefined;
/** Hash of everything besides the view that shapes a page: the site code, templates and Eleventy. */
export function renderVersion(): string {
  siteVersion ??= codeVersion(ROOT, [
    "eleventy.config.ts",
    "src/render",
    "src/search",
    "src/settings.ts",
    "src/urls.ts",
    "templates",
    "src/types.ts",
    "node_modules/@11ty/eleventy/package.json",
  ]);
  return siteVersion;
}

/**
 * The fingerprint of a page known by its key (src/render/views/page-key.ts), salted with the site code's
 * version and the navigation every page shows — the salt worked out once, not once per page.
 */
export function keyFingerprints(navigation: unknown): KeyFingerprints {
  const salt = renderVersion() + JSON.stringify(navigation);
  return {
    ofKey: (key) => createHash("sha256").update(salt).update(key).digest("base64url"),
    ofJson: (value) => updateWithJson(createHash("sha256").update(salt), value).digest("base64url"),
  };
}

export interface KeyFingerprints {
  /** The fingerprint of a page with key `key`. */
  ofKey(key: string): string;
  /** The fingerprint of a page whose key is `value`'s JSON: ofKey(JSON.stringify(value)), without that text. */
  ofJson(value: unknown): string;
}

/** Fingerprint of a page's CSV export, which is made from what the page is made from. */
export function csvFingerprint(pageFingerprint: string): string {
  return createHash("sha256").update("csv").update(pageFingerprint).digest("base64url");
}

/**
 * Fingerprint of what Pagefind indexes of an article page (its search shard is indexed again when one
 * changes): the fields the page shows inside data-pagefind-body outside data-pagefind-ignore, and its
 * filter values (templates/_includes/layouts/article.njk). The entity panel's roles and parties and the
 * related articles, which other articles change, are left out. Salted with the site code's version, so
 * a template that indexes more re-indexes everything.
 */
export function searchFingerprint(page: ArticlePage): string {
  const filterValues = (entities: MentionedEntity[]) => entities.filter((e) => e.inSearchFilter).map((e) => e.name);
  const indexed = {
    url: page.url,
    title: page.title,
    subtitle: page.subtitle,
    outlet: page.outlet?.name ?? null,
    year: page.year,
    date: page.date,
    dateLabel: page.dateLabel,
    dateInferred: page.dateInferred,
    authors: page.authors,
    dateline: page.dateline,
    bodyHtml: page.bodyHtml,
    filters: [page.people, page.parties, page.organizations, page.places].map(filterValues),
  };
  return createHash("sha256").update(renderVersion()).update(JSON.stringify(indexed)).digest("base64url");
}

/** Article slug → searchFingerprint, what src/search/pagefind.ts compares shard by shard. */
export function searchFingerprints(articles: readonly ArticlePage[]): Map<string, string> {
  return new Map(articles.map((article) => [article.slug, searchFingerprint(article)]));
}

export interface PageManifest {
  /** Site path of each page, CSV export and the stylesheet → its fingerprint. */
  pages: Record<string, string>;
  /**
   * Article slug → searchFingerprint: a page known by its key is not built, so its search fingerprint is
   * taken from here.
   */
  search: Record<string, string>;
  /** The digests of the archive's records, which passed the archive's schema (src/render/archive-schema.ts). */
  checked?: CheckedDigests;
  /**
   * Site path of each entity page → the fingerprint of its pre-key (EntityPageSet.preKey): a page whose
   * pre-key is unchanged, and that names no renamed entity, keeps its fingerprint without its key being
   * worked out.
   */
  preKeys?: Record<string, string>;
  /** The name each entity is shown by, by "kind:slug": what tells the next build which were renamed. */
  names?: Record<string, string>;
  /**
   * What tells an article page unchanged without its key (src/render/article-pages-known.ts): each
   * article's record digest, page context and where its related-articles gather stopped, by slug; each
   * entity's number of mentions, by "kind:slug"; the entities with search filter values.
   */
  articles?: Record<string, string>;
  postingLengths?: Record<string, number>;
  filterKeys?: string[];
  /**
   * What tells an entity page's pre-key unchanged without working it out (src/render/entity-pages-known.ts):
   * each entity's own inputs, by "kind:slug", and the salt its pre-keys were made under.
   */
  entities?: Record<string, string>;
  preKeySalt?: string;
  /**
   * What tells a story page unchanged without its key (src/render/story-pages-known.ts): each story page's
   * record digest, by site path; the points each place is drawn at, by slug; the salt they were recorded under.
   */
  stories?: Record<string, string>;
  points?: Record<string, string>;
  storySalt?: string;
}

/** Record digests that passed the schema of one version of the site's code (which holds the schema). */
export interface CheckedDigests {
  version: string;
  digests: string[];
}

/** The digests of `digests`, sorted, as checked by this version of the schema. */
export function checkedDigests(digests: Iterable<string>): CheckedDigests {
  return { version: renderVersion(), digests: [...new Set(digests)].sort(compareStrings) };
}

/** The record digests a manifest says passed this version's schema (none after the schema changed). */
export function passedDigests(manifest: PageManifest): ReadonlySet<string> {
  const checked = manifest.checked;
  return checked?.version === renderVersion() ? new Set(checked.digests) : new Set();
}

const isRecord = (value: unknown): value is Record<string, string> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const isCounts = (value: unknown): value is Record<string, number> =>
  isRecord(value) && Object.values(value).every((count) => typeof count === "number");
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function isCheckedDigests(value: unknown): value is CheckedDigests {
  const { version, digests } = (value ?? {}) as Partial<Record<keyof CheckedDigests, unknown>>;
  return typeof version === "string" && Array.isArray(digests) && digests.every((d) => typeof d === "string");
}

export async function readPageManifest(siteDir: string): Promise<PageManifest> {
  try {
    return manifestOf(JSON.parse(await readAsciiText(path.join(siteDir, PAGE_MANIFEST))));
  } catch {
    return noManifest(); // no previous site, or not one of ours: render everything
  }
}

/** The manifest a manifest file's JSON holds: its fields that are whole, none when it is not one. */
function manifestOf(parsed: unknown): PageManifest {
  if (!isRecord(parsed) || !isRecord(parsed.pages) || !isRecord(parsed.search)) return noManifest();
  const { checked, preKeys, names, articles, postingLengths, filterKeys, entities, preKeySalt } = parsed as Record<
    string,
    unknown
  >;
  const { stories, points, storySalt } = parsed as Record<string, unknown>;
  return {
    pages: parsed.pages,
    search: parsed.search,
    ...(isCheckedDigests(checked) ? { checked } : {}),
    ...(isRecord(preKeys) && isRecord(names) ? { preKeys, names } : {}),
    ...(isRecord(entities) && typeof preKeySalt === "string" ? { entities, preKeySalt } : {}),
    ...(isRecord(articles) && isCounts(postingLengths) && isStrings(filterKeys)
      ? { articles, postingLengths, filterKeys }
      : {}),
    ...(isRecord(stories) && isRecord(points) && typeof storySalt === "string" ? { stories, points, storySalt } : {}),
  };
}

/** A manifest that knows no page: every page is rendered. */
export function noManifest(): PageManifest {
  return { pages: {}, search: {} };
}

/**
 * The manifest a build of this process wrote, kept for the next (`npm start`): read back, it is 18.6 MB of
 * JSON at 10,000 articles, and 1.1 s of a 50,000-article save. It is taken only while the site's manifest
 * file is the one that build wrote: the commit renames the file into the site, which keeps its inode, size
 * and modification time; a failed build leaves the site's own file, and any other writer a new one.
 */
export class KeptPageManifest {
  private kept: { stamp: string; manifest: PageManifest } | undefined;

  /** The manifest of the site in `siteDir`, as readPageManifest reads it. */
  async read(siteDir: string): Promise<PageManifest> {
    const kept = this.kept;
    if (kept && (await fileStamp(path.join(siteDir, PAGE_MANIFEST))) === kept.stamp) return kept.manifest;
    return readPageManifest(siteDir);
  }

  /** Keeps `fields`, the manifest just written into `siteDir`, as readPageManifest will read it. */
  async wrote(siteDir: string, fields: Record<string, unknown>): Promise<void> {
    const stamp = await fileStamp(path.join(siteDir, PAGE_MANIFEST));
    this.kept = stamp === null ? undefined : { stamp, manifest: manifestOf(fields) };
  }
}

/** What tells one file from another and from its earlier contents, in the nanosecond; null when it is missing. */
async function fileStamp(file: string): Promise<string | null> {
  try {
    const { dev, ino, size, mtimeNs } = await stat(file, { bigint: true });
    return `${dev}:${ino}:${size}:${mtimeNs}`;
  } catch {
    return null;
  }
}

/**
 * The last manifest's fields' keys in order, by field: `npm start`'s next save has nearly all the same keys,
 * and sorting the 40,000 pages' and the entities' keys again was about 0.06 s of every 10,000-article save.
 * A field with as many keys as its last order, all of them in it, has that order.
 */
let lastKeyOrders = new Map<string, string[]>();

/** Writes `manifest` into the site in `siteDir`; a `kept` manifest keeps it for this process's next build. */
export async function writePageManifest(
  siteDir: string,
  manifest: PageManifest,
  kept?: KeptPageManifest,
): Promise<void> {
  const nextKeyOrders = new Map<string, string[]>();
  const sorted = <T>(field: keyof PageManifest, entries: Record<string, T>) => {
    const keys = Object.keys(entries);
    const last = lastKeyOrders.get(field);
    const same = last?.length === keys.length && last.every((key) => Object.hasOwn(entries, key));
    const order = same ? (last as string[]) : keys.sort(compareStrings);
    nextKeyOrders.set(field, order);
    return Object.fromEntries(order.map((key) => [key, entries[key]]));
  };
  const fields: Record<string, unknown> = {
    pages: sorted("pages", manifest.pages),
    search: sorted("search", manifest.search),
    ...(manifest.checked ? { checked: manifest.checked } : {}),
    ...(manifest.preKeys && manifest.names
      ? { preKeys: sorted("preKeys", manifest.preKeys), names: sorted("names", manifest.names) }
      : {}),
    ...(manifest.entities && manifest.preKeySalt
      ? { entities: sorted("entities", manifest.entities), preKeySalt: manifest.preKeySalt }
      : {}),
    ...(manifest.articles && manifest.postingLengths && manifest.filterKeys
      ? {
          articles: sorted("articles", manifest.articles),
          postingLengths: sorted("postingLengths", manifest.postingLengths),
          filterKeys: [...manifest.filterKeys].sort(compareStrings),
        }
      : {}),
    ...(manifest.stories && manifest.points && manifest.storySalt
      ? {
          stories: sorted("stories", manifest.stories),
          points: sorted("points", manifest.points),
          storySalt: manifest.storySalt,
        }
      : {}),
  };
  lastKeyOrders = nextKeyOrders;
  await mkdir(path.dirname(path.join(siteDir, PAGE_MANIFEST)), { recursive: true });
  await writeFile(path.join(siteDir, PAGE_MANIFEST), manifestPieces(fields));
  await kept?.wrote(siteDir, fields);
}

/**
 * The manifest's JSON, a field at a time, ASCII (src/cache/ascii-json.ts), so that the next build reads it as
 * a one-byte string: the entities' names need not be ASCII. Written whole, one such name made the whole text
 * (17.6 MB at 10,000 articles) two bytes a character, and escaping it a second copy; a field at a time, only
 * the names (0.9 MB) are.
 */
function* manifestPieces(fields: Record<string, unknown>): Generator<string> {
  yield "{";
  let separator = "";
  for (const [name, value] of Object.entries(fields)) {
    yield `${separator}${JSON.stringify(name)}:${asciiOnly(JSON.stringify(value))}`;
    separator = ",";
  }
  yield "}\n";
}

/**
 * Puts the previous site's copy of `permalink` into `siteDir`. False when there is none to reuse
 * (deleted by hand, say): the caller renders the page instead.
 */
export async function reusePage(previousDir: string, siteDir: string, permalink: string): Promise<boolean> {
  const from = siteFile(path.join(previousDir, permalink));
  const to = path.join(siteDir, permalink);
  // Laid over the live site (src/render/site-overlay.ts), the page stays where it is.
  if (await keepIfSame(from, to)) return true;
  await mkdir(path.dirname(to), { recursive: true });
  try {
    // Site files are never written in place (a build writes new files and renames them over the old), so
    // sharing the file is safe.
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return false;
    // Another file system, or one without hard links.
    return copyFile(from, to).then(
      () => true,
      () => false,
    );
  }
}
