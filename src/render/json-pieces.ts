/**
 * A value's JSON text (exactly `JSON.stringify(value)`) fed to a hash a piece at a time, never made whole.
 *
 * A one-off page's key is its whole view (src/render/views/one-off-pages.ts): at 50,000 articles the
 * ledger's, timeline's and feed's views are hundreds of kilobytes to megabytes of JSON each, most of it
 * two-byte text. V8 puts any string over 128 KiB straight into its old generation, where it stays until a
 * full collection, so those keys, each garbage once hashed, counted toward the next collection as if live:
 * a sampling heap profile of a rebuild found 850 MiB of them among the 1.9 GB the render stage's heap grew
 * by, up to the build's peak. In pieces, each is young garbage.
 */
import type { Hash } from "node:crypto";

/** Characters of JSON text gathered before they are hashed: at most 32 KiB, two bytes a character. */
const PIECE_CHARS = 16 * 1024;

class Pieces {
  private pending = "";

  constructor(private readonly hash: Hash) {}

  add(text: string): void {
    this.pending += text;
    if (this.pending.length >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending.length > 0) this.hash.update(this.pending);
    this.pending = "";
  }
}

/** What JSON.stringify leaves out of an object and writes as null in an array. */
const omitted = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

/** An object JSON.stringify writes property by property: not an array, no toJSON of its own or inherited. */
const plainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { toJSON?: unknown }).toJSON !== "function";

/**
 * Every array is written an item at a time, and every object holding an array a property at a time; the
 * rest (a view's rows: an article's list entry, a ledger line) by JSON.stringify whole. A row holds no
 * list, so it is small whatever the archive's size.
 */
function write(value: unknown, out: Pieces): void {
  if (Array.isArray(value)) {
    out.add("[");
    for (let at = 0; at < value.length; at++) {
      if (at > 0) out.add(",");
      const item = value[at];
      if (omitted(item)) out.add("null");
      else write(item, out);
    }
    out.add("]");
  } else if (plainObject(value) && Object.values(value).some(Array.isArray)) {
    out.add("{");
    let first = true;
    for (const name of Object.keys(value)) {
      const item = value[name];
      if (omitted(item)) continue;
      out.add(`${first ? "" : ","}${JSON.stringify(name)}:`);
      first = false;
      write(item, out);
    }
    out.add("}");
  } else {
    out.add(JSON.stringify(value) ?? "null");
  }
}

/**
 * Updates `hash` with the UTF-8 of `JSON.stringify(value)`, as `hash.update(JSON.stringify(value))` would,
 * for any value JSON.stringify writes (plain data: arrays, objects, strings, numbers, booleans, null, and
 * objects with toJSON). A piece ends only between two values' texts, so no surrogate pair is split. A value
 * JSON.stringify gives no text for (undefined) is hashed as "null".
 */
export function updateWithJson(hash: Hash, value: unknown): Hash {
  const out = new Pieces(hash);
  write(value, out);
  out.flush();
  return hash;
}
