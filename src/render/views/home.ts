/** The home page: latest articles, archive counts (stories among them) and the most-mentioned people, parties and places. */
import { PAGES } from "../../settings.ts";
import type { Archive, ArticleRecord } from "../../types.ts";
import { STORIES_URL } from "../../urls.ts";
import { type ArticleSummary, summarize } from "./articles.ts";
import type { EntityIndexPage, IndexEntry } from "./entities.ts";
import type { Lookup } from "./lookup.ts";

export interface HomeCount {
  label: string;
  value: number;
  url: string;
}

export interface Home {
  latest: ArticleSummary[];
  counts: HomeCount[];
  topPeople: IndexEntry[];
  topParties: IndexEntry[];
  topPlaces: IndexEntry[];
}

const LATEST = PAGES.homeLatest;
const TOP = PAGES.homeTop;

/** `sorted`: the archive's articles in byDateDesc order (the archive graph's). */
export function home(archive: Archive, sorted: ArticleRecord[], lookup: Lookup, indexes: EntityIndexPage[]): Home {
  const top = (kind: string) =>
    (indexes.find((index) => index.kind === kind && index.sortedBy === "articles")?.entries ?? [])
      .filter((entry) => entry.count > 0)
      .slice(0, TOP);
  const figureCount = archive.articles.reduce((sum, article) => sum + article.figures.length, 0);
  return {
    latest: sorted.slice(0, LATEST).map((a) => summarize(a, lookup)),
    counts: [
      { label: "Articles", value: archive.articles.length, url: "/articles/" },
      { label: "Stories", value: archive.stories.length, url: STORIES_URL },
      { label: "Outlets", value: archive.outlets.length, url: "/outlets/" },
      { label: "People", value: archive.people.length, url: "/people/" },
      { label: "Parties", value: archive.parties.length, url: "/parties/" },
      { label: "Organizations", value: archive.organizations.length, url: "/organizations/" },
      { label: "Places", value: archive.places.length, url: "/places/" },
      { label: "Figures", value: figureCount, url: "/figures/" },
    ],
    topPeople: top("person"),
    topParties: top("party"),
    topPlaces: top("place"),
  };
}
