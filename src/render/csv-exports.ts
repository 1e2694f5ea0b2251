/**
 * The CSV exports written by the render stage next to the pages they belong to: each entity page's
 * articles as `<entity folder>/mentions.csv` (date, outlet, title, original address, archive page,
 * role, seed line, sentence; a row per sentence naming the entity), Excel-safe (src/archive/csv.ts: BOM, CRLF, formula cells neutralised).
 * `writeCsvFile` is the one way to write such a file, for any other page's export.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CsvCell, excelCsv } from "../archive/csv.ts";
import type { EntityPage } from "./views/entities.ts";

export const MENTION_COLUMNS = ["date", "outlet", "title", "url", "archive_page", "role", "line", "sentence"] as const;

/** The rows of an entity page's CSV: its articles in the page's order, a row per sentence naming it (at least one). */
export function mentionRows(entity: EntityPage): CsvCell[][] {
  return entity.articles.flatMap((item) => {
    const row = (context: { sentence: string; line: number; role: string | null } | null): CsvCell[] => [
      item.date,
      item.outlet?.name ?? null,
      item.title,
      item.originalUrl,
      item.url,
      context?.role ?? null,
      context?.line ?? null,
      context?.sentence ?? null,
    ];
    return item.contexts.length > 0 ? item.contexts.map(row) : [row(null)];
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
export async function writeEntityCsvs(outDir: string, entities: EntityPage[]): Promise<void> {
  for (let start = 0; start < entities.length; start += 64) {
    await Promise.all(
      entities
        .slice(start, start + 64)
        .map((entity) => writeCsvFile(outDir, entity.csvPath, MENTION_COLUMNS, mentionRows(entity))),
    );
  }
}
