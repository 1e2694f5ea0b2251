/**
 * The search page's scripts, made at build time (none is written by hand under templates/assets/):
 *
 * - /assets/search.js: the page itself (src/search/browser/search.ts and its modules);
 * - /assets/search-terms.js: how the from-disk index makes its terms (src/search/browser/terms.ts, which the
 *   build imports too: src/search/offline-index.ts), setting `globalThis.__archiveTerms`;
 * - /assets/stemmer.js: the porter2 package (Snowball's English stemmer, the algorithm Pagefind stems with)
 *   setting `globalThis.__porter2`, so the page stems query terms exactly as the build stems the vocabulary
 *   (src/search/vocabulary.ts).
 *
 * The first two are bundled by esbuild into classic scripts (pages opened from disk cannot load JS modules),
 * not minified; the same sources and esbuild version give the same bytes.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BROWSER_DIR = fileURLToPath(new URL("./browser/", import.meta.url));
/** The repository: the bundle names its modules relative to it, whatever the working directory. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The TypeScript entry point of each bundled script, by its path in the site. */
const BUNDLES: [asset: string, entry: string][] = [
  ["assets/search-terms.js", "terms-script.ts"],
  ["assets/search.js", "search.ts"],
];

/** `entry` (a file of src/search/browser/) and what it imports, as one classic script. */
async function bundle(entry: string): Promise<string> {
  // Loaded when first needed, as Eleventy is (src/render/eleventy-runs.ts): not by a build with nothing to do.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [`${BROWSER_DIR}${entry}`],
    absWorkingDir: ROOT,
    bundle: true,
    format: "iife",
    target: "es2022",
    platform: "browser",
    charset: "utf8",
    legalComments: "none",
    write: false,
    banner: { js: `// Built from src/search/browser/${entry} by src/search/page-scripts.ts: edit the TypeScript.` },
  });
  return result.outputFiles[0].text;
}

/** The package's CommonJS build, given an `exports` of its own. */
function stemmerScript(): string {
  const source = readFileSync(createRequire(import.meta.url).resolve("porter2"), "utf8");
  // The first line names the file this was written in before src/site/ was split up; it is kept as it was so
  // that the asset's bytes (and every site built before) stay the same.
  return `// porter2 (MIT): Snowball's English stemmer. Wrapped by src/site/stemmer-asset.ts.\n(() => {\nconst exports = {};\n${source}\nglobalThis.__porter2 = exports;\n})();\n`;
}

let scripts: Promise<[asset: string, script: string][]> | undefined;

/**
 * Starts bundling the scripts in esbuild's own process, once per process: the render stage starts it, so the
 * index stage, which writes them, need not wait for the bundle on the main thread (0.12 s a build).
 */
export function prepareSearchPageScripts(): Promise<[asset: string, script: string][]> {
  if (scripts) return scripts;
  const made = Promise.all([
    ...BUNDLES.map(async ([asset, entry]): Promise<[string, string]> => [asset, await bundle(entry)]),
    ["assets/stemmer.js", stemmerScript()] as [string, string],
  ]);
  scripts = made;
  // A failed bundle is not kept: the next build of a long-lived process (`npm start`) tries again.
  made.catch(() => {
    if (scripts === made) scripts = undefined;
  });
  return made;
}

/** Writes the search page's scripts into the site folder `output`. */
export async function writeSearchPageScripts(output: string): Promise<void> {
  for (const [asset, script] of await prepareSearchPageScripts()) {
    await mkdir(path.dirname(path.join(output, asset)), { recursive: true });
    await writeFile(path.join(output, asset), script);
  }
}
