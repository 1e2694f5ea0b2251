/**
 * Scores an archive against hand annotations (the shape of test/fixtures/gold-seeds.json):
 * precision, recall and F1 per field, counted over all annotated articles (micro average).
 */
import type { Archive, ArticleRecord } from "../types.ts";

interface GoldEntity {
  name: string;
  variants?: string[];
}

interface GoldFigure {
  value: number;
  qualifier: string | null;
  category: string;
  outcome: string;
  period?: string | null;
}

export interface GoldArticle {
  date: string | null;
  outlet: string | null;
  title: string | null;
  subtitle: string | null;
  authors: string[];
  dateline: string | null;
  boilerplate: string[];
  people: GoldEntity[];
  parties: GoldEntity[];
  organizations: GoldEntity[];
  places: GoldEntity[];
  figures: GoldFigure[];
  events_dates?: { date: string }[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export interface FieldScore extends Score {
  field: string;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  articles: number;
  missing: string[];
  fields: FieldScore[];
  /** Share of matched figures whose qualifier also matches. */
  figureQualifierAccuracy: number;
}

/** Case, whitespace, quote and dash differences are not extraction errors. */
export function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** One-to-one greedy matching of predicted to gold items; returns the matched pairs. */
function matchOneToOne<P, G>(predicted: P[], gold: G[], matches: (p: P, g: G) => boolean): [P, G][] {
  const used = new Set<number>();
  const pairs: [P, G][] = [];
  for (const g of gold) {
    const index = predicted.findIndex((p, i) => !used.has(i) && matches(p, g));
    if (index >= 0) {
      used.add(index);
      pairs.push([predicted[index], g]);
    }
  }
  return pairs;
}

/** Scores matched pairs: unmatched predictions are false positives, unmatched gold items misses. */
function scoreOf(predicted: unknown[], gold: unknown[], tp: number): Score {
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

function count<P, G>(predicted: P[], gold: G[], matches: (p: P, g: G) => boolean): Score {
  return scoreOf(predicted, gold, matchOneToOne(predicted, gold, matches).length);
}

/** A single value: right (tp), wrong or invented (fp), missed (fn). */
function scalar(predicted: string | null, gold: string | null): Score {
  const p = predicted === null ? null : normalise(predicted);
  const g = gold === null ? null : normalise(gold);
  if (p !== null && p === g) return { tp: 1, fp: 0, fn: 0 };
  return { tp: 0, fp: p === null ? 0 : 1, fn: g === null ? 0 : 1 };
}

type Kind = "person" | "party" | "organization" | "place";

type EntityRecord = Archive["people" | "parties" | "organizations" | "places"][number];
type RecordsBySlug = Record<Kind, Map<string, EntityRecord>>;

/** The archive's entity records by kind and slug, built once per evaluation. */
function recordsBySlug(archive: Archive): RecordsBySlug {
  // A slug is unique within a kind; keep the first record anyway, as a linear find would.
  const bySlug = (records: EntityRecord[]) => {
    const map = new Map<string, EntityRecord>();
    for (const r of records) if (!map.has(r.slug)) map.set(r.slug, r);
    return map;
  };
  return {
    person: bySlug(archive.people),
    party: bySlug(archive.parties),
    organization: bySlug(archive.organizations),
    place: bySlug(archive.places),
  };
}

/** Each entity of the article as the set of its names: canonical name plus the forms used in this article. */
function entityForms(records: RecordsBySlug, article: ArticleRecord, kind: Kind): Set<string>[] {
  const slugs = {
    person: article.people,
    party: article.parties,
    organization: article.organizations,
    place: article.places,
  }[kind];
  return slugs.map((slug) => {
    const record = records[kind].get(slug);
    const forms = article.mentions.filter((m) => m.kind === kind && m.slug === slug).flatMap((m) => m.forms);
    const abbr = record && "abbr" in record && record.abbr ? [record.abbr] : [];
    return new Set([record?.name ?? slug, ...forms, ...abbr].map(normalise));
  });
}

const goldForms = (g: GoldEntity) => [g.name, ...(g.variants ?? [])].map(normalise);
const goldCategory = (category: string) => normalise(category).replace(/\s*\(.*\)$/, "");

function add(total: Score, s: Score): void {
  total.tp += s.tp;
  total.fp += s.fp;
  total.fn += s.fn;
}

export function evaluate(archive: Archive, gold: Record<string, GoldArticle>): EvalReport {
  const fields = [
    "date",
    "outlet",
    "title",
    "dateline",
    "authors",
    "boilerplate",
    "people",
    "parties",
    "organizations",
    "places",
    "figures",
    "events",
  ] as const;
  const totals = Object.fromEntries(fields.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<
    (typeof fields)[number],
    Score
  >;
  const missing: string[] = [];
  let figurePairs = 0;
  let qualifierHits = 0;
  let articles = 0;

  const records = recordsBySlug(archive);
  // A gold file is scored against the first article (in archive order) whose file or duplicates name it.
  const articleByFile = new Map<string, ArticleRecord>();
  for (const a of archive.articles) {
    for (const file of [a.source.file, ...a.source.duplicates])
      if (!articleByFile.has(file)) articleByFile.set(file, a);
  }

  for (const [file, g] of Object.entries(gold)) {
    if (file.startsWith("_")) continue;
    const article = articleByFile.get(file);
    if (!article) {
      missing.push(file);
      continue;
    }
    articles++;
    add(totals.date, scalar(article.date, g.date));
    add(totals.outlet, scalar(article.outlet, g.outlet));
    add(totals.dateline, scalar(article.dateline, g.dateline));
    add(totals.title, scalar(article.titleFrom === "lead" ? null : article.title, g.title));
    add(
      totals.authors,
      count(article.authors.map(normalise), g.authors.map(normalise), (p, q) => p === q),
    );
    add(
      totals.boilerplate,
      count(
        article.discarded.map((d) => normalise(d.text)),
        g.boilerplate.map(normalise),
        (p, q) => p === q,
      ),
    );
    const entityFields = [
      ["people", "person"],
      ["parties", "party"],
      ["organizations", "organization"],
      ["places", "place"],
    ] as const;
    for (const [field, kind] of entityFields) {
      add(
        totals[field],
        count(entityForms(records, article, kind), g[field], (p, q) => goldForms(q).some((form) => p.has(form))),
      );
    }
    const figureMatch = (p: ArticleRecord["figures"][number], q: GoldFigure) =>
      p.value === q.value && p.category === goldCategory(q.category) && p.outcome === q.outcome;
    const pairs = matchOneToOne(article.figures, g.figures, figureMatch);
    figurePairs += pairs.length;
    qualifierHits += pairs.filter(([p, q]) => (p.qualifier ?? null) === (q.qualifier ?? null)).length;
    add(totals.figures, scoreOf(article.figures, g.figures, pairs.length));
    add(
      totals.events,
      count(
        article.events.map((e) => e.date),
        (g.events_dates ?? []).map((e) => e.date),
        (p, q) => p === q,
      ),
    );
  }

  return {
    articles,
    missing,
    fields: fields.map((field) => {
      const { tp, fp, fn } = totals[field];
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return { field, tp, fp, fn, precision, recall, f1 };
    }),
    figureQualifierAccuracy: figurePairs === 0 ? 1 : qualifierHits / figurePairs,
  };
}

/** The report as a Markdown table (printed by `npm run eval`, pasted in the README). */
export function formatReport(report: EvalReport): string {
  const pct = (x: number) => x.toFixed(2);
  const lines = [
    "| field | precision | recall | F1 | tp | fp | fn |",
    "|---|---|---|---|---|---|---|",
    ...report.fields.map(
      (f) => `| ${f.field} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.f1)} | ${f.tp} | ${f.fp} | ${f.fn} |`,
    ),
  ];
  lines.push(
    "",
    `${report.articles} annotated articles scored; figure qualifiers right on ${pct(report.figureQualifierAccuracy)} of matched figures.`,
  );
  if (report.missing.length) lines.push(`Not in the archive (rejected or absent): ${report.missing.join(", ")}`);
  return lines.join("\n");
}
