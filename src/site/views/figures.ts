/**
 * The figures ledger: every figure claimed in any article, grouped by what was counted and what happened
 * to them ("Militants killed"), so differing claims from different outlets sit side by side.
 */
import type { Archive } from "../../types.ts";
import { type ArticleSummary, figureLabel, summarize } from "./articles.ts";
import { byDateDesc, type Lookup } from "./lookup.ts";

export interface FigureClaim {
  article: ArticleSummary;
  value: number;
  qualifier: string | null;
  what: string;
  period: string | null;
  text: string;
  line: number;
  /** "of 11 civilians" for a count that breaks another down; it does not widen the group's range. */
  partOf: string | null;
}

export interface FigureGroup {
  id: string;
  label: string;
  low: number;
  high: number;
  claims: FigureClaim[];
  outletCount: number;
}

export function figureGroups(archive: Archive, lookup: Lookup): FigureGroup[] {
  const groups = new Map<string, { label: string; claims: FigureClaim[] }>();
  const chronological = [...archive.articles].sort((a, b) => -byDateDesc(a, b));
  for (const article of chronological) {
    for (const figure of article.figures) {
      const key = `${figure.category}|${figure.outcome}`;
      const group = groups.get(key) ?? { label: figureLabel(figure), claims: [] };
      group.claims.push({
        article: summarize(article, lookup),
        value: figure.value,
        qualifier: figure.qualifier,
        what: figure.what,
        period: figure.period,
        text: figure.text,
        line: figure.line,
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
      return {
        id: label
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, ""),
        label,
        low: Math.min(...values),
        high: Math.max(...values),
        claims,
        outletCount: new Set(claims.map((c) => c.article.outlet?.name ?? "")).size,
      };
    })
    .sort((a, b) => b.claims.length - a.claims.length || (a.label < b.label ? -1 : 1));
}
