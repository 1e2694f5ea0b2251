/**
 * `npm run eval -- [--seeds DIR] [--gold FILE] [--knowledge DIR …]`
 * Ingests the seeds (no site) and prints precision, recall and F1 per field against a
 * gold file. Defaults: the project's seeds and test/fixtures/gold-seeds.json; for
 * another folder, --gold defaults to DIR/gold.json.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../src/errors.ts";
import { evaluate, formatReport, type GoldArticle } from "../src/eval/index.ts";
import { ingest } from "../src/ingest/index.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../src/knowledge/index.ts";
import { runCli } from "./cli.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      seeds: { type: "string" },
      gold: { type: "string" },
      knowledge: { type: "string", multiple: true },
    },
  });
  const seeds = values.seeds ?? "seeds";
  const goldFile = values.gold ?? (values.seeds ? path.join(seeds, "gold.json") : "test/fixtures/gold-seeds.json");
  let gold: Record<string, GoldArticle>;
  try {
    gold = JSON.parse(await readFile(goldFile, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read gold file ${goldFile}: ${(error as Error).message}`);
  }
  const { archive } = await ingest(seeds, loadKnowledge([DEFAULT_KNOWLEDGE_DIR, ...(values.knowledge ?? [])]));
  for (const r of archive.rejected) console.log(`rejected ${r.file}: ${r.reason}`);
  console.log(formatReport(evaluate(archive, gold)));
  return 0;
});
