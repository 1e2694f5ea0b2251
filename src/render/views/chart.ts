/**
 * Small bar charts drawn at build time as inline SVG: the geometry is computed here and the template
 * (`barChart` in templates/_includes/partials/chart.njk) only writes it out, so a chart needs no script
 * and no inline style (the pages' CSP forbids both). `articlesPerPeriod` makes the bars of "articles per
 * month" (per year when the months would be too many) for any set of articles: an entity's mentions here,
 * a story's coverage or a search facet could use it the same way.
 */
import { formatMonth } from "../format.ts";

export interface Bar {
  /** "February 2026" or "2026". */
  label: string;
  value: number;
  /** Geometry in the chart's viewBox units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarChart {
  /** The viewBox's width and height. */
  width: number;
  height: number;
  bars: Bar[];
  /** What the chart shows, in words: its accessible name and its caption. */
  description: string;
  /** The first and last period's labels and the largest value, for the caption under the bars. */
  first: string;
  last: string;
  max: number;
  unit: "month" | "year";
}

/** The most months drawn one bar each; a longer span is drawn by year. */
export const MAX_MONTH_BARS = 60;
const BAR_WIDTH = 10;
const GAP = 2;
const HEIGHT = 40;
const MIN_BARS = 24;

/** Bars for the counts of `dates` (YYYY-MM-DD, YYYY-MM or YYYY; null is left out) per month or year, gaps included. */
export function articlesPerPeriod(dates: (string | null)[], what = "Articles"): BarChart | null {
  const months = dates.filter((d): d is string => d !== null && d.length >= 7).map((d) => d.slice(0, 7));
  if (months.length === 0) return null;
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const span = monthIndex(last) - monthIndex(first) + 1;
  const unit = span > MAX_MONTH_BARS ? "year" : "month";
  const counts = new Map<string, number>();
  for (const month of months) {
    const key = unit === "month" ? month : month.slice(0, 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys: string[] = [];
  if (unit === "month") for (let at = monthIndex(first); at <= monthIndex(last); at++) keys.push(monthKey(at));
  else for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) keys.push(String(year));
  const label = (key: string) => (unit === "month" ? formatMonth(key) : key);
  return barChart(
    keys.map((key) => ({ label: label(key), value: counts.get(key) ?? 0 })),
    `${what} per ${unit}`,
    unit,
  );
}

/** The geometry of a bar chart of `values`, in order, with a description of what it counts. */
export function barChart(
  values: { label: string; value: number }[],
  what: string,
  unit: BarChart["unit"],
): BarChart | null {
  if (values.length === 0) return null;
  const max = Math.max(1, ...values.map((v) => v.value));
  const bars = values.map(({ label, value }, at) => {
    // A zero still shows as a hairline, so an empty month reads as a month.
    const height = value === 0 ? 0.5 : Math.max(2, Math.round((value / max) * HEIGHT * 10) / 10);
    return { label, value, x: at * (BAR_WIDTH + GAP), y: HEIGHT - height, width: BAR_WIDTH, height };
  });
  const first = values[0].label;
  const last = values[values.length - 1].label;
  const range = first === last ? first : `${first} to ${last}`;
  return {
    // At least MIN_BARS wide, so one month's bar is not drawn as a wall.
    width: Math.max(values.length, MIN_BARS) * (BAR_WIDTH + GAP) - GAP,
    height: HEIGHT,
    bars,
    description: `${what}, ${range}; at most ${max} in one ${unit}`,
    first,
    last,
    max,
    unit,
  };
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthKey = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
