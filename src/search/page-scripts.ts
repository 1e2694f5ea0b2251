/**
 * The search page's stemmer, /assets/stemmer.js: the porter2 package (Snowball's English stemmer, the
 * algorithm Pagefind stems with) as a classic script setting `globalThis.__porter2`, so the page stems query
 * terms exactly as the build stems the vocabulary (src/site/search-vocabulary.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const STEMMER_ASSET = "assets/stemmer.js";

let script: string | undefined;

/** The package's CommonJS build, given an `exports` of its own. */
export function stemmerScript(): string {
  if (script) return script;
  const source = readFileSync(createRequire(import.meta.url).resolve("porter2"), "utf8");
  script = `// porter2 (MIT): Snowball's English stemmer. Wrapped by src/site/stemmer-asset.ts.\n(() => {\nconst exports = {};\n${source}\nglobalThis.__porter2 = exports;\n})();\n`;
  return script;
}
