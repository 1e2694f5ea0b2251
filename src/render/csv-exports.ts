/**
 * The CSV exports written by the render stage next to the pages they belong to: each entity page's
 * articles as `<entity folder>/mentions.csv` (date, outlet, title, original address, archive page,
 * role, seed line, sentence; a row per sentence naming the entity), Excel-safe (src/archive/csv.ts: BOM, CRLF, formula cells neutralised).
 * `writeCsvFile` is the one way to write such a file, for any other page's export.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CsvCell, excelCsv } from "../archive/csv.ts";
import type { Archive } from "../types.ts";
import { webUrl } from "./views/articles.ts";
import type { EntityPage, MentionContext } from "./views/entities.ts";

export const MENTION_COLUMNS = ["date", "outlet", "title", "url", "archive_page", "role", "line", "sentence"] as const;

/**
 * The rows of an entity page's CSV: its articles in the page's order, a row per sentence naming the
 * entity (an article without one still gets a row). `originalUrl`: an article's original address by slug.
 */
export function mentionRows(entity: EntityPage, originalUrl: (slug: string) => string | null): CsvCell[][] {
  return entity.articles.flatMap((item, at) => {
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
    const contexts = entity.contexts[at];
    return contexts.length > 0 ? contexts.map(row) : [row(null)];
  });
}

/** Writes an Excel-safe CSV at `file` (relative to `outDir`), making its folder if needed. */
export async function writeCsvFile(
  outDir: string,
  file: string,
  header: readonly string[],
  rows: readonly CsvCell[][],
): Promise<void> {
  const target = path.join(outDir, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, excelCsv(header, rows));
}

/** Every entity page's mentions.csv, a few at a time. */
export async function writeEntityCsvs(outDir: string, entities: EntityPage[], archive: Archive): Promise<void> {
  const urls = new Map(archive.articles.map((a) => [a.slug, webUrl(a.url_original)]));
  const originalUrl = (slug: string) => urls.get(slug) ?? null;
  for (let start = 0; start < entities.length; start += 64) {
    await Promise.all(
      entities
        .slice(start, start + 64)
        .map((entity) => writeCsvFile(outDir, entity.csvPath, MENTION_COLUMNS, mentionRows(entity, originalUrl))),
    );
  }
}
