/**
 * The site as an Eleventy plugin: what Eleventy is told for every run of the render stage
 * (src/render/eleventy-runs.ts). Read it as a table of contents: each numbered section says what the
 * site does at that step and links the Eleventy docs for it.
 *
 * There is no Eleventy config file: the render stage runs Eleventy programmatically, handing it the
 * views it built from the Archive (`npm run build` is the one way to build the site).
 */
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

/** The templates folder, absolute, whatever the working directory. */
export const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Templates that are one page each (not paginated over articles or entities), and the assets. */
const singlePageTemplates = [
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

export interface SitePluginOptions {
  /** Every page's content, computed once from the Archive. */
  views: SiteViews;
  /** False for the later runs of a batched render, which write only their slice of article and entity pages. */
  singlePages: boolean;
}

/** Eleventy plugin (https://www.11ty.dev/docs/create-plugin/): the news-archive site over `views`. */
export function sitePlugin(eleventyConfig: UserConfig, { views, singlePages }: SitePluginOptions): void {
  // 1. Data: every page's content, computed once from the Archive (templates only present it).
  //    https://www.11ty.dev/docs/data-global-custom/
  eleventyConfig.addGlobalData("site", views);
  eleventyConfig.addGlobalData("navigation", navigation);
  // A large archive is rendered in several runs (src/render/eleventy-runs.ts); the one-off pages belong to the first.
  //    https://www.11ty.dev/docs/ignores/
  if (!singlePages)
    for (const template of singlePageTemplates) eleventyConfig.ignores.add(`${templatesDir}${template}`);

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
}
