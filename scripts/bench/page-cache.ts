/**
 * `npm run bench -- --cold`: the rebuild measured with the operating system's page cache dropped first, as on a
 * machine whose files are no longer in memory (the site written since, other work done). Linux only, as root:
 * the kernel drops its clean cached pages, directory entries and inodes when "3" is written to
 * /proc/sys/vm/drop_caches, after `sync` has written the dirty ones. On a virtual machine the host may still
 * hold the files in its own cache, so a "cold" read can be faster than the disk (docs/performance.md).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { UsageError } from "../../src/errors.ts";

const DROP_CACHES = "/proc/sys/vm/drop_caches";

export function dropPageCache(): void {
  try {
    execFileSync("sync");
    writeFileSync(DROP_CACHES, "3\n");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(
      `--cold drops the page cache, which needs Linux and root: writing ${DROP_CACHES} failed (${reason})`,
    );
  }
}
