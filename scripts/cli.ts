import { NewsArchiveError, UsageError } from "../src/errors.ts";
import { DEFAULT_KNOWLEDGE_DIR } from "../src/knowledge/index.ts";

/** node:util parseArgs's errors (unknown option, missing or ambiguous value, …): bad usage too. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS_");
}

/**
 * Runs a command and exits with its code. Known failures (bad usage, a locked output,
 * a broken knowledge file) print one line; anything else prints one line too, with the
 * stack only when DEBUG is set — users see what went wrong, not where in our code.
 */
export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof NewsArchiveError || isParseArgsError(error)) {
      // parseArgs explains itself over several lines; keep it to one.
      console.error(`error: ${error.message.replace(/\s*\n\s*/g, " ")}`);
    } else {
      console.error(
        `internal error: ${error instanceof Error ? error.message : String(error)} (run with DEBUG=1 for details)`,
      );
      if (process.env.DEBUG) console.error(error);
    }
    process.exitCode = 2;
  }
}

/** An integer option in [min, max]: a typo fails as one usage line, not as NaN or a stack trace. */
export function parsePositiveInt(flag: string, value: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${flag} must be an integer ${range}, got "${value}"`);
  }
  return n;
}

/** The options `npm run build` and `npm start` share: where the seeds, the site, extra knowledge and the cache are. */
export const BUILD_FLAGS = {
  seeds: { type: "string", default: "seeds" },
  out: { type: "string", default: "_site" },
  knowledge: { type: "string", multiple: true },
  cache: { type: "string", default: ".cache" },
  "no-cache": { type: "boolean", default: false },
} as const;

/** What BUILD_FLAGS give the build (src/pipeline): its folders, the project's knowledge first. */
export function buildFolders(values: {
  seeds: string;
  out: string;
  knowledge?: string[];
  cache: string;
  "no-cache": boolean;
}): { seedsDir: string; outDir: string; knowledgeDirs: string[]; cacheDir: string | null } {
  return {
    seedsDir: values.seeds,
    outDir: values.out,
    knowledgeDirs: [DEFAULT_KNOWLEDGE_DIR, ...(values.knowledge ?? [])],
    cacheDir: values["no-cache"] ? null : values.cache,
  };
}
