/**
 * Nunjucks filters. They format and link; they never derive archive data (that is src/site/views/).
 */
import { relativeHref } from "./urls.ts";

/**
 * `{{ "/people/x/" | rel(page.url) }}` → "../../people/x/index.html" from /articles/a/.
 * Every internal link goes through this, so the site works from a server and from file:// alike.
 */
export function rel(toUrl: string, pageUrl: string): string {
  return relativeHref(toUrl, pageUrl);
}

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
