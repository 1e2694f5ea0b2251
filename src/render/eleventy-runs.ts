/**
 * Eleventy runs over a stream of article and entity pages, for the render stage (src/render/index.ts).
 */
import { RENDER } from "../settings.ts";
import { collectGarbageIfGrown } from "../util/memory.ts";
import { addRunData, ELEVENTY_CONFIG, type RunData, templatesDir } from "./eleventy-plugin.ts";
import type { ArticlePage } from "./views/articles.ts";
import type { EntityPage } from "./views/entities.ts";
import type { SiteViews } from "./views/index.ts";
import { noPagedOneOffs, PAGED_TEMPLATES, type PagedOneOffs } from "./views/one-off-pages.ts";
import type { StoryPage } from "./views/stories.ts";

/** Article and entity pages per Eleventy run at most (src/settings.ts). */
export const PAGES_PER_RUN = RENDER.pagesPerRun;

/**
 * Eleventy runs of at most `pagesPerRun` pages each, articles first, started as pages are added: a rebuild
 * that changes a few pages is one run, and there is always a first run. The one-off pages given (`oneOffs`:
 * the templates of one page to write, and the paginated ones' pages) go with them: the first run writes the
 * templates of one page, and each run at most RENDER.pagedOneOffsShare of its pages of the paginated ones.
 */
export class EleventyRuns {
  private articles: ArticlePage[] = [];
  private entities: EntityPage[] = [];
  private stories: StoryPage[] = [];
  /** The paginated one-off pages not yet given to a run. */
  private readonly paged: PagedOneOffs;
  /** The one-off templates of one page to write, for the first run. */
  private readonly singles: Set<string>;
  private runs = 0;

  constructor(
    private readonly views: SiteViews,
    private readonly output: string,
    private readonly pagesPerRun: number,
    oneOffs: { templates: ReadonlySet<string>; paged: PagedOneOffs },
  ) {
    this.paged = Object.fromEntries(
      Object.entries(oneOffs.paged).map(([list, pages]) => [list, [...pages]]),
    ) as unknown as PagedOneOffs;
    const pagedTemplates = new Set(Object.values(PAGED_TEMPLATES));
    this.singles = new Set([...oneOffs.templates].filter((template) => !pagedTemplates.has(template)));
  }

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
    return this.articles.length + this.entities.length + this.stories.length + this.pagedLeft();
  }

  private pagedLeft(): number {
    return Object.values(this.paged).reduce((sum, list) => sum + list.length, 0);
  }

  /**
   * The next paginated one-off pages, at most `most`, list by list. The lists, ledger and timeline paged by
   * date are some 2,000 pages and 290 MB of HTML at 50,000 articles: all in the first run, held until it
   * wrote them, they were the peak of a full render (3,490 MiB).
   */
  private takePaged(most: number): { paged: PagedOneOffs; count: number; templates: string[] } {
    const paged = noPagedOneOffs();
    const templates: string[] = [];
    let count = 0;
    for (const list of Object.keys(this.paged) as (keyof PagedOneOffs)[]) {
      const taken = this.paged[list].splice(0, most - count);
      if (taken.length === 0) continue;
      (paged[list] as unknown[]) = taken;
      templates.push(PAGED_TEMPLATES[list]);
      count += taken.length;
    }
    return { paged, count, templates };
  }

  private async run(): Promise<void> {
    const first = this.runs === 0;
    // A run's one-off pages count toward its size.
    const oneOffs = this.takePaged(Math.max(1, Math.floor(this.pagesPerRun * RENDER.pagedOneOffsShare)));
    const size = Math.max(0, this.pagesPerRun - oneOffs.count);
    this.runs++;
    const articles = this.articles.splice(0, size);
    const entities = this.entities.splice(0, size - articles.length);
    const stories = this.stories.splice(0, size - articles.length - entities.length);
    const run: RunData = {
      views: { ...this.views, paged: { articles, entities, stories, ...oneOffs.paged } },
      oneOffsToWrite: new Set([...(first ? this.singles : []), ...oneOffs.templates]),
    };
    // The previous run's pages and Eleventy's copy of them are garbage now: collected if the heap has grown
    // enough since the last collection (src/util/memory.ts).
    collectGarbageIfGrown();
    // Loaded by the first run, not with this module: a build that finds its site up to date renders nothing,
    // and loading Eleventy (and esbuild, src/search/page-scripts.ts) was 0.3–0.5 s of its 1.8–2.5 s.
    const { default: Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy(templatesDir, this.output, {
      // The project's config (the site as a plugin), and this run's pages.
      configPath: ELEVENTY_CONFIG,
      quietMode: true,
      config: (eleventyConfig) => {
        // Eleventy warns of any filter taking over 8% of a run — on a large archive always `rel`, which
        // every link goes through. Neither quietMode nor disableLogger() reaches the timer groups made
        // before this callback (Eleventy's own filters make them), and the build prints its own summary.
        const timers = eleventyConfig.benchmarkManager;
        timers.setVerboseOutput(false);
        for (const group of Object.values(timers.getAll())) group.setIsVerbose(false);
        addRunData(eleventyConfig, run);
      },
    });
    // The build prints its own one-line summary; Eleventy's would be a second one.
    eleventy.disableLogger();
    try {
      await eleventy.write();
    } finally {
      // What Eleventy keeps of this run after it (src/render/eleventy-plugin.ts, addRunData) no longer holds its pages.
      run.views = undefined;
    }
  }
}
