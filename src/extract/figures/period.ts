/**
 * Time spans a figure is counted over ("over the past few days", "in the last 24 hours",
 * "over nearly 40 hours", "since January", "this year").
 */
import { MONTH_PATTERN } from "../../util/calendar.ts";

export interface PeriodMention {
  /** The span as the figure reports it: "past few days", "over nearly 40 hours", "since January". */
  text: string;
  start: number;
  end: number;
}

const UNIT = "(?:hours?|days?|weeks?|months?|years?|decades?)";
const COUNT = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-eight|fifty|seventy-two)`;
const MONTH = `${MONTH_PATTERN}(?![\\w])`;
const PREPOSITION = "(?:over|in|during|within|for|across|throughout)";

const PERIOD = new RegExp(
  [
    // "over the past few days", "in the last 24 hours", "the previous week"
    String.raw`(?:${PREPOSITION}\s+)?the\s+(?:past|last|previous|preceding)\s+(?:(?:few|several|couple\s+of|${COUNT})\s+)?${UNIT}`,
    // "over nearly 40 hours", "within 24 hours", "in two days"
    String.raw`${PREPOSITION}\s+(?:(?:nearly|about|almost|around|some|over|more\s+than|less\s+than|just\s+over|roughly)\s+)?${COUNT}\s+${UNIT}`,
    // "since January", "since early 2024", "since last year", "since the start of the year"
    String.raw`since\s+(?:(?:early|late|mid-?)\s*)?(?:${MONTH}(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d{2})?|(?:19|20)\d{2}|last\s+${UNIT}|the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?(?:year|month|week|${MONTH}))`,
    // "so far this year", "last month", "in 2023"
    String.raw`(?:so\s+far\s+)?(?:this|last)\s+(?:year|month)`,
    String.raw`in\s+(?:19|20)\d{2}(?!\d|,\d)`,
  ].join("|"),
  "gi",
);

const LEADING_ARTICLE = new RegExp(String.raw`^(?:${PREPOSITION}\s+)?the\s+`, "i");

/**
 * "over the past few days" reads as the noun phrase "past few days"; a span without the article
 * keeps its preposition ("over nearly 40 hours", "since January"), which is part of its meaning.
 */
function normalisePeriod(span: string): string {
  const phrase = span.replace(LEADING_ARTICLE, "").replace(/\s+/g, " ");
  // The span starts with a function word ("Since January" at a sentence start reads "since January").
  return phrase[0].toLowerCase() + phrase.slice(1);
}

export function findPeriods(sentence: string): PeriodMention[] {
  return [...sentence.matchAll(PERIOD)].map((match) => ({
    text: normalisePeriod(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The period nearest to a span of the sentence, or null. */
export function nearestPeriod(periods: PeriodMention[], start: number, end: number): string | null {
  let best: PeriodMention | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const period of periods) {
    const distance = period.start >= end ? period.start - end : Math.max(0, start - period.end);
    if (distance < bestDistance) {
      best = period;
      bestDistance = distance;
    }
  }
  return best?.text ?? null;
}
