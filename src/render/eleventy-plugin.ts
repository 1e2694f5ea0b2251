/**
 * Eleventy configuration of the news-archive site. Read it as a table of contents: each numbered
 * section says what the site does at that step and links the Eleventy docs for it.
 *
 * Two ways in:
 * - renderSite() (src/site/index.ts) calls `configureSite` with the Archive it was handed.
 * - The CLI, `tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`, runs the default export,
 *   which reads the archive from $ARCHIVE_JSON (default _site/archive.json), publishes seeds from
 *   $SEEDS_DIR when set, and indexes search after the build. It renders in one Eleventy run and reads
 *   archive.json whole, which caps it at about 20,000 articles (the file's text must fit a JavaScript
 *   string); `npm run build` goes through renderSite and has neither limit.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { readArchiveFile } from "./src/site/archive-schema.ts";
import { siteFilters } from "./src/site/filters.ts";
import { writeOfflineIndex } from "./src/site/offline-index.ts";
import { searchFingerprints } from "./src/site/page-reuse.ts";
import { indexSearch } from "./src/site/search-index.ts";
import { publishSeeds } from "./src/site/seeds.ts";
import { STEMMER_ASSET, stemmerScript } from "./src/site/stemmer-asset.ts";
import { buildSiteViews, type SiteViews } from "./src/site/views/index.ts";

/** The navigation shown on every page, in this order. */
export const navigation = [
  { label: "Articles", url: "/articles/" },
  { label: "Timeline", url: "/timeline/" },
  { label: "People", url: "/people/" },
  { label: "Parties", url: "/parties/" },
  { label: "Organizations", url: "/organizations/" },
  { label: "Places", url: "/places/" },
  { label: "Outlets", url: "/outlets/" },
  { label: "Figures", url: "/figures/" },
  { label: "Search", url: "/search/" },
];

/** The templates folder, absolute, so the programmatic and CLI routes agree whatever the working directory. */
export const templatesDir = fileURLToPath(new URL("./templates/", import.meta.url));

/** Templates that are one page each (not paginated over articles or entities), and the assets. */
const singlePageTemplates = [
  "index.njk",
  "articles.njk",
  "timeline.njk",
  "timeline-year.njk",
  "figures.njk",
  "figures-group.njk",
  "search.njk",
  "report.njk",
  "feed.njk",
  "sitemap.njk",
  "entity-index.njk",
  "assets/**",
];

export interface RunOptions {
  /** False for the later runs of a batched render, which write only their slice of article and entity pages. */
  singlePages: boolean;
}

export function configureSite(
  eleventyConfig: UserConfig,
  views: SiteViews,
  run: RunOptions = { singlePages: true },
): void {
  // 1. Data: every page's content, computed once from the Archive (templates only present it).
  //    https://www.11ty.dev/docs/data-global-custom/
  eleventyConfig.addGlobalData("site", views);
  eleventyConfig.addGlobalData("navigation", navigation);
  // A large archive is rendered in several runs (src/site/index.ts); the one-off pages belong to the first.
  //    https://www.11ty.dev/docs/ignores/
  if (!run.singlePages)
    for (const template of singlePageTemplates) eleventyConfig.ignores.add(`${templatesDir}${template}`);

  // 2. Templates: Nunjucks, autoescaped, failing loudly on a misspelt variable.
  //    https://www.11ty.dev/docs/languages/nunjucks/
  eleventyConfig.setTemplateFormats(["njk", "css", "js"]);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });

  // 3. Filters: relative links and small formatting helpers (src/site/filters.ts).
  //    https://www.11ty.dev/docs/filters/
  for (const [name, filter] of Object.entries(siteFilters)) eleventyConfig.addFilter(name, filter);

  // 4. Assets: our CSS and client JS, written out unchanged at the same path under the output.
  //    https://www.11ty.dev/docs/languages/custom/
  for (const extension of ["css", "js"]) {
    eleventyConfig.addExtension(extension, {
      outputFileExtension: extension,
      compile: (content) => () => content,
    });
  }
  //    The search page's stemmer comes from an npm package, as a virtual template (src/site/stemmer-asset.ts).
  //    https://www.11ty.dev/docs/virtual-templates/
  if (run.singlePages) eleventyConfig.addTemplate(STEMMER_ASSET, stemmerScript());
}

// 5. Directories for the CLI route (renderSite passes its own).
//    https://www.11ty.dev/docs/config/#input-directory
export const config = {
  dir: { input: "templates", includes: "_includes", output: "_site" },
};

// 6. CLI entry: archive from disk, then seeds, the Pagefind index and the from-disk search fallback
//    (src/site/offline-index.ts) once pages are written.
//    https://www.11ty.dev/docs/events/#eleventy.after
export default async function (eleventyConfig: UserConfig): Promise<void> {
  const archive = await readArchiveFile(process.env.ARCHIVE_JSON ?? "_site/archive.json");
  const seedsDir = process.env.SEEDS_DIR;
  const linkSeeds = seedsDir !== undefined && existsSync(seedsDir);
  // One run over every page: the batched render of large archives is renderSite's (src/site/index.ts).
  const site = buildSiteViews(archive, { linkSeeds });
  const articles = site.articlePages();
  const { entities, entityIndexes } = site.views;
  const views: SiteViews = { ...site.views, paged: { articles, entities, entityIndexes } };
  configureSite(eleventyConfig, views);
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (linkSeeds && seedsDir) await publishSeeds(archive, seedsDir, directories.output);
    const { filterKeys } = views.search;
    await indexSearch(directories.output, archive, {
      searchFingerprints: searchFingerprints(articles),
      meanwhile: () => writeOfflineIndex(archive, directories.output, filterKeys),
    });
  });
}
