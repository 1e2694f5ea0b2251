/**
 * Across articles: a publication date written without a year ("Islamabad, Feb 1:") takes the
 * year that puts it nearest to the dated articles it shares the most entities with, the
 * weekdays its story names breaking ties. Runs after every article is extracted.
 */
import { differenceInCalendarDays } from "date-fns";
import type { ExtractedArticle, TextLine } from "../../types.ts";
import { splitSentences } from "../sentences.ts";
import { findDates, fromIso, isoDate, toDate, type WrittenDate } from "./dates.ts";
import { extractEvents } from "./events.ts";
import { explainWeekdays, pastWeekdays, weekdayGap } from "./publication-date.ts";

function entityKeys(article: ExtractedArticle): Set<string> {
  const { people, parties, organizations, places } = article.entities;
  return new Set([
    ...people.map((p) => `person:${p.name}`),
    ...parties.map((p) => `party:${p.key}`),
    ...organizations.map((o) => `organization:${o.key}`),
    ...places.map((p) => `place:${p.key}`),
  ]);
}

/** The body paragraphs back from markdown, dateline removed, for re-reading event dates. */
function bodyParagraphs(article: ExtractedArticle): TextLine[] {
  const dateline = article.metadata.datelineEvidence;
  return article.body
    .split(/\n{2,}/)
    .map((block) =>
      block
        .replace(/^#{1,6}\s+/, "")
        .replace(/\\(.)/g, "$1")
        .trim(),
    )
    .map((text, i) => (i === 0 && dateline && text.startsWith(dateline) ? text.slice(dateline.length).trim() : text))
    .filter(Boolean)
    .map((text, i) => ({ line: i + 1, text, role: "paragraph" as const }));
}

function yearlessDate(article: ExtractedArticle): (WrittenDate & { day: number }) | null {
  const { date, dateYearMissing, dateEvidence } = article.metadata;
  if (date || !dateYearMissing || !dateEvidence) return null;
  const written = findDates(dateEvidence).find((d) => d.year === null && d.day !== null);
  return written ? { ...written, day: written.day! } : null;
}

/** The dated articles to take a year from: those sharing the most entities, else all of them. */
function neighbours(
  article: ExtractedArticle,
  dated: ExtractedArticle[],
): { articles: ExtractedArticle[]; shared: number } {
  const own = entityKeys(article);
  const shared = dated.map((other) => [...entityKeys(other)].filter((key) => own.has(key)).length);
  const most = Math.max(0, ...shared);
  return { articles: most > 0 ? dated.filter((_, i) => shared[i] === most) : dated, shared: most };
}

/**
 * Completes publication dates whose year the text left out, using the other articles' dates;
 * updates date, dateFrom, dateEvidence and the event dates that needed a publication date.
 * An article no other article can date keeps `date: null` and gets a flag.
 */
export function inferMissingYears(articles: ExtractedArticle[]): void {
  const dated = articles.filter((a) => a.metadata.date !== null);
  for (const article of articles) {
    const written = yearlessDate(article);
    if (!written) continue;
    const near = neighbours(article, dated);
    if (near.articles.length === 0) {
      article.flags.push(`publication date '${written.text}' has no year, and no dated article gives one`);
      continue;
    }
    const paragraphs = bodyParagraphs(article);
    const mentions = pastWeekdays(splitSentences(paragraphs));
    const others = near.articles.map((a) => ({ file: a.source.file, date: fromIso(a.metadata.date!) }));
    const years = [...new Set(others.flatMap((o) => [-1, 0, 1].map((d) => o.date.getFullYear() + d)))];
    const [best] = years
      .map((year) => {
        const date = toDate(year, written.month, written.day);
        const distances = others.map((o) => ({ ...o, days: Math.abs(differenceInCalendarDays(date, o.date)) }));
        const nearest = distances.sort((a, b) => a.days - b.days)[0]!;
        return { year, date, nearest, gap: weekdayGap(date, mentions) };
      })
      .sort((a, b) => a.nearest.days - b.nearest.days || a.gap - b.gap);
    if (!best) continue;
    const among = near.shared > 0 ? `sharing the most entities (${near.shared})` : "in the archive";
    article.metadata.date = isoDate(best.date);
    article.metadata.dateFrom = "inferred";
    article.metadata.dateEvidence =
      `${article.metadata.dateEvidence} — '${written.text}' has no year; ${best.year} puts it ${best.nearest.days} day(s) from ` +
      `${best.nearest.file} (${isoDate(best.nearest.date)}), the nearest of ${others.length} dated article(s) ${among}.` +
      explainWeekdays(written.month, written.day, best.year, mentions);
    article.metadata.events = extractEvents(paragraphs, best.date);
  }
}
