// The files of the fallback index (search/offline/), named once for the build that writes them
// (src/search/offline-index.ts) and the page that loads them (offline-engine.ts).

/** File of a term shard: key characters a–z0–9 as is, others as _hex_. */
export function termShardFile(key: string): string {
  let name = "t";
  for (const char of key) name += /[a-z0-9]/.test(char) ? char : `_${char.codePointAt(0)?.toString(16)}_`;
  return `${name}.js`;
}

/** File of a filter's values and postings. */
export function filterFile(name: string): string {
  return `f-${name}.js`;
}

/** File of documents n·docShard… */
export function docShardFile(n: number): string {
  return `d${n}.js`;
}

/** File of the documents added or changed since the other files were written (loaded with meta.js). */
export const DELTA_FILE = "delta.js";
