/**
 * Builds the Pagefind index over the rendered article pages (only they carry data-pagefind-body) with
 * Pagefind's Node API, writing the bundle and its Component UI into <outDir>/pagefind/.
 */
import path from "node:path";
import * as pagefind from "pagefind";

export async function indexSearch(outDir: string): Promise<{ pages: number }> {
  // keepIndexUrl: result links name index.html like every other link of the site.
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, forceLanguage: "en" });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
    // Only article pages carry data-pagefind-body: reading the entity pages too only costs time.
    const added = await index.addDirectory({ path: path.resolve(outDir), glob: "articles/*/index.html" });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.resolve(outDir, "pagefind") });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
