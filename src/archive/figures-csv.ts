/**
 * figures.csv: a row per figure of every article, Excel-safe (BOM, CRLF, formula cells neutralised:
 * src/archive/csv.ts), with each figure's role in its story's ledger.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive, ArticleRecord } from "../types.ts";
import { type CsvCell, excelCsvPieces } from "./csv.ts";

const FIGURES_FILE = "figures.csv";

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
  "place",
  "story",
  "role",
  "line",
  "text",
] as const;

/**
 * Each article's figures' roles in its story's ledger, by figure number, where the ledger gives one (a total,
 * or a part of a larger count); a figure the ledger does not list is a total. By article slug.
 */
type LedgerRoles = Map<string, (string | undefined)[]>;

function ledgerRoles(archive: Archive): LedgerRoles {
  const roles: LedgerRoles = new Map();
  for (const story of archive.stories) {
    for (const line of story.figures) {
      for (const c of line.claims) {
        let ofArticle = roles.get(c.article);
        if (!ofArticle) {
          ofArticle = [];
          roles.set(c.article, ofArticle);
        }
        ofArticle[c.figure] = c.role;
      }
    }
  }
  return roles;
}

function articleRows(article: ArticleRecord, roles: LedgerRoles): CsvCell[][] {
  const ofArticle = roles.get(article.slug);
  return article.figures.map((f, index) => [
    article.slug,
    article.date,
    article.outlet,
    f.value,
    f.qualifier,
    f.what,
    f.category,
    f.outcome,
    f.period,
    f.place,
    article.story,
    ofArticle?.[index] ?? "total",
    f.line,
    f.text,
  ]);
}

/** figures.csv's text, in pieces made as they are written. */
export function figuresCsv(archive: Archive): Iterable<string> {
  const roles = ledgerRoles(archive);
  function* rows(): Generator<CsvCell[]> {
    for (const article of archive.articles) yield* articleRows(article, roles);
  }
  return excelCsvPieces(FIGURE_COLUMNS, rows());
}

/** Writes figures.csv into `outDir`, a piece at a time. */
export async function writeFiguresCsv(archive: Archive, outDir: string): Promise<void> {
  await writeFile(path.join(outDir, FIGURES_FILE), figuresCsv(archive));
}
