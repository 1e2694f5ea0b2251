/**
 * A story's figures ledger: the counts its articles claim, grouped by who was counted and what
 * happened to them, so that only like is compared with like. Within a group:
 * - a part is told apart from a total: a breakdown of another count ("11 civilians, including five
 *   women"), or a count for a narrower place than a larger count gives ("30 in Harnai" beside 145
 *   province-wide); parts never widen the range;
 * - a wire copy (an article republished by another outlet) is not a source of its own;
 * - the range runs over the totals; the conservative figure is the lowest total (ACLED's rule), the
 *   best the median of each source's latest total (UCDP's low / best / high);
 * - a line is corroborated when two independent sources give a total, a single source otherwise.
 */
import type { ArticleRecord, LedgerClaim, LedgerLine, PlaceKind } from "../types.ts";
import { compareStrings, groupBy } from "../util/group.ts";

/** Broad to narrow. */
const PLACE_RANK: Record<PlaceKind, number> = { country: 0, province: 1, district: 2, city: 3, area: 4 };

/**
 * A count with no place (or a place of unknown kind) speaks for the story's whole area, which is
 * at least a province: a district's or a town's count is a part of it, a province's or a country's
 * count is a rival total, not a part ("145 in Balochistan" beside a place-less 177).
 */
const STORY_AREA_RANK = PLACE_RANK.province;

function placeRank(place: string | null, kindOf: (slug: string) => PlaceKind | undefined): number {
  const kind = place === null ? undefined : kindOf(place);
  return kind === undefined ? STORY_AREA_RANK : PLACE_RANK[kind];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Who stands behind a claim: its outlet, or the article itself when no outlet is known. */
const sourceOf = (claim: LedgerClaim) => claim.outlet ?? `article:${claim.article}`;

function line(claims: LedgerClaim[], kindOf: (slug: string) => PlaceKind | undefined): LedgerLine {
  const rank = (c: LedgerClaim) => placeRank(c.place, kindOf);
  for (const claim of claims) {
    const narrower = claims.some((other) => other.value > claim.value && rank(other) < rank(claim));
    if (narrower) claim.role = "part";
  }
  const totals = claims.filter((c) => c.role === "total");
  const counted = totals.length > 0 ? totals : claims;
  const values = counted.map((c) => c.value);
  // Each independent source's latest total (claims are oldest first).
  const latest = new Map<string, number>();
  for (const claim of counted) if (!claim.copy) latest.set(sourceOf(claim), claim.value);
  const first = claims[0];
  return {
    category: first.category,
    outcome: first.outcome,
    claims,
    low: Math.min(...values),
    high: Math.max(...values),
    conservative: Math.min(...values),
    best: median(latest.size > 0 ? [...latest.values()] : values),
    sources: latest.size,
    grading: latest.size > 1 ? "corroborated" : "single source",
  };
}

/**
 * The ledger of one story. `articles` are the story's, oldest first; `kindOf` gives a place
 * slug's kind.
 */
export function storyLedger(articles: ArticleRecord[], kindOf: (slug: string) => PlaceKind | undefined): LedgerLine[] {
  const claims: LedgerClaim[] = articles.flatMap((article) =>
    article.figures.map((figure, index) => ({
      article: article.slug,
      figure: index,
      value: figure.value,
      qualifier: figure.qualifier,
      category: figure.category,
      outcome: figure.outcome,
      outlet: article.outletSlug,
      date: article.date,
      period: figure.period,
      place: figure.place,
      role: figure.partOf ? "part" : "total",
      copy: article.copyOf !== null,
    })),
  );
  return [...groupBy(claims, (c) => `${c.category}\u0000${c.outcome}`).values()]
    .map((group) => line(group, kindOf))
    .sort(
      (a, b) =>
        b.claims.length - a.claims.length ||
        compareStrings(a.category, b.category) ||
        compareStrings(a.outcome, b.outcome),
    );
}
