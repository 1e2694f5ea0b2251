/**
 * Seeds known by their files' stat, so a rebuild does not read and hash 10,000 unchanged files to learn
 * that they are unchanged (0.9 s of a rebuild at 10,000 seeds).
 *
 * A read records, for each regular file, its device, inode, size and modification and change times in
 * nanoseconds, with what the read made of it (hash, front matter, duplicate key). The next read takes a
 * file whose stat is the same as recorded for the same content. Any write to a file moves its change
 * time, which no tool can set back (unlike the modification time `touch -d` or an unpacker sets), so an
 * edit that keeps the size and the modification time is still seen.
 *
 * A file written in the last READ.settleMs before the read is not recorded: its next write could come
 * within the file system's time resolution and leave the stat as it was (git calls such entries racy).
 */
import type { BigIntStats } from "node:fs";
import { READ } from "../settings.ts";
import type { SeedSource } from "../types.ts";

/** What a read made of a seed file, kept so the next read can know the file by its stat alone. */
export interface KnownSeed extends Omit<SeedSource, "file" | "text" | "duplicates"> {
  /** The file's stat when it was read (statSignature). */
  stat: string;
  /** The key its text is grouped by with copies of it (duplicateKey in src/read/index.ts). */
  duplicateKey: string;
}

/** A file's device, inode, size, modification and change times: any write changes one of them. */
export function statSignature(info: BigIntStats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

/**
 * Whether a file stat'ed at a read that started at `readStartedMs` may be known by its stat from now on:
 * it was last written at least `settleMs` before the read.
 */
export function settled(info: BigIntStats, readStartedMs: number, settleMs = READ.settleMs): boolean {
  const before = BigInt(Math.floor(readStartedMs - settleMs)) * 1_000_000n;
  return info.mtimeNs < before && info.ctimeNs < before;
}
