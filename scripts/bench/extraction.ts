/**
 * CPU per article of the per-seed stages (clean and extract), measured in this process, one seed
 * after another, after a warm-up that loads the tagger's model and the gazetteer: the figure the
 * extraction budget (10 ms per article, median) is about.
 */
import { cleanSeed } from "../../src/clean/index.ts";
import { extractArticle } from "../../src/extract/index.ts";
import type { Knowledge } from "../../src/knowledge/index.ts";
import { readSeeds } from "../../src/read/index.ts";

export interface ExtractionReport {
  articles: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Extracts up to `limit` seeds of `dir` twice (the first pass warms up) and reports the second. */
export async function measureExtraction(dir: string, knowledge: Knowledge, limit = 500): Promise<ExtractionReport> {
  const { sources } = await readSeeds(dir);
  const sample = sources.slice(0, limit);
  const once = (source: (typeof sample)[number]) => {
    try {
      extractArticle(source, cleanSeed(source, knowledge), knowledge);
    } catch {
      // A rejected seed costs what it cost to find out.
    }
  };
  for (const source of sample.slice(0, 20)) once(source);
  const costs = sample.map((source) => {
    const before = cpuMs();
    once(source);
    return cpuMs() - before;
  });
  costs.sort((a, b) => a - b);
  return {
    articles: costs.length,
    medianMs: quantile(costs, 0.5),
    p90Ms: quantile(costs, 0.9),
    maxMs: costs.at(-1) ?? 0,
  };
}
