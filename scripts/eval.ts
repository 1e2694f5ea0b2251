/**
 * `npm run eval -- [--seeds DIR] [--gold FILE] [--knowledge DIR …]`
 * Ingests the seeds (no site) and prints precision, recall and F1 per field against a
 * gold file, as the gold's `_scoring` key asks. Defaults: the project's seeds and
 * test/fixtures/gold-seeds.json; for another folder, --gold defaults to DIR/gold.json, else the
 * gold.json beside DIR.
 *
 * `npm run eval -- --benchmarks DIR`: every corpus folder in DIR (each with `seeds/` and
 * `gold.json`) scored per split, printed as one table.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../src/errors.ts";
import {
  type BenchmarkRow,
  evaluate,
  evaluateSplits,
  formatBenchmarks,
  formatReport,
  type GoldFile,
} from "../src/eval/index.ts";
import { ingest } from "../src/ingest/index.ts";
import { DEFAULT_KNOWLEDGE_DIR, type Knowledge, loadKnowledge } from "../src/knowledge/index.ts";
import { runCli } from "./cli.ts";

async function readGold(file: string): Promise<GoldFile> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read gold file ${file}: ${(error as Error).message}`);
  }
}

/** The corpus folders of a benchmarks folder: those holding both `seeds/` and `gold.json`. */
async function corpora(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    throw new UsageError(`cannot read benchmarks folder ${dir}: ${(error as Error).message}`);
  }
  const found: string[] = [];
  for (const name of names) {
    const has = async (p: string) =>
      stat(path.join(dir, name, p)).then(
        () => true,
        () => false,
      );
    if ((await has("seeds")) && (await has("gold.json"))) found.push(name);
  }
  return found;
}

/** A corpus's gold.json: in the seeds folder, or beside it (a benchmark's `seeds/` and `gold.json`). */
async function goldBeside(seeds: string): Promise<string> {
  const inside = path.join(seeds, "gold.json");
  const beside = path.join(seeds, "..", "gold.json");
  return (await stat(inside).then(
    () => true,
    () => false,
  ))
    ? inside
    : beside;
}

async function evalBenchmarks(dir: string, knowledge: Knowledge): Promise<void> {
  const rows: BenchmarkRow[] = [];
  for (const corpus of await corpora(dir)) {
    const started = performance.now();
    const gold = await readGold(path.join(dir, corpus, "gold.json"));
    const { archive } = await ingest(path.join(dir, corpus, "seeds"), knowledge);
    rows.push(...evaluateSplits(archive, gold, corpus));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`${corpus}: ${archive.articles.length} articles, ${archive.rejected.length} rejected, ${seconds} s`);
  }
  console.log(formatBenchmarks(rows));
}

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      seeds: { type: "string" },
      gold: { type: "string" },
      benchmarks: { type: "string" },
      knowledge: { type: "string", multiple: true },
    },
  });
  const knowledge = loadKnowledge([DEFAULT_KNOWLEDGE_DIR, ...(values.knowledge ?? [])]);
  if (values.benchmarks) {
    await evalBenchmarks(values.benchmarks, knowledge);
    return 0;
  }
  const seeds = values.seeds ?? "seeds";
  const goldFile = values.gold ?? (values.seeds ? await goldBeside(seeds) : "test/fixtures/gold-seeds.json");
  const gold = await readGold(goldFile);
  const { archive } = await ingest(seeds, knowledge);
  for (const r of archive.rejected) console.log(`rejected ${r.file}: ${r.reason}`);
  console.log(formatReport(evaluate(archive, gold)));
  return 0;
});
