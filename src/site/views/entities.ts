/** Entity pages (person, party, organization, place, outlet) and the per-kind index pages sorted two ways. */
import type { Archive, ArticleRecord } from "../../types.ts";
import { type EntityKind, entityUrl, kindFolder } from "../urls.ts";
import { type ArticleSummary, summarize } from "./articles.ts";
import { byDateDesc, byName, type EntityRef, entityKeysOf, type Lookup, splitKey } from "./lookup.ts";

export interface Companion extends EntityRef {
  kindLabel: string;
  count: number;
}

export interface EntityPage extends EntityRef {
  permalink: string;
  kindLabel: string;
  indexUrl: string;
  indexTitle: string;
  /** "province", "militant group", "ANP" … shown under the name. */
  description: string | null;
  variants: string[];
  roles: string[];
  parties: EntityRef[];
  members: EntityRef[];
  articles: ArticleSummary[];
  companions: Companion[];
}

export interface IndexEntry extends EntityRef {
  count: number;
}

export interface EntityIndexPage {
  kind: EntityKind;
  title: string;
  permalink: string;
  url: string;
  sortedBy: "name" | "articles";
  byNameUrl: string;
  byArticlesUrl: string;
  entries: IndexEntry[];
}

export const kindLabels: Record<EntityKind, { one: string; many: string }> = {
  person: { one: "Person", many: "People" },
  party: { one: "Party", many: "Parties" },
  organization: { one: "Organization", many: "Organizations" },
  place: { one: "Place", many: "Places" },
  outlet: { one: "Outlet", many: "Outlets" },
};

export const entityKinds: EntityKind[] = ["person", "party", "organization", "place", "outlet"];

const COMPANION_LIMIT = 12;

/** Uniform shape over the five record lists. */
interface EntitySource {
  kind: EntityKind;
  slug: string;
  name: string;
  description: string | null;
  variants: string[];
  roles: string[];
  parties: string[];
  members: string[];
  articles: string[];
}

export function entitySources(archive: Archive): EntitySource[] {
  const none = { description: null, variants: [], roles: [], parties: [], members: [] };
  const common = (e: { slug: string; name: string; articles: string[] }) => ({
    slug: e.slug,
    name: e.name,
    articles: e.articles,
  });
  return [
    ...archive.people.map(
      (e): EntitySource => ({
        ...none,
        ...common(e),
        kind: "person",
        variants: e.variants,
        roles: e.roles,
        parties: e.parties,
      }),
    ),
    ...archive.parties.map(
      (e): EntitySource => ({
        ...none,
        ...common(e),
        kind: "party",
        description: e.abbr,
        variants: e.variants,
        members: e.members,
      }),
    ),
    ...archive.organizations.map(
      (e): EntitySource => ({ ...none, ...common(e), kind: "organization", description: e.kind, variants: e.variants }),
    ),
    ...archive.places.map(
      (e): EntitySource => ({ ...none, ...common(e), kind: "place", description: e.kind, variants: e.variants }),
    ),
    ...archive.outlets.map((e): EntitySource => ({ ...none, ...common(e), kind: "outlet" })),
  ];
}

function articleHasEntity(article: ArticleRecord, kind: EntityKind, slug: string): boolean {
  if (kind === "outlet") return article.outletSlug === slug;
  return entityKeysOf(article).includes(`${kind}:${slug}`);
}

/** Entities seen in the same articles as this one, most shared articles first. */
function companions(source: EntitySource, articles: ArticleRecord[], lookup: Lookup): Companion[] {
  const counts = new Map<string, number>();
  const self = `${source.kind}:${source.slug}`;
  for (const article of articles) {
    for (const key of new Set(entityKeysOf(article))) {
      if (key !== self) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([key, count]) => {
      const { kind, slug } = splitKey(key);
      return { ...lookup.entity(kind, slug), kindLabel: kindLabels[kind].one, count };
    })
    .sort((a, b) => b.count - a.count || byName(a, b) || (a.kind < b.kind ? -1 : 1))
    .slice(0, COMPANION_LIMIT);
}

export function entityPages(archive: Archive, lookup: Lookup): EntityPage[] {
  return entitySources(archive).map((source) => {
    // The article list is recomputed from the articles themselves, so the page and the panel agree.
    const articles = archive.articles
      .filter(
        (article) => articleHasEntity(article, source.kind, source.slug) || source.articles.includes(article.slug),
      )
      .sort(byDateDesc);
    return {
      ...lookup.entity(source.kind, source.slug),
      name: source.name,
      permalink: `${kindFolder[source.kind]}/${source.slug}/index.html`,
      kindLabel: kindLabels[source.kind].one,
      indexUrl: `/${kindFolder[source.kind]}/`,
      indexTitle: kindLabels[source.kind].many,
      description: source.description,
      variants: source.variants.filter((v) => v !== source.name),
      roles: source.roles,
      parties: source.parties.map((slug) => lookup.entity("party", slug)),
      members: source.members.map((slug) => lookup.entity("person", slug)).sort(byName),
      articles: articles.map((article) => summarize(article, lookup)),
      companions: companions(source, articles, lookup),
    };
  });
}

export function entityIndexPages(pages: EntityPage[]): EntityIndexPage[] {
  return entityKinds.flatMap((kind) => {
    const folder = kindFolder[kind];
    const entries = pages
      .filter((page) => page.kind === kind)
      .map((page) => ({
        kind,
        slug: page.slug,
        name: page.name,
        url: entityUrl(kind, page.slug),
        count: page.articles.length,
      }));
    const byNameList = [...entries].sort(byName);
    const byCountList = [...entries].sort((a, b) => b.count - a.count || byName(a, b));
    const common = {
      kind,
      title: kindLabels[kind].many,
      byNameUrl: `/${folder}/`,
      byArticlesUrl: `/${folder}/by-articles/`,
    };
    return [
      {
        ...common,
        permalink: `${folder}/index.html`,
        url: `/${folder}/`,
        sortedBy: "name" as const,
        entries: byNameList,
      },
      {
        ...common,
        permalink: `${folder}/by-articles/index.html`,
        url: `/${folder}/by-articles/`,
        sortedBy: "articles" as const,
        entries: byCountList,
      },
    ];
  });
}
