/**
 * The output half's settings, in one table: how much goes on a page, how the site is rendered and indexed
 * in bounded pieces, and how the search page paces itself. Each value is read where it is used under the
 * name that module has always given it (PAGES_PER_RUN, SHARD_ARTICLES, …); change it here.
 *
 * The page fingerprints' code version covers this file (src/render/page-reuse.ts): a change renders every
 * page again. The input half's thresholds (extraction rules) stay with their rules.
 */

/** What the views put on a page (src/render/views/). */
export const PAGES = {
  /** Latest articles on the home page. */
  homeLatest: 8,
  /** Most-mentioned people, parties and places on the home page, each. */
  homeTop: 6,
  /** Related articles on an article page. */
  relatedArticles: 5,
  /** Articles gathered as candidates for an article's related list (see relatedArticles in views/articles.ts). */
  relatedCandidates: 200,
  /**
   * Stories on the first page of the site-wide figures ledger (/figures/) and of each kind of count; the
   * older are on a page per year or month (/figures/by-date/2024/, views/stable-pages.ts), cut into pages of
   * this many when a month holds twice as many.
   */
  ledgerStories: 100,
  /** Articles on the first page of the articles list (/articles/), and likewise for its older pages. */
  listArticles: 200,
  /** Stories on the first page of the stories list (/stories/), and likewise for its older pages. */
  listStories: 100,
  /**
   * An entity kind's index: once it has twice this many entities, a page per initial letter by name
   * (/people/by-name/a/); by number of articles, the twice this many named by most.
   */
  indexEntries: 500,
  /**
   * The timeline: a year with twice this many entries (articles and dates mentioned) is a page per month
   * (/timeline/2024/03/); a month with twice as many, as many undated articles, and as many dates a year's
   * page knows only by the year ("in 2013"), are cut into parts of this many (/timeline/2024/03/1/,
   * /timeline/undated/1/, /timeline/2013/year-only/1/).
   */
  timelineEntries: 300,
  /**
   * Entries of feed.xml: the newest dated articles. A feed reader asks what is new, and fetches the feed on
   * every poll; every article is in sitemap.xml and archive.json. A feed of every article grew with the
   * archive (5.5 MB at 10,000 articles) and was written again whenever one was added.
   */
  feedEntries: 100,
  /** Characters of each article's lead shown on its story's page (cut at a word). */
  storyLeadChars: 280,
  /** Entities most often seen with an entity, on its page. */
  companions: 12,
  /** Members on a party's page: those named by the most articles (a party had 12,001 at 50,000 articles). */
  partyMembers: 200,
  /**
   * Articles on each of an entity's older pages; its first page lists the newest, up to twice as many
   * (views/stable-pages.ts). One page per entity grew with the archive: 6.4 MB for a province at 10,000.
   */
  entityArticles: 100,
  /**
   * Entities offered by each entity filter of the search page (person, party, organization, place): those
   * named by the most articles (views/search-filters.ts). Outlet and year are not capped.
   */
  searchFilterValues: 100,
  /** Problems listed per section of the review page (views/review.ts); the section says how many there are. */
  reviewItems: 300,
};

/** The maps drawn at build time (src/render/map.ts): story pages and the places index. */
export const MAP = {
  /** The SVG's drawing size (its viewBox); the page scales it to the column's width. */
  width: 640,
  height: 400,
  /** Pixels kept clear inside the frame, so a place on the frame's edge is not cut. */
  inset: 12,
  /** Degrees of margin around the places, at least (a lone town still shows its surroundings). */
  minMarginDegrees: 2,
  /** Share of the places' span added as margin on each side. */
  marginShare: 0.25,
  /**
   * The frame's edges are widened to whole multiples of this many degrees, so maps of nearby places share
   * a frame, and the outlines drawn for it (0.03–0.1 s a frame) are drawn once per build.
   */
  snapDegrees: 2,
  /** Frames wider than this many degrees of longitude use the coarse outlines (1:110m), closer ones 1:50m. */
  coarseAboveDegrees: 60,
  /** Decimal digits of SVG coordinates: a tenth of a pixel is finer than the eye sees. */
  digits: 1,
  /** Radius of a place's circle. */
  pointRadius: 5,
  /** Places whose names may be written beside their circles (the first ones, where they fit); the rest carry titles only. */
  labelledPoints: 40,
  /** Estimated width of a character and height of a name at the map's 14 px type, for keeping names apart. */
  charWidth: 7.6,
  labelHeight: 16,
};

/** A story's coverage timeline (src/render/coverage.ts): dated articles per day, as an SVG bar chart. */
export const COVERAGE = {
  width: 640,
  height: 90,
  /** Room under the bars' baseline, and above the tallest bar. */
  axis: 4,
  top: 4,
  /** Widest bar: a story of a few days is not drawn as a few slabs. */
  maxBar: 36,
  digits: 1,
};

/** The read stage (src/read/). */
export const READ = {
  /**
   * A seed file written less than this many milliseconds before a read is read again by the next one,
   * not known by its stat (src/read/known-seeds.ts): two writes within a file system's time resolution
   * can leave the stat as it was. FAT's resolution is 2 s.
   */
  settleMs: 2000,
};

