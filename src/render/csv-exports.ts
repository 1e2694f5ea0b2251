/**
 * The CSV exports written by the render stage next to the pages they belong to: each entity page's
 * articles as `<entity folder>/mentions.csv` (date, outlet, title, original address, archive page,
 * role, seed line, sentence; a row per sentence naming the entity), Excel-safe (src/archive/csv.ts: BOM, CRLF, formula cells neutralised).
 * `writeCsvFile` is the one way to write such a file, for any other page's export.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CsvCell, excelCsvPieces } from "../archive/csv.ts";
import type { Archive } from "../types.ts";
import { webUrl } from "./views/articles.ts";
import type { EntityPage, MentionContext } from "./views/entities.ts";
import type { StoryPage } from "./views/stories.ts";

export const MENTION_COLUMNS = ["date", "outlet", "title", "url", "archive_page", "role", "line", "sentence"] as const;

/**
 * The rows of an entity's CSV, written with its first page: all its articles, newest first, a row per
 * sentence naming the entity (an article without one still gets a row). `originalUrl`: an article's
 * original address by slug.
 */
export function mentionRows(entity: EntityPage, originalUrl: (slug: string) => string | null): CsvCell[][] {
  const every = entity.everyArticle;
  if (!every) return [];
  return every.articles.flatMap((item, at) => {
    const row = (context: MentionContext | null): CsvCell[] => [
      item.date,
      item.outlet?.name ?? null,
      item.title,
      originalUrl(item.slug),
      item.url,
      context?.role ?? null,
      context?.line ?? null,
      context?.sentence ?? null,
    ];
    const contexts = every.contexts[at];
    return contexts.length > 0 ? contexts.map(row) : [row(null)];
  });
}

export const LEDGER_COLUMNS = [
  "story",
  "story_page",
  "line",
  "category",
  "outcome",
  "value",
  "qualifier",
  "role",
  "copy_of",
  "copy_of_page",
  "outlet",
  "date",
  "period",
  "place",
  "title",
  "archive_page",
  "sentence",
  "line_low",
  "line_best",
  "line_high",
  "line_conservative",
  "line_sources",
  "line_grading",
] as const;

/**
 * The rows of a story's ledger CSV: a row per claim, lines and claims in the page's order (claims oldest
 * first), each row carrying its line's low, best, high, conservative figure, sources and grading so that
 * a filtered or sorted sheet keeps them. Role: "total" or "part" (of a larger count); copy_of: the
 * original of a wire copy. Pages are archive paths ("/articles/<slug>/").
 */
export function ledgerRows(story: StoryPage): CsvCell[][] {
  return story.ledger.flatMap((line) =>
    line.claims.map((claim): CsvCell[] => [
      story.title,
      story.url,
      line.label,
      line.category,
      line.outcome,
      claim.value,
      claim.qualifier,
      claim.part ? "part" : "total",
      claim.copyOf?.name ?? null,
      claim.copyOf?.url ?? null,
      claim.outlet?.name ?? null,
      claim.date,
      claim.period,
      claim.place?.name ?? null,
      claim.article.name,
      claim.article.url,
      claim.sentence,
      line.low,
      line.best,
      line.high,
      line.conservative,
      line.sources,
      line.grading,
    ]),
  );
}

/** Writes an Excel-safe CSV at `file` (relative to `outDir`), making its folder if needed. */
export async function writeCsvFile(
  outDir: string,
  file: string,
  header: readonly string[],
  rows: Iterable<CsvCell[]>,
): Promise<void> {
  const target = path.join(outDir, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, excelCsvPieces(header, rows));
}

/** An article's original web address by its slug (null when it has none, or none that is a web address). */
export function originalUrls(archive: Archive): (slug: string) => string | null {
  const urls = new Map(archive.articles.map((a) => [a.slug, webUrl(a.url_original)]));
  return (slug) => urls.get(slug) ?? null;
}

/** Every entity page's mentions.csv, a few at a time. */
export async function writeEntityCsvs(
  outDir: string,
  entities: EntityPage[],
  originalUrl: (slug: string) => string | null,
): Promise<void> {
  for (let start = 0; start < entities.length; start += 64) {
    await Promise.all(
      entities
        .slice(start, start + 64)
        .flatMap((entity) =>
          entity.csvPath === null
            ? []
            : [writeCsvFile(outDir, entity.csvPath, MENTION_COLUMNS, mentionRows(entity, originalUrl))],
        ),
    );
  }
}

/** Every story's ledger.csv (stories that claim no counts have none), a few at a time. */
export async function writeStoryLedgerCsvs(outDir: string, stories: StoryPage[]): Promise<void> {
  const withLedger = stories.filter((story) => story.ledgerCsvPath !== null);
  for (let start = 0; start < withLedger.length; start += 64) {
    await Promise.all(
      withLedger
        .slice(start, start + 64)
        .map((story) => writeCsvFile(outDir, story.ledgerCsvPath as string, LEDGER_COLUMNS, ledgerRows(story))),
    );
  }
}
