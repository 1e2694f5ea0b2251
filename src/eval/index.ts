/**
 * Scores an archive against hand annotations (the shape of test/fixtures/gold-seeds.json):
 * precision, recall and F1 per field, counted over all annotated articles (micro average),
 * except the body (mean 4-gram overlap per article) and stories (pairwise and B-cubed).
 * A gold file's `_scoring` key says which fields it annotates and how they are compared.
 */
import type { Archive, ArticleRecord } from "../types.ts";
import { compareStrings, groupBy } from "../util/group.ts";
import { bodyOverlap } from "./body.ts";
import { scoreGrouping } from "./stories.ts";

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
  /** The true article body (furniture benchmark). */
  body?: string;
  /** The real-world event the article reports (stories benchmark); only the grouping counts. */
  story?: string;
}

/** How a gold file asks to be scored (its `_scoring` key; the benchmarks' README defines it). */
export interface Scoring {
  /** The only annotated fields; others are placeholders and not scored. */
  fields?: string[];
  /** Compare gold organizations with the article's parties and organizations together. */
  organizations_include_parties?: boolean;
  /** The gold lists some true items, not all: only recall means anything, figures match on value and outcome. */
  recall_only?: boolean;
}

/** A gold file: articles by seed file name, and keys starting with "_" (such as `_scoring`). */
export type GoldFile = Record<string, GoldArticle | Scoring | unknown>;

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
  /** "mean": precision, recall and F1 are means over articles (tp/fp/fn then count articles). */
  average: "micro" | "mean";
  /** Only recall means anything for this field (the gold is not exhaustive). */
  recallOnly: boolean;
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

/**
 * A gold list as a set of distinct entities: items whose names are equal once normalised are one
 * entity (a gold that lists each spelling as written — "ROMANIA" in a headline and "Romania" in the
 * text — names one place twice, and an archive keeps one record for it).
 */
