/**
 * `npm run build -- --seeds DIR --out DIR [--strict] [--knowledge DIR] [--cache DIR | --no-cache] [--shard-size N] [--memory]`
 * Builds the archive site from a folder of seed articles. `--shard-size`: most articles per search-index
 * shard (src/search/shards.ts); lower it on a machine short of memory. `--memory`: each stage's peak
 * heap and RSS after the summary line.
 */
import { parseArgs } from "node:util";
import { build } from "../src/pipeline/index.ts";
import { BUILD_FLAGS, buildFolders, parsePositiveInt, runCli } from "./cli.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      ...BUILD_FLAGS,
      strict: { type: "boolean", default: false },
      "shard-size": { type: "string" },
      memory: { type: "boolean", default: false },
    },
  });
  const shardSize =
    values["shard-size"] === undefined ? undefined : parsePositiveInt("--shard-size", values["shard-size"]);
  const result = await build({
    ...buildFolders(values),
    searchShardSize: shardSize,
    memory: values.memory,
    log: (line) => console.log(line),
  });
  if (values.strict && result.rejected.length > 0) {
    console.error(`--strict: ${result.rejected.length} seed(s) rejected`);
    return 1;
  }
  return 0;
});
