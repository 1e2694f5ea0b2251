/**
 * Nunjucks filters. They format and link; they never derive archive data (that is src/render/views/).
 */
import { relativeHref } from "../urls.ts";

/**
 * `{{ "/people/x/" | rel(page.url) }}` → "../../people/x/index.html" from /articles/a/.
 * Every internal link goes through this, so the site works from a server and from file:// alike.
 */
export function rel(toUrl: string, pageUrl: string): string {
  // The hot path of every page (millions of calls on a large archive): plain site paths are resolved
  // against the folder prefixes of the page, computed once per page; anything else goes to relativeHref.
  if (toUrl.charCodeAt(0) !== 47 || toUrl.includes("#") || toUrl.includes("//") || pageUrl.includes("//")) {
    return relativeHref(toUrl, pageUrl);
  }
  if (pageUrl !== relPage) {
    relPage = pageUrl;
    const fromDir = pageUrl.endsWith("/") ? pageUrl : pageUrl.slice(0, pageUrl.lastIndexOf("/") + 1);
    const parts = fromDir.split("/").filter(Boolean);
    relPrefixes = parts.map((_, at) => `/${parts.slice(0, at + 1).join("/")}/`);
    relPrefixes.unshift("/");
  }
  const target = toUrl.endsWith("/") ? `${toUrl}index.html` : toUrl;
  // The deepest folder of the page that also holds the target (never the whole target).
  let shared = relPrefixes.length - 1;
  while (shared > 0 && !(target.startsWith(relPrefixes[shared]) && target.length > relPrefixes[shared].length)) {
    shared--;
  }
  return "../".repeat(relPrefixes.length - 1 - shared) + target.slice(relPrefixes[shared].length);
}
let relPage: string | undefined;
/** "/", "/people/", "/people/x/" for the page /people/x/. */
let relPrefixes: string[] = ["/"];

/** "1 article" / "3 articles". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A qualifier and value as claimed: "at least 145". */
export function claim(value: number, qualifier: string | null): string {
  return qualifier ? `${qualifier} ${value}` : String(value);
}

/** Whether the page at `pageUrl` belongs to the navigation section at `sectionUrl` (for aria-current). */
export function inSection(pageUrl: string, sectionUrl: string): boolean {
  return pageUrl.startsWith(sectionUrl);
}

export const siteFilters = { rel, plural, claim, inSection };
