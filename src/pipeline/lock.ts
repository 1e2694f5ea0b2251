/**
 * One build at a time per output folder. The lock is a file created exclusively next
 * to the output; it names the process holding it, so a lock left by a killed build
 * (its process is gone) is taken over instead of blocking every later build.
 */
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { BuildLockedError } from "../errors.ts";

export interface Lock {
  release(): Promise<void>;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireLock(outDir: string): Promise<Lock> {
  const lockFile = `${outDir}.lock`;
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(lockFile, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new BuildLockedError(
          `another build (process ${holder}) is writing ${outDir}; wait for it to finish, or delete ${lockFile} if it is stuck`,
        );
      }
      await rm(lockFile, { force: true }); // stale: its build is gone
    }
  }
  throw new BuildLockedError(`could not lock ${outDir}: ${lockFile} keeps reappearing`);
}