function distinctEntities(gold: GoldEntity[]): GoldEntity[] {
  const seen = new Set<string>();
  return gold.filter((g) => {
    const key = normalise(g.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
const goldCategory = (category: string) => normalise(category).replace(/\s*\(.*\)$/, "");

/**
 * Entities of one article against the gold's: matched one to one (a record split in two scores one
 * right and one wrong), and then a gold name left over that is another form of an already matched
 * entity counts as found: a gold listing an abbreviation and the name it stands for ("OSCE" and the
 * name it abbreviates) as two items names one entity, which the archive keeps as one record.
 */
function entityScore(predicted: Set<string>[], gold: GoldEntity[]): Score {
  const matches = (p: Set<string>, q: GoldEntity) => goldForms(q).some((form) => p.has(form));
  const pairs = matchOneToOne(predicted, gold, matches);
  const matchedGold = new Set(pairs.map(([, g]) => g));
  const matchedEntities = pairs.map(([p]) => p);
  const alsoFound = gold.filter((g) => !matchedGold.has(g) && matchedEntities.some((p) => matches(p, g))).length;
  return {
    tp: pairs.length + alsoFound,
    fp: predicted.length - pairs.length,
    fn: gold.length - pairs.length - alsoFound,
  };
}

function add(total: Score, s: Score): void {
  total.tp += s.tp;
  total.fp += s.fp;
  total.fn += s.fn;
}

const MICRO_FIELDS = [
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
type MicroField = (typeof MICRO_FIELDS)[number];

/** The gold's `_scoring` key, or the seed gold's default: every field annotated, compared in full. */
export function scoringOf(gold: GoldFile): Scoring {
  return (gold._scoring as Scoring | undefined) ?? {};
}

/** The gold articles of a gold file, by seed file name (keys starting with "_" are not articles). */
export function goldArticles(gold: GoldFile): [string, GoldArticle][] {
  return Object.entries(gold).filter(([file]) => !file.startsWith("_")) as [string, GoldArticle][];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function microScore(field: string, { tp, fp, fn }: Score, recallOnly: boolean): FieldScore {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { field, tp, fp, fn, precision, recall, f1: harmonic(precision, recall), average: "micro", recallOnly };
}

function meanScore(field: string, parts: { precision: number; recall: number; f1: number }[]): FieldScore {
  const mean = (pick: (x: (typeof parts)[number]) => number) =>
    parts.length === 0 ? 0 : parts.reduce((sum, x) => sum + pick(x), 0) / parts.length;
  return {
    field,
    tp: parts.length,
    fp: 0,
    fn: 0,
    precision: mean((x) => x.precision),
    recall: mean((x) => x.recall),
    f1: mean((x) => x.f1),
    average: "mean",
    recallOnly: false,
  };
}

export function evaluate(archive: Archive, gold: GoldFile): EvalReport {
  const scoring = scoringOf(gold);
  const scored = (field: string) => !scoring.fields || scoring.fields.includes(field);
  const totals = Object.fromEntries(MICRO_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<MicroField, Score>;
  const bodies: { precision: number; recall: number; f1: number }[] = [];
  const predictedStory = new Map<string, string>();
  const trueStory = new Map<string, string>();
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

  for (const [file, g] of goldArticles(gold)) {
    if (g.story !== undefined) trueStory.set(file, g.story);
    const article = articleByFile.get(file);
    if (!article) {
      missing.push(file);
      // A page the build rejected has no body: it scores nothing rather than being left out.
      if (g.body !== undefined) bodies.push(bodyOverlap("", g.body));
      continue;
    }
    articles++;
    const story = (article as ArticleRecord & { story?: string | null }).story;
    if (story) predictedStory.set(file, story);
    if (g.body !== undefined) bodies.push(bodyOverlap(article.body, g.body));
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
    const entityFields: ["people" | "parties" | "organizations" | "places", Kind[]][] = [
      ["people", ["person"]],
      ["parties", ["party"]],
      ["organizations", scoring.organizations_include_parties ? ["organization", "party"] : ["organization"]],
      ["places", ["place"]],
    ];
    for (const [field, kinds] of entityFields) {
      const predicted = kinds.flatMap((kind) => entityForms(records, article, kind));
      add(totals[field], entityScore(predicted, distinctEntities(g[field])));
    }
    // A recall-only gold does not annotate figure categories: value and outcome must match.
    const figureMatch = (p: ArticleRecord["figures"][number], q: GoldFigure) =>
      p.value === q.value &&
      p.outcome === q.outcome &&
      (scoring.recall_only || p.category === goldCategory(q.category));
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

  const fields = MICRO_FIELDS.filter((f) => scored(f)).map((f) =>
    microScore(f, totals[f], scoring.recall_only === true),
  );
  if (bodies.length > 0 && scored("body")) fields.push(meanScore("body", bodies));
  if (trueStory.size > 0 && scored("story")) {
    const grouping = scoreGrouping(predictedStory, trueStory);
    fields.push(
      { ...meanScore("story (pairwise)", [grouping.pairwise]), tp: trueStory.size },
      { ...meanScore("story (B-cubed)", [grouping.bcubed]), tp: trueStory.size },
    );
  }
  return {
    articles,
    missing,
    fields,
    figureQualifierAccuracy: figurePairs === 0 ? 1 : qualifierHits / figurePairs,
  };
}

const fixed = (x: number) => x.toFixed(2);

/** The report as a Markdown table (printed by `npm run eval`, pasted in the README). */
export function formatReport(report: EvalReport): string {
  const lines = [
    "| field | precision | recall | F1 | tp | fp | fn |",
    "|---|---|---|---|---|---|---|",
    ...report.fields.map((f) =>
      f.average === "mean"
        ? `| ${f.field} | ${fixed(f.precision)} | ${fixed(f.recall)} | ${fixed(f.f1)} | mean over ${f.tp} articles | | |`
        : `| ${f.field} | ${f.recallOnly ? "—" : fixed(f.precision)} | ${fixed(f.recall)} | ${f.recallOnly ? "—" : fixed(f.f1)} | ${f.tp} | ${f.recallOnly ? "—" : f.fp} | ${f.fn} |`,
    ),
  ];
  lines.push(
    "",
    `${report.articles} annotated articles scored; figure qualifiers right on ${fixed(report.figureQualifierAccuracy)} of matched figures.`,
  );
  if (report.missing.length) lines.push(`Not in the archive (rejected or absent): ${report.missing.join(", ")}`);
  return lines.join("\n");
}

/** One row of the benchmarks table: a corpus (and split), a field and its scores. */
export interface BenchmarkRow {
  corpus: string;
  split: string;
  articles: number;
  field: FieldScore;
}

/**
 * Benchmark file names carry their split (`train-0001.txt`, `testa-0030.txt`, `dev-0008.txt`):
 * a split is scored on its own, so a model's figures on the documents it was trained on
 * stay apart from those on the documents it never saw.
 */
export function splitOf(file: string): string {
  return /^([a-z]+)-/.exec(file)?.[1] ?? "all";
}

/** Scores one benchmark corpus per split; rows in split order, then field order. */
export function evaluateSplits(archive: Archive, gold: GoldFile, corpus: string): BenchmarkRow[] {
  const splits = groupBy(goldArticles(gold), ([file]) => splitOf(file));
  // Several splits are scored one by one and then together ("all").
  if (splits.size > 1) splits.set("all", goldArticles(gold));
  return [...splits.keys()].sort(compareStrings).flatMap((split) => {
    const entries = splits.get(split) as [string, GoldArticle][];
    const report = evaluate(archive, { _scoring: gold._scoring, ...Object.fromEntries(entries) });
    return report.fields.map((field) => ({ corpus, split, articles: entries.length, field }));
  });
}

/** All benchmarks' rows as one Markdown table. */
export function formatBenchmarks(rows: BenchmarkRow[]): string {
  const lines = ["| corpus | split | articles | field | precision | recall | F1 |", "|---|---|---|---|---|---|---|"];
  for (const { corpus, split, articles, field: f } of rows) {
    const precision = f.recallOnly ? "—" : fixed(f.precision);
    const f1 = f.recallOnly ? "—" : fixed(f.f1);
    lines.push(`| ${corpus} | ${split} | ${articles} | ${f.field} | ${precision} | ${fixed(f.recall)} | ${f1} |`);
  }
  return lines.join("\n");
}
