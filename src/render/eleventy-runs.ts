/**
 * Eleventy runs over a stream of article and entity pages, for the render stage (src/render/index.ts).
 */
import Eleventy from "@11ty/eleventy";
import { RENDER } from "../settings.ts";
import { collectGarbageIfGrown } from "../util/memory.ts";
import { sitePlugin, templatesDir } from "./eleventy-plugin.ts";
import type { ArticlePage } from "./views/articles.ts";
import type { EntityPage } from "./views/entities.ts";
import type { SiteViews } from "./views/index.ts";
import { noPagedOneOffs, type PagedOneOffs } from "./views/one-off-pages.ts";
import type { StoryPage } from "./views/stories.ts";

/** Article and entity pages per Eleventy run at most (src/settings.ts). */
export const PAGES_PER_RUN = RENDER.pagesPerRun;

/**
 * Eleventy runs of at most `pagesPerRun` article, entity and story pages each, articles first, started as
 * pages are added: a rebuild that changes a few pages is one run. The first run also writes the one-off
 * pages given (`oneOffs`: the templates of one page to write, and the paginated ones' pages), and there is
 * always a first run.
 */
export class EleventyRuns {
  private articles: ArticlePage[] = [];
  private entities: EntityPage[] = [];
  private stories: StoryPage[] = [];
  private runs = 0;

  constructor(
    private readonly views: SiteViews,
    private readonly output: string,
    private readonly pagesPerRun: number,
    private readonly oneOffs: { templates: ReadonlySet<string>; paged: PagedOneOffs },
  ) {}

  async add(articles: ArticlePage[], entities: EntityPage[], stories: StoryPage[] = []): Promise<void> {
    this.articles.push(...articles);
    this.entities.push(...entities);
    this.stories.push(...stories);
    while (this.pending() >= this.pagesPerRun) await this.run();
  }

  /** Whether a run has been started: the pages added so far did not all fit one. */
  get started(): boolean {
    return this.runs > 0;
  }

  /** Writes every article page added so far, in runs of article pages only. */
  async writeArticles(): Promise<void> {
    while (this.articles.length > 0) await this.run();
  }

  async finish(): Promise<void> {
    while (this.runs === 0 || this.pending() > 0) await this.run();
  }

  private pending(): number {
    return this.articles.length + this.entities.length + this.stories.length;
  }

  private async run(): Promise<void> {
    const first = this.runs === 0;
    // The first run's one-off pages count toward its size: the lists, ledger and timeline paged by date are
    // hundreds of pages at 10,000 articles, and every page of a run is held until the run writes.
    const oneOffPages = Object.values(this.oneOffs.paged).reduce((sum, list) => sum + list.length, 0);
    const size = first ? Math.max(0, this.pagesPerRun - oneOffPages) : this.pagesPerRun;
    this.runs++;
    const articles = this.articles.splice(0, size);
    const entities = this.entities.splice(0, size - articles.length);
    const stories = this.stories.splice(0, size - articles.length - entities.length);
    const batch: SiteViews = {
      ...this.views,
      paged: { articles, entities, stories, ...(first ? this.oneOffs.paged : noPagedOneOffs()) },
    };
    // The previous run's pages and Eleventy's copy of them are garbage now: collected if the heap has grown
    // enough since the last collection (src/util/memory.ts).
    collectGarbageIfGrown();
    const eleventy = new Eleventy(templatesDir, this.output, {
      // No config file: the site is the plugin, given the views here.
      configPath: false,
      quietMode: true,
      config: (eleventyConfig) => {
        // Eleventy warns of any filter taking over 8% of a run — on a large archive always `rel`, which
        // every link goes through. Neither quietMode nor disableLogger() reaches the timer groups made
        // before this callback (Eleventy's own filters make them), and the build prints its own summary.
        const timers = eleventyConfig.benchmarkManager;
        timers.setVerboseOutput(false);
        for (const group of Object.values(timers.getAll())) group.setIsVerbose(false);
        sitePlugin(eleventyConfig, { views: batch, oneOffsToWrite: first ? this.oneOffs.templates : new Set() });
      },
    });
    // The build prints its own one-line summary; Eleventy's would be a second one.
    eleventy.disableLogger();
    await eleventy.write();
  }
}
