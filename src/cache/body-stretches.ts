/**
 * A cached extraction's quotations of its own body, written as where they are in it.
 *
 * Much of an extraction repeats its body: each mention's evidence is the sentence it was found in, as are
 * a figure's, an event date's and a quote's. At 10,000 articles those sentences were a third of the cache's
 * bytes, parsed into strings of their own and then hashed by the ingest's string pool to find the copies.
 * Written as a number (`at * STRETCH_SPAN + length`) in place of the string, such a sentence is read back
 * as a slice of the body: no characters parsed or hashed, and in V8 a slice of a longer string points into
 * it rather than copying it. The values read are the same strings, in the same places, so the records, and
 * every file made of them, are the same. An entry of this layout has a file name of its own (src/cache:
 * entryName), so that code from before it, which would take a stretch for a sentence, never reads one.
 */
import type { ExtractedArticle, Rejected } from "../types.ts";

/** The fields of an extraction that may quote its body, as paths from the entry ("*": each item of a list). */
const QUOTING_FIELDS: readonly (readonly string[])[] = [
  ...["people", "parties", "organizations", "places"].map((kind) => ["entities", kind, "*", "evidence", "*", "text"]),
  ["figures", "*", "text"],
  ["quotes", "*", "text"],
  ["metadata", "events", "*", "text"],
  ["metadata", "events", "*", "what"],
  ["metadata", "yearless", "story", "*", "text"],
];

/** A quotation shorter than this stays written out: a slice this short would be a copy anyway. */
const SHORTEST_STRETCH = 24;
/** A stretch's start is multiplied by this and its length added: both fit a safe integer for any body. */
const STRETCH_SPAN = 2 ** 21;

type Holder = Record<string, unknown>;

/**
 * The entry to write: `entry` (not changed) with each quotation of its body as its place in it. Only the
 * objects on the way to a quotation are copied, each with its keys in their order.
 */
export function withBodyStretches<T>(entry: T): T {
  const body = (entry as { body?: unknown }).body;
  if (typeof body !== "string") return entry; // a rejection
  const stretch = (value: unknown): unknown => {
    if (typeof value !== "string" || value.length < SHORTEST_STRETCH || value.length >= STRETCH_SPAN) return value;
    const at = body.indexOf(value);
    return at < 0 ? value : at * STRETCH_SPAN + value.length;
  };
  let written: unknown = entry;
  for (const path of QUOTING_FIELDS) written = copiedAlong(written, path, 0, stretch);
  return written as T;
}

function copiedAlong(value: unknown, path: readonly string[], at: number, leaf: (value: unknown) => unknown): unknown {
  if (at === path.length) return leaf(value);
  if (path[at] === "*")
    return Array.isArray(value) ? value.map((item) => copiedAlong(item, path, at + 1, leaf)) : value;
  if (value === null || typeof value !== "object" || !Object.hasOwn(value, path[at])) return value;
  const holder = value as Holder;
  return { ...holder, [path[at]]: copiedAlong(holder[path[at]], path, at + 1, leaf) };
}

/** Gives `entry` (as parsed, changed in place) its quotations back as slices of its body. */
export function restoreBodyStretches(entry: ExtractedArticle | Rejected): void {
  const { body } = entry as { body?: unknown };
  if (typeof body !== "string") return;
  for (const path of QUOTING_FIELDS) restoreAlong(entry, path, 0, body);
}

/** The quotations at `path` (from step `at`) inside `value`, made slices of `body`; one function, not a closure per entry. */
function restoreAlong(value: unknown, path: readonly string[], at: number, body: string): void {
  if (value === null || typeof value !== "object") return;
  if (path[at] === "*") {
    if (Array.isArray(value)) for (const item of value) restoreAlong(item, path, at + 1, body);
    return;
  }
  const holder = value as Holder;
  const key = path[at];
  if (!Object.hasOwn(holder, key)) return;
  if (at < path.length - 1) {
    restoreAlong(holder[key], path, at + 1, body);
    return;
  }
  const stretch = holder[key];
  if (typeof stretch !== "number") return; // written out: not the body's, too short, or an earlier layout
  const length = stretch % STRETCH_SPAN;
  const start = (stretch - length) / STRETCH_SPAN;
  holder[key] = body.slice(start, start + length);
}
