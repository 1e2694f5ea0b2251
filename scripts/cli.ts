import { NewsArchiveError } from "../src/errors.ts";

/**
 * Runs a command and exits with its code. Known failures (bad usage, a locked output,
 * a broken knowledge file) print one line; anything else prints one line too, with the
 * stack only when DEBUG is set — users see what went wrong, not where in our code.
 */
export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (
      error instanceof NewsArchiveError ||
      (error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    ) {
      console.error(`error: ${error.message}`);
    } else {
      console.error(
        `internal error: ${error instanceof Error ? error.message : String(error)} (run with DEBUG=1 for details)`,
      );
      if (process.env.DEBUG) console.error(error);
    }
    process.exitCode = 2;
  }
}
