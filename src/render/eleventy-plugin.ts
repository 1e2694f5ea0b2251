/**
 * The site as an Eleventy plugin, which the Eleventy config (eleventy.config.ts) adds for every run of the render
 * stage (src/render/eleventy-runs.ts). Read it as a table of contents: each numbered section says what the
 * site does at that step and links the Eleventy docs for it.
 *
 * The render stage runs Eleventy programmatically, one run per slice of pages, and hands each run its pages'
 * views (`addRunData`): the pages are made from the archive the earlier stages resolved, so `npm run build`
 * is the one way to build the site.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { STORIES_URL } from "../urls.ts";
import { siteFilters } from "./filters.ts";
import type { SiteViews } from "./views/index.ts";

/** The navigation shown on every page, in this order. */
export const navigation = [
  { label: "Articles", url: "/articles/" },
  { label: "Stories", url: STORIES_URL },
  { label: "Timeline", url: "/timeline/" },
  { label: "People", url: "/people/" },
  { label: "Parties", url: "/parties/" },
  { label: "Organizations", url: "/organizations/" },
  { label: "Places", url: "/places/" },
  { label: "Outlets", url: "/outlets/" },
  { label: "Figures", url: "/figures/" },
  { label: "Search", url: "/search/" },
];

/** The project's Eleventy config, absolute, whatever the working directory. */
export const ELEVENTY_CONFIG = fileURLToPath(new URL("../../eleventy.config.ts", import.meta.url));

/** The templates folder, absolute, whatever the working directory. */
export const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Templates of the one-off pages (not paginated over articles, entities or stories), and the assets. */
const oneOffTemplates = [
  "index.njk",
  "articles.njk",
  "stories.njk",
  "timeline.njk",
  "timeline-year.njk",
  "figures.njk",
  "figures-group.njk",
  "search.njk",
  "report.njk",
  "review.njk",
  "feed.njk",
  "sitemap.njk",
  "entity-index.njk",
  "assets/**",
];

/** What one run of Eleventy renders (src/render/eleventy-runs.ts). */
export interface RunData {
  /**
   * Every page's content, computed once from the Archive; emptied when the run is over
   * (src/render/eleventy-runs.ts), since Eleventy keeps the first run's config as long as the process lives.
   */
  views: SiteViews | undefined;
  /**
   * The one-off templates to write (those of pages a rebuild renders again; src/render/views/one-off-pages.ts):
   * in a batched render, the first run's templates of one page, and each run's paginated ones that have pages
   * in its slice (src/render/eleventy-runs.ts).
   */
  oneOffsToWrite: ReadonlySet<string>;
}

/** Eleventy plugin (https://www.11ty.dev/docs/create-plugin/): the news-archive site, whatever its pages. */
export function sitePlugin(eleventyConfig: UserConfig): void {
  // 1. Data: every page's content, computed from the Archive for each run (addRunData); templates only
  //    present it. The navigation is every page's.
  //    https://www.11ty.dev/docs/data-global-custom/
  eleventyConfig.addGlobalData("navigation", navigation);

  // 2. Templates: Nunjucks, autoescaped, failing loudly on a misspelt variable.
  //    https://www.11ty.dev/docs/languages/nunjucks/
  eleventyConfig.setTemplateFormats(["njk", "css"]);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });

  // 3. Filters: relative links and small formatting helpers (src/render/filters.ts).
  //    https://www.11ty.dev/docs/filters/
  for (const [name, filter] of Object.entries(siteFilters)) eleventyConfig.addFilter(name, filter);

  // 4. Assets: our stylesheet, written out unchanged at the same path under the output. (The search page's
  //    scripts are built from TypeScript by the index stage: src/search/page-scripts.ts.)
  //    https://www.11ty.dev/docs/languages/custom/
  eleventyConfig.addExtension("css", { outputFileExtension: "css", compile: (content) => () => content });

  // 5. Output as bytes: Eleventy keeps each page's output until its run ends (and renders every page's body
  //    before it writes any, which is why the article, entity and story pages are all layout). Held as
  //    strings, a run's pages lived through the young generation's collections and were copied into the old
  //    one; held as bytes, they lie outside the JavaScript heap. A cold render of 10,000 articles spent 11.1–11.4
  //    s collecting garbage, now 5.8–5.9 s.
  //    https://www.11ty.dev/docs/transforms/
  eleventyConfig.addTransform("bytes", (content) => Buffer.from(content));
}

/** One run's pages: their views, and the one-off templates it writes (the others are ignored). */
export function addRunData(eleventyConfig: UserConfig, run: RunData): void {
  // Reached through `run` rather than held: Eleventy caches a layout in a module of its own, shared by every
  // Eleventy in the process, and the layout keeps the config (and so the global data) of the run that first
  // used it. Held, the first run's views (280 MB at 10,000 articles) lived as long as `npm start` did.
  //    https://www.11ty.dev/docs/data-global-custom/
  eleventyConfig.addGlobalData("site", () => {
    if (!run.views) throw new Error("an Eleventy run asked for its pages after it ended");
    return run.views;
  });
  // A large archive is rendered in several runs (src/render/eleventy-runs.ts), each writing the one-off
  // templates it is given; a rebuild writes only the one-off pages that changed.
  //    https://www.11ty.dev/docs/ignores/
  // Ignores are paths relative to the working folder: Eleventy joins an absolute one to "./", and it matches nothing.
  for (const template of oneOffTemplates)
    if (!run.oneOffsToWrite.has(template))
      eleventyConfig.ignores.add(path.relative(process.cwd(), `${templatesDir}${template}`));
}
