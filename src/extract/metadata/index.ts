/**
 * Metadata of one article: title, subtitle, publication date, outlet, authors, dateline and
 * the dates its story mentions. Front matter wins over anything read from the text; every
 * field says where it came from.
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { CleanedText, FrontMatter, Metadata, SeedSource, TextLine } from "../../types.ts";
import { splitSentences } from "../sentences.ts";
import { findByline } from "./authors.ts";
import { type Dateline, findDateline } from "./dateline.ts";
import { fromIso, isoDate, toDate } from "./dates.ts";
import { extractEvents } from "./events.ts";
import { findOutlet, outletNamesOf } from "./outlet.ts";
import { findWrittenPublicationDate, inferYearFromText, pastWeekdays } from "./publication-date.ts";
import { findHeadline, leadSentence, titleFromLead } from "./title.ts";

type DateFields = Pick<Metadata, "date" | "dateFrom" | "dateEvidence" | "dateYearMissing" | "yearless">;

/** The body with the dateline cut from the paragraph it opens, so "Feb 1" there is not an event. */
export function storyParagraphs(paragraphs: TextLine[], dateline: Dateline | null): TextLine[] {
  return paragraphs
    .map((p) => (dateline && p.line === dateline.line ? { ...p, text: p.text.slice(dateline.length).trim() } : p))
    .filter((p) => p.text.length > 0);
}

/** The front matter's date, which reading the seed already checked is a real YYYY-MM-DD day. */
function frontMatterDate(frontMatter: FrontMatter): DateFields | null {
  if (!frontMatter.date) return null;
  return { date: frontMatter.date, dateFrom: "front-matter", dateEvidence: `front matter date: ${frontMatter.date}` };
}

function publicationDate(cleaned: CleanedText, dateline: Dateline | null, story: TextLine[]): DateFields {
  const written = findWrittenPublicationDate(cleaned.lines, dateline);
  if (!written || written.date.day === null) return { date: null, dateFrom: null, dateEvidence: null };
  const { year, month, day } = written.date;
  if (year !== null)
    return { date: isoDate(toDate(year, month, day)), dateFrom: "text", dateEvidence: written.evidence };
  const inferred = inferYearFromText(written.date, story);
  if (!inferred)
    // Left for resolve, which dates it from the other articles (src/resolve/infer-years.ts).
    return {
      date: null,
      dateFrom: null,
      dateEvidence: written.evidence,
      dateYearMissing: true,
      yearless: { month, day, text: written.date.text, weekdays: pastWeekdays(splitSentences(story)), story },
    };
  return {
    date: isoDate(toDate(inferred.year, month, day)),
    dateFrom: "inferred",
    dateEvidence: `${written.evidence} — ${inferred.evidence}`,
    dateYearMissing: true,
  };
}

/** Title, subtitle, publication date, outlet, authors, dateline and event dates of one article. */
export function extractMetadata(source: SeedSource, cleaned: CleanedText, knowledge: Knowledge): Metadata {
  const frontMatter = source.frontMatter;
  const outlets = outletNamesOf(knowledge.outlets);
  const dateline = findDateline(cleaned.lines, knowledge);
  const story = storyParagraphs(cleaned.paragraphs, dateline);

  const headline = findHeadline(cleaned.lines, knowledge, outlets);
  const lead = leadSentence(story);
  const title = frontMatter.title
    ? { title: frontMatter.title, titleFrom: "front-matter" as const }
    : headline
      ? { title: headline.title, titleFrom: "headline" as const }
      : { title: titleFromLead(lead) || source.file, titleFrom: "lead" as const };

  const dates = frontMatterDate(frontMatter) ?? publicationDate(cleaned, dateline, story);
  const outlet = findOutlet(frontMatter, cleaned.lines, dateline, knowledge);
  const byline = frontMatter.authors?.length
    ? { authors: frontMatter.authors, evidence: `front matter authors: ${frontMatter.authors.join(", ")}` }
    : findByline(cleaned.lines, outlets);
  const place = frontMatter.dateline
    ? { place: frontMatter.dateline, evidence: `front matter dateline: ${frontMatter.dateline}` }
    : dateline;

  return {
    ...title,
    subtitle: frontMatter.subtitle ?? headline?.subtitle ?? null,
    ...dates,
    outlet: outlet?.outlet ?? null,
    outletFrom: outlet?.from ?? null,
    outletEvidence: outlet?.evidence ?? null,
    authors: byline?.authors ?? [],
    authorsEvidence: byline?.evidence ?? null,
    dateline: place?.place ?? null,
    datelineEvidence: place?.evidence ?? null,
    events: extractEvents(story, dates.date ? fromIso(dates.date) : null),
  };
}
