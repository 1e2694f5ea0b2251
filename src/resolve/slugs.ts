/** Slugs for the records resolve makes: articles, stories and entities. */
import { RESERVED_SLUGS } from "../urls.ts";
import { SlugRegistry } from "../util/slug.ts";

/**
 * A slug registry with the folder names a list's own pages take beside its items' pages already claimed
 * ("/articles/by-date/", "/people/by-name/"): an article titled "By date" gets "by-date-2".
 */
export function reservedSlugs(): SlugRegistry {
  const registry = new SlugRegistry();
  for (const name of RESERVED_SLUGS) registry.claim(name);
  return registry;
}
