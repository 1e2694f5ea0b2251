/**
 * The Eleventy config (https://www.11ty.dev/docs/config/). It reads as a table of contents: the site is one
 * plugin, src/render/eleventy-plugin.ts, whose numbered sections are its concerns — data, templates,
 * filters, assets, output — each with the Eleventy docs for it.
 *
 * The render stage (src/render/eleventy-runs.ts) runs Eleventy with this config, one run per slice of the
 * pages, and gives each run its pages' views and the one-off templates it writes (`addRunData`). Those views
 * are made from the archive the earlier stages resolve, so `npm run build` (or `npm start`) is the way to
 * build the site, not the Eleventy command line. The input and output folders are the build's: `templates/`
 * and the site folder it writes.
 */
import type { UserConfig } from "@11ty/eleventy";
import { sitePlugin } from "./src/render/eleventy-plugin.ts";

export default function siteConfig(eleventyConfig: UserConfig): void {
  // Now, not once the config is read, as Eleventy runs plugins by default: the plugin sets the template formats,
  // which Eleventy settles before it runs deferred plugins.
  eleventyConfig.addPlugin(sitePlugin, { immediate: true });
}
