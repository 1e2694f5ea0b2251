/**
 * A view shown on many pages, keyed by its digest: a page's key (src/render/views/page-key.ts) holds the
 * JSON of what it shows, and an entry listed on thousands of pages (an article's or a story's summary) would
 * be written out, and hashed, once per page. Its JSON is instead its digest, worked out once.
 */
import { createHash } from "node:crypto";

/** Gives `view` a JSON of `${kind}:${digest of its fields}` (not enumerable: templates and spreads miss it). */
export function keyedByDigest<T extends object>(view: T, kind: string): T {
  const digest = createHash("sha256").update(JSON.stringify(view)).digest("base64url");
  Object.defineProperty(view, "toJSON", { value: () => `${kind}:${digest}`, enumerable: false });
  return view;
}
