/**
 * Site URLs. Every page lives at a folder URL ("/people/x/") written as "/people/x/index.html".
 * Pages link to each other with RELATIVE hrefs that name index.html, so the same output works
 * behind a web server and opened straight from disk over file:// (where "/" is the disk root
 * and folders do not resolve to their index.html).
 */

import { slugify } from "./util/slug.ts";

export type EntityKind = "person" | "party" | "organization" | "place" | "outlet";

/** URL folder of each entity kind. */
export const kindFolder: Record<EntityKind, string> = {
  person: "people",
  party: "parties",
  organization: "organizations",
  place: "places",
  outlet: "outlets",
};

export function entityUrl(kind: EntityKind, slug: string): string {
  return `/${kindFolder[kind]}/${encodeURIComponent(slug)}/`;
}

/** The site folder of the article pages. */
const ARTICLES = "articles";

/** The article URL scheme: an article's page, by its slug (the record's `url`). */
export function articleUrl(slug: string): string {
  return `/${ARTICLES}/${encodeURIComponent(slug)}/`;
}

/** Where an article's page is written, relative to the site folder (its articleUrl's file). */
export function articlePagePath(slug: string): string {
  return `${ARTICLES}/${slug}/index.html`;
}

/** Every article page, as a glob relative to the site folder. */
export const ARTICLE_PAGES = `${ARTICLES}/*/index.html`;

/** The site folder of the story pages. */
const STORIES = "stories";

/** The stories index: every story, newest first. */
export const STORIES_URL = `/${STORIES}/`;

/** A story's page, by its slug (the slug of its first article). */
export function storyUrl(slug: string): string {
  return `/${STORIES}/${encodeURIComponent(slug)}/`;
}

/** Where a story's page is written, relative to the site folder (its storyUrl's file). */
export function storyPagePath(slug: string): string {
  return `${STORIES}/${slug}/index.html`;
}

/** Where a story's figures ledger CSV is written, relative to the site folder (beside its page). */
export function storyLedgerPath(slug: string): string {
  return `${STORIES}/${slug}/ledger.csv`;
}

/**
 * The folder of a list's period pages under the list's own ("/articles/by-date/2024/",
 * src/render/views/stable-pages.ts): a name no article or story slug takes (src/resolve claims it first),
 * since those pages share the list's folder.
 */
export const BY_DATE = "by-date";

/**
 * The folders of an entity kind's index pages beside its entity pages ("/people/by-name/a/",
 * "/people/by-articles/"): names no entity slug takes (src/resolve claims them first).
 */
export const BY_NAME = "by-name";
export const BY_ARTICLES = "by-articles";
/** Every folder name a list's own pages take beside the pages of its items. */
export const RESERVED_SLUGS = [BY_DATE, BY_NAME, BY_ARTICLES];

/** The href of a site folder URL from the site's root folder: "/articles/a/" → "articles/a/index.html". */
export function fromSiteRoot(url: string): string {
  return `${url.slice(1)}index.html`;
}

/** The figures ledger's page for a group of figures, by the group's label ("Militants killed"). */
export function figureGroupUrl(label: string): string {
  return `/figures/${slugify(label)}/`;
}

/** Where a seed file is published: each path segment percent-encoded (names may hold spaces, non-Latin letters, "#"). */
export function seedUrl(file: string): string {
  return `/seeds/${file.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * The href that leads from the page at `fromUrl` to the site path `toUrl`, relative and naming
 * index.html for folder URLs. A "#fragment" on `toUrl` is kept. Non-site URLs (with a scheme) pass through.
 *
 *   relativeHref("/people/x/", "/articles/a/") → "../../people/x/index.html"
 */
export function relativeHref(toUrl: string, fromUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(toUrl) || toUrl.startsWith("#")) return toUrl;
  if (!toUrl.startsWith("/")) throw new Error(`relativeHref: expected a site path starting with "/", got ${toUrl}`);
  const hashAt = toUrl.indexOf("#");
  const fragment = hashAt >= 0 ? toUrl.slice(hashAt) : "";
  const target = (hashAt >= 0 ? toUrl.slice(0, hashAt) : toUrl).replace(/\/$/, "/index.html");
  const fromDir = fromUrl.endsWith("/") ? fromUrl : fromUrl.slice(0, fromUrl.lastIndexOf("/") + 1);
  const fromParts = fromDir.split("/").filter(Boolean);
  const toParts = target.split("/").filter(Boolean);
  let shared = 0;
  while (shared < fromParts.length && shared < toParts.length - 1 && fromParts[shared] === toParts[shared]) shared++;
  const ups = "../".repeat(fromParts.length - shared);
  return `${ups}${toParts.slice(shared).join("/")}${fragment}`;
}
