/**
 * A story's coverage timeline: dated articles per day from its first day to its last, as an inline SVG
 * bar chart drawn at build time (no script; colours from classes in assets/site.css, under the CSP).
 */
import { COVERAGE } from "../settings.ts";
import { formatDate } from "./format.ts";

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface CoverageDay {
  date: string;
  dateLabel: string;
  articles: number;
}

export interface CoverageChart {
  /** Every day from the first dated article's to the last's, empty days included. */
  days: CoverageDay[];
  svg: string;
  /** The chart's span and scale as text, for under it. */
  caption: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The chart of `dates` (the dated articles' YYYY-MM-DD dates), or null when none is dated. */
export function coverageChart(dates: string[]): CoverageChart | null {
  const dayDates = dates.filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d));
  if (dayDates.length === 0) return null;
  const numbers = dayDates.map(dayNumber);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const counts = new Map<number, number>();
  for (const n of numbers) counts.set(n, (counts.get(n) ?? 0) + 1);
  const days: CoverageDay[] = [];
  for (let day = first; day <= last; day++) {
    const date = isoOfDay(day);
    days.push({ date, dateLabel: formatDate(date), articles: counts.get(day) ?? 0 });
  }
  const { width, height, axis, top, digits } = COVERAGE;
  const most = Math.max(...days.map((d) => d.articles));
  const slot = width / days.length;
  const gap = Math.min(2, slot / 4);
  // A story of a few days gets bars of a readable width, not a third of the chart each.
  const bar = Math.min(slot - gap, COVERAGE.maxBar);
  const round = (x: number) => x.toFixed(digits).replace(/\.?0+$/, "") || "0";
  const plot = height - axis - top;
  const bars = days
    .filter((d) => d.articles > 0)
    .map((d) => {
      const at = dayNumber(d.date) - first;
      const h = (plot * d.articles) / most;
      const title = `${d.dateLabel}: ${d.articles} ${d.articles === 1 ? "article" : "articles"}`;
      const x = at * slot + (slot - bar) / 2;
      return `<rect class="coverage-bar" x="${round(x)}" y="${round(top + plot - h)}" width="${round(bar)}" height="${round(h)}"><title>${escapeXml(title)}</title></rect>`;
    })
    .join("");
  const busiest = days.find((d) => d.articles === most)!;
  const total = numbers.length;
  const label =
    days.length === 1
      ? `Coverage timeline: ${total} ${total === 1 ? "article" : "articles"} on ${days[0].dateLabel}`
      : `Coverage timeline: ${total} articles over ${days.length} days, ${days[0].dateLabel} to ${days[days.length - 1].dateLabel}; most on ${busiest.dateLabel} (${most})`;
  const baseline = height - axis;
  const svg = [
    `<svg class="coverage" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" xmlns="http://www.w3.org/2000/svg">`,
    bars,
    `<line class="coverage-axis" x1="0" y1="${baseline}" x2="${width}" y2="${baseline}"/>`,
    "</svg>",
  ].join("");
  // The scale and the days go in the page's text beside the chart, legible at any width.
  const caption =
    days.length === 1
      ? `${days[0].dateLabel}: ${total} ${total === 1 ? "article" : "articles"}`
      : `${days[0].dateLabel} to ${days[days.length - 1].dateLabel}, articles per day; at most ${most} (${busiest.dateLabel})`;
  return { days, svg, caption };
}
