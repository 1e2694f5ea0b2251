/** Human-readable dates for pages, formatted with date-fns from the archive's ISO strings (YYYY-MM-DD, YYYY-MM or YYYY). */
import { format } from "date-fns/format";
import { parseISO } from "date-fns/parseISO";

/** Labels already made, by ISO string: an archive has few distinct dates but formats them many times. */
const dateLabels = new Map<string, string>();

/** "5 February 2026", "February 2026" or "2026", by the precision the string carries. */
export function formatDate(iso: string | null): string {
  if (!iso) return "Undated";
  let label = dateLabels.get(iso);
  if (label === undefined) {
    label = formatIso(iso);
    dateLabels.set(iso, label);
  }
  return label;
}

function formatIso(iso: string): string {
  if (/^\d{4}$/.test(iso)) return iso;
  if (/^\d{4}-\d{2}$/.test(iso)) return format(parseISO(`${iso}-01`), "MMMM yyyy");
  return format(parseISO(iso), "d MMMM yyyy");
}

const monthLabels = new Map<string, string>();

/** "February 2026" for a "2026-02" month key. */
export function formatMonth(yearMonth: string): string {
  let label = monthLabels.get(yearMonth);
  if (label === undefined) {
    label = format(parseISO(`${yearMonth}-01`), "MMMM yyyy");
    monthLabels.set(yearMonth, label);
  }
  return label;
}

/** Atom wants RFC 3339 timestamps; archive dates are days, so midnight UTC (never the build time). */
export function atomTimestamp(isoDay: string): string {
  return `${isoDay.slice(0, 10)}T00:00:00Z`;
}
