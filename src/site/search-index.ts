/**
 * Builds the Pagefind index over the rendered article pages (only they carry data-pagefind-body) with
 * Pagefind's Node API, writing the bundle into <outDir>/pagefind/ (with Pagefind's UI files, of which
 * the search page uses the Component UI's stylesheet).
 */
import path from "node:path";
import * as pagefind from "pagefind";

/**
 * `meanwhile` runs once Pagefind has been handed the pages: Pagefind indexes in a process of its own,
 * so work given here (the offline index) uses the other core instead of waiting its turn.
 */
export async function indexSearch(outDir: string, meanwhile?: () => Promise<unknown>): Promise<{ pages: number }> {
  // keepIndexUrl: result links name index.html like every other link of the site.
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, forceLanguage: "en" });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
    // Only article pages carry data-pagefind-body: reading the entity pages too only costs time.
    const adding = index.addDirectory({ path: path.resolve(outDir), glob: "articles/*/index.html" });
    adding.catch(() => {}); // awaited below; must not count as unhandled if `meanwhile` fails first
    await meanwhile?.();
    const added = await adding;
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.resolve(outDir, "pagefind") });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
