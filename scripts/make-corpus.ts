/**
 * `npx tsx scripts/make-corpus.ts --articles N --out DIR [--seed S] [--seeds DIR]`
 * Writes N synthetic scraped-looking articles (~4 KB each) built from the seed files.
 * Same N and seed → byte-identical files.
 */
import { parseArgs } from "node:util";
import { UsageError } from "../src/errors.ts";
import { writeCorpus } from "./bench/corpus.ts";
import { parsePositiveInt, runCli } from "./cli.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      articles: { type: "string" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
      seeds: { type: "string", default: "seeds" },
    },
  });
  if (!values.articles || !values.out) {
    throw new UsageError("usage: make-corpus --articles N --out DIR [--seed S] [--seeds DIR]");
  }
  const started = performance.now();
  const { files, bytes } = await writeCorpus(values.out, {
    articles: parsePositiveInt("--articles", values.articles),
    seed: parsePositiveInt("--seed", values.seed, 0),
    seedsDir: values.seeds,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`wrote ${files} articles, ${(bytes / 1024 / 1024).toFixed(1)} MiB → ${values.out} in ${seconds} s`);
  return 0;
});
