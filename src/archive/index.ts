/**
 * Stage 5, archive: the resolved archive as files other tools can read —
 * `archive.json` (every record, in the documented shape) and `figures.csv` (one row per figure).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../types.ts";
import { csvRow } from "./csv.ts";

const FIGURE_COLUMNS = [
  "article",
  "date",
  "outlet",
  "value",
  "qualifier",
  "what",
  "category",
  "outcome",
  "period",
  "line",
  "text",
] as const;

export function figuresCsv(archive: Archive): string {
  const rows = [csvRow([...FIGURE_COLUMNS])];
  for (const article of archive.articles) {
    for (const f of article.figures) {
      rows.push(
        csvRow([
          article.slug,
          article.date,
          article.outlet,
          f.value,
          f.qualifier,
          f.what,
          f.category,
          f.outcome,
          f.period,
          f.line,
          f.text,
        ]),
      );
    }
  }
  return `${rows.join("\r\n")}\r\n`;
}

export function archiveJson(archive: Archive): string {
  return `${JSON.stringify(archive, null, 1)}\n`;
}

export async function writeArchiveFiles(archive: Archive, outDir: string): Promise<void> {
  await writeFile(path.join(outDir, "archive.json"), archiveJson(archive));
  await writeFile(path.join(outDir, "figures.csv"), figuresCsv(archive));
}
