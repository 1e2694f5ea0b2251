/**
 * The benchmark FLOOR: bare Eleventy rendering each corpus file as one page with a trivial
 * layout, plus one index page — no cleaning, extraction or entity pages. It tells how much of
 * the full build's time is Eleventy and Pagefind themselves, whatever news-archive does.
 * Plain JavaScript on purpose: loading tsx would add start-up cost the floor should not have.
 *
 * Run: BENCH_CORPUS_DIR=DIR node node_modules/@11ty/eleventy/cmd.cjs
 *        --config=scripts/bench/floor/eleventy.config.js --input=scripts/bench/floor/site --output=OUT
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Each file's non-empty lines, as-is: the first is the page title, all are paragraphs. */
function readCorpus(corpusDir) {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith(".txt") && !name.startsWith("."))
    .sort()
    .map((name) => {
      const lines = readFileSync(path.join(corpusDir, name), "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      return { slug: name.slice(0, -".txt".length), title: lines[0] ?? name, paragraphs: lines };
    });
}

export default function (eleventyConfig) {
  const corpusDir = process.env.BENCH_CORPUS_DIR;
  if (!corpusDir) throw new Error("BENCH_CORPUS_DIR must name the corpus folder");
  const articles = readCorpus(corpusDir);
  eleventyConfig.addGlobalData("articles", articles);
}

export const config = {
  templateFormats: ["njk"],
  dir: { includes: "_includes" },
};