/** The archive stage (src/archive/): the record files archive.json lists. */
export const ARCHIVE = {
  /**
   * Records per JSON Lines file, on average. A file ends where a record's slug hashes to one in this many
   * (src/archive/record-files.ts), so adding or removing a record changes the one file it is in, and a
   * rebuild rewrites a few files of the archive instead of all of it (270 MB at 10,000 articles). 64
   * articles are about 1.2 MB.
   */
  recordsPerFile: 64,
  /** No file holds more records than this, however the slugs hash. */
  maxRecordsPerFile: 512,
  /** Files being written at once, each one file's text held until written. */
  writesInFlight: 4,
};

/** The render stage (src/render/). */
export const RENDER = {
  /**
   * Eleventy keeps every page it renders in memory until its run ends, so a large archive is rendered in
   * several runs of at most this many article and entity pages each: memory stays bounded, and the output
   * is the same as one run's. At 50,000 articles, runs of 1,500 rather than 3,000 took the render's peak from
   * 3,124 to 2,858 MiB (and 10,000 articles' from 1.24–1.34 to 1.13–1.14 GiB) in the same time.
   */
  pagesPerRun: 1500,
  /**
   * The share of a run's pages that may be paginated one-off pages (the lists, ledger and timeline by date):
   * a sixth, 250 of 1,500. They are the largest pages, up to some hundreds of kilobytes each.
   */
  pagedOneOffsShare: 1 / 6,
  /**
   * A full garbage collection between the build's batches (src/util/memory.ts) is made only when the heap
   * has grown by this many bytes since the last one: each costs a quarter of a second at 10,000 articles,
   * and after a rebuild's small batches it frees less than it costs.
   */
  collectAfterGrowth: 256 * 2 ** 20,
};

/** The index stage (src/search/). */
export const SEARCH_INDEX = {
  /**
   * Most articles per Pagefind shard: Pagefind took 0.89 GiB for 2,500 of this site's article pages and
   * 1.58 GiB for 5,000 (measured alone), so about 1.3 GiB for a shard of this size, whatever the archive's
   * size. `--shard-size` overrides it.
   */
  shardArticles: 4000,
  /**
   * Most loose terms of a vocabulary before the shards indexed with it are indexed again: the search page
   * loads the lists (one per vocabulary still in use, about 15 bytes a term), so they stay within some kilobytes.
   */
  maxLooseTerms: 1000,
  /**
   * Most articles (added, changed or removed since the shards were indexed) the delta bundle answers for before
   * the build compacts: it plans the shards again and indexes the changed ones whole (src/search/pagefind.ts).
   * Every rebuild indexes the whole delta again (some 2 s of Pagefind for 500 articles), and the search page loads
   * its list of superseded pages (about 150 bytes each), so it stays small next to a shard.
   */
  maxDeltaArticles: 500,
  /** …and at most this fraction of a shard, so that small shards (tests, --shard-size) compact early too. */
  maxDeltaShardFraction: 0.5,
  /**
   * Pages sent to Pagefind ahead of its answers. Its service takes messages one at a time in the order
   * they arrive, so the index is the same; a page no longer waits for the last one's answer (4,000 pages:
   * 6.0 → 5.0 s).
   */
  pagesInFlight: 32,
};

/** The fallback index for pages opened from disk (src/search/offline-index.ts). */
export const OFFLINE_INDEX = {
  /** Split a term shard larger than this (bytes of its entries) by one more prefix character. */
  shardBytes: 48_000,
  /** The root is always split at least once, so a query loads only the shards of its terms. */
  minKeyLength: 1,
  maxKeyLength: 4,
  /** Documents per document file. */
  docShard: 200,
  /** Characters of an article's text kept for its excerpts. */
  excerptChars: 600,
  /** Articles indexed between two garbage collections. */
  collectEvery: 2500,
};

/** The search page (src/search/browser/). */
export const SEARCH_PAGE = {
  /**
   * Results shown at a time ("More results" shows more): each result shown is a placeholder until its data
   * loads, and thousands of them (a common name at 10,000 articles) took seconds to lay out.
   */
  resultsPage: 20,
  /** Results whose data is fetched before the list is drawn: about a screenful. */
  filledAtOnce: 5,
  /**
   * A search starts once typing pauses this long (ms): long enough to take a burst of input events (a paste,
   * key repeat, an input method) as one query, short enough not to add to the wait for results. Keys typed
   * by hand come further apart, so each starts a search anyway; a newer search supersedes an older one
   * before the older fetches its results' data, and the index chunks a query needs are preloaded from its
   * first keystroke.
   */
  typingPauseMs: 30,
  /** Words in a result's excerpt, both ways (Pagefind's excerptLength; the from-disk excerpt). */
  excerptWords: 30,
  /** Names suggested above the results at most (src/search/browser/suggest.ts). */
  suggestions: 6,
  /** The share of the best name's score another name needs to be suggested with it. */
  suggestionShareOfBest: 0.25,
};

/** The build (src/pipeline/). */
export const PIPELINE = {
  /** Ingests of at least this many seeds show a progress counter. */
  progressFrom: 200,
};
