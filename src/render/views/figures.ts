/**
 * The figures ledger: every figure claimed in any article, grouped by what was counted and what happened
 * to them ("Militants killed"), so differing claims from different outlets sit side by side. One page per
 * group under an index of groups: a single page grew with the archive, 21 MB at 10,000 articles.
 */
import type { Archive, ArticleRecord } from "../../types.ts";
import { figureGroupUrl, fromSiteRoot } from "../../urls.ts";
import { compareStrings } from "../../util/group.ts";
import { slugify } from "../../util/slug.ts";
import { type ArticleSummary, figureLabel, summarize } from "./articles.ts";
import { byDateDesc, type Lookup } from "./lookup.ts";

/** One claim as the ledger shows it. */
export interface FigureClaim {
  article: ArticleSummary;
  value: number;
  qualifier: string | null;
  what: string;
  text: string;
  /** "of 11 civilians" for a count that breaks another down; it does not widen the group's range. */
  partOf: string | null;
}

export interface FigureGroup {
  id: string;
  permalink: string;
  url: string;
  label: string;
  low: number;
  high: number;
  claims: FigureClaim[];
  outletCount: number;
}

/**
 * `newestFirst` (byDateDesc order) turned oldest first, articles that tie in byDateDesc keeping their
 * order: the same list as sorting the archive's articles by the reverse of byDateDesc, without sorting.
 */
function oldestFirst(newestFirst: ArticleRecord[]): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (let end = newestFirst.length; end > 0; ) {
    let start = end - 1;
    while (start > 0 && byDateDesc(newestFirst[start - 1], newestFirst[end - 1]) === 0) start--;
    for (let at = start; at < end; at++) out.push(newestFirst[at]);
    end = start;
  }
  return out;
}

/** `sorted`: the archive's articles in byDateDesc order (the archive graph's), when the caller has them. */
export function figureGroups(
  archive: Archive,
  lookup: Lookup,
  sorted: ArticleRecord[] = [...archive.articles].sort(byDateDesc),
): FigureGroup[] {
  const groups = new Map<string, { label: string; claims: FigureClaim[] }>();
  for (const article of oldestFirst(sorted)) {
    for (const figure of article.figures) {
      const key = `${figure.category}|${figure.outcome}`;
      const group = groups.get(key) ?? { label: figureLabel(figure), claims: [] };
      group.claims.push({
        article: summarize(article, lookup),
        value: figure.value,
        qualifier: figure.qualifier,
        what: figure.what,
        text: figure.text,
        partOf: figure.partOf ? `of ${figure.partOf.value} ${figure.partOf.what}` : null,
      });
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map(({ label, claims }) => {
      // Breakdowns ("five men" of "11 civilians") are parts of a claim, not rival claims.
      const totals = claims.filter((c) => !c.partOf);
      const values = (totals.length > 0 ? totals : claims).map((c) => c.value);
      const url = figureGroupUrl(label);
      return {
        id: slugify(label),
        permalink: fromSiteRoot(url),
        url,
        label,
        low: Math.min(...values),
        high: Math.max(...values),
        claims,
        outletCount: new Set(claims.map((c) => c.article.outlet?.name ?? "")).size,
      };
    })
    .sort((a, b) => b.claims.length - a.claims.length || compareStrings(a.label, b.label));
}
