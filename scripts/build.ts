/**
 * `npm run build -- --seeds DIR --out DIR [--strict] [--knowledge DIR] [--cache DIR | --no-cache] [--shard-size N]`
 * Builds the archive site from a folder of seed articles. `--shard-size`: most articles per search-index
 * shard (src/search/shards.ts); lower it on a machine short of memory.
 */
import { parseArgs } from "node:util";
import { DEFAULT_KNOWLEDGE_DIR } from "../src/knowledge/index.ts";
import { build } from "../src/pipeline/index.ts";
import { parsePositiveInt, runCli } from "./cli.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      seeds: { type: "string", default: "seeds" },
      out: { type: "string", default: "_site" },
      knowledge: { type: "string", multiple: true },
      strict: { type: "boolean", default: false },
      cache: { type: "string", default: ".cache" },
      "no-cache": { type: "boolean", default: false },
      "shard-size": { type: "string" },
    },
  });
  const shardSize =
    values["shard-size"] === undefined ? undefined : parsePositiveInt("--shard-size", values["shard-size"]);
  const result = await build({
    seedsDir: values.seeds,
    outDir: values.out,
    knowledgeDirs: [DEFAULT_KNOWLEDGE_DIR, ...(values.knowledge ?? [])],
    cacheDir: values["no-cache"] ? null : values.cache,
    searchShardSize: shardSize,
    log: (line) => console.log(line),
  });
  if (values.strict && result.rejected.length > 0) {
    console.error(`--strict: ${result.rejected.length} seed(s) rejected`);
    return 1;
  }
  return 0;
});
