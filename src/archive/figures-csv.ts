/**
 * figures.csv: a row per figure of every article, Excel-safe (BOM, CRLF, formula cells neutralised:
 * src/archive/csv.ts), with each figure's role in its story's ledger.
 */
import { hash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Archive, ArticleRecord, StoryRecord } from "../types.ts";
import { codeVersion } from "../util/code-version.ts";
import { type CsvCell, excelCsvPieces } from "./csv.ts";

export const FIGURES_FILE = "figures.csv";

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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The code that lays the file out, hashed once per process: a file laid out by other code is written again. */
let layout: string | undefined;
const figuresLayout = () => (layout ??= codeVersion(ROOT, ["src/archive/figures-csv.ts", "src/archive/csv.ts"]));

/**
 * What an article's rows are made of but their roles: its slug, date, outlet, story and figures, digested once
 * per record and story. A record does not change after the resolve but for its story (src/resolve/kept-records.ts),
 * and `npm start` keeps unchanged records from one save to the next.
 */
const rowDigests = new WeakMap<ArticleRecord, { story: string; digest: string }>();

function rowsDigest(article: ArticleRecord): string {
  const known = rowDigests.get(article);
  if (known?.story === article.story) return known.digest;
  const { slug, date, outlet, story, figures } = article;
  const digest = hash("sha1", JSON.stringify([slug, date, outlet, story, figures]), "base64url");
  rowDigests.set(article, { story, digest });
  return digest;
}

/**
 * figures.csv's text, digested without making it: its layout, each article's rows' inputs (rowsDigest) and the
 * records of the stories whose ledgers give the rows their roles, by `storyDigest` (the story's archive line's).
 * A rebuild whose digest is the last one's keeps the last file: making it was 0.1 GB of strings a save at
 * 10,000 articles, for a file that an edit to an article's words leaves as it was.
 */
export function figuresCsvDigest(archive: Archive, storyDigest: (story: StoryRecord) => string | undefined): string {
  const parts = [figuresLayout()];
  for (const article of archive.articles) if (article.figures.length > 0) parts.push(rowsDigest(article));
  for (const story of archive.stories)
    if (story.figures.length > 0) parts.push(storyDigest(story) ?? JSON.stringify(story));
  return hash("sha256", parts.join("\n"), "base64url");
}

/** Writes figures.csv into `outDir`, a piece at a time. */
export async function writeFiguresCsv(archive: Archive, outDir: string): Promise<void> {
  await writeFile(path.join(outDir, FIGURES_FILE), figuresCsv(archive));
}
