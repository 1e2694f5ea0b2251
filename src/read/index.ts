/**
 * Stage 1 — read: every seed file of a folder becomes a decoded SeedSource, or a Rejected
 * with a one-line reason. One bad file never stops the others.
 */
import { createHash } from "node:crypto";
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { NewsArchiveError, SeedRejectedError } from "../errors.ts";
import type { Rejected, SeedSource } from "../types.ts";
import { decodeSeedBytes } from "./decode.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { compareCodePoints, listSeedFiles } from "./list.ts";

export { listSeedFiles } from "./list.ts";

export interface ReadResult {
  sources: SeedSource[];
  rejected: Rejected[];
}

export type ReadOneResult = { source: SeedSource; rejected?: undefined } | { rejected: Rejected; source?: undefined };

/** Larger files are refused before reading: no news article is this long, and it protects memory. */
export const MAX_SEED_BYTES = 10 * 1024 * 1024;

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * The real path of a seed, refusing links (and `..` paths) that lead out of the seeds folder (whose real
 * path is `realDir`).
 */
async function resolveInside(dir: string, realDir: string, relativePath: string): Promise<string> {
  const full = path.join(dir, relativePath);
  const entry = await lstat(full).catch(() => undefined);
  if (!entry) throw new SeedRejectedError(relativePath, "file not found");
  const link = entry.isSymbolicLink();
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    throw new SeedRejectedError(relativePath, link ? "broken symlink" : "file not found");
  }
  if (!isInside(realDir, real))
    throw new SeedRejectedError(
      relativePath,
      link ? "symlink points outside the seeds folder" : "outside the seeds folder",
    );
  return real;
}

async function readSource(dir: string, realDir: string, relativePath: string): Promise<SeedSource> {
  const real = await resolveInside(dir, realDir, relativePath);
  const info = await stat(real);
  if (!info.isFile()) throw new SeedRejectedError(relativePath, "not a regular file");
  if (info.size > MAX_SEED_BYTES)
    throw new SeedRejectedError(
      relativePath,
      `file is ${formatMegabytes(info.size)}, over the ${MAX_SEED_BYTES / (1024 * 1024)} MB limit`,
    );
  const bytes = await readFile(real);
  const { frontMatter, body, firstLine } = splitFrontMatter(decodeSeedBytes(bytes));
  if (body.trim() === "") throw new SeedRejectedError(relativePath, "no article text after the front matter");
  return {
    file: relativePath,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    text: body,
    firstLine,
    frontMatter,
    duplicates: [],
  };
}

/**
 * Reads one seed (`relativePath` uses "/" and is relative to `dir`). Never throws for a bad
 * file: problems come back as `rejected`. Used by the full read and by watch mode. `realDir`: the real
 * path of `dir` when the caller has it (readSeeds resolves it once, not once per file).
 */
export async function readSeedFile(dir: string, relativePath: string, realDir?: string): Promise<ReadOneResult> {
  try {
    return { source: await readSource(dir, realDir ?? (await realpath(dir)), relativePath) };
  } catch (error) {
    if (error instanceof SeedRejectedError)
      return { rejected: { file: relativePath, reason: error.reason, ...(error.line ? { line: error.line } : {}) } };
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ? `cannot be read (${code})` : `cannot be read (${String(error)})`;
    return { rejected: { file: relativePath, reason } };
  }
}

/** The text two copies of one article share, whatever their trailing spaces or blank edges. */
export function duplicateKey(source: SeedSource): string {
  const text = source.text
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
  return createHash("sha256").update(JSON.stringify(source.frontMatter)).update("\0").update(text).digest("hex");
}

/** Seed files read concurrently by readSeeds. */
const READ_AHEAD = 32;

/** Stage 1: reads every seed file of `dir` into a decoded SeedSource, rejecting bad files with a reason. */
export async function readSeeds(dir: string): Promise<ReadResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new NewsArchiveError(`seeds folder not found: ${dir}`);
  if (!info.isDirectory()) throw new NewsArchiveError(`seeds path is not a folder: ${dir}`);

  const sources: SeedSource[] = [];
  const rejected: Rejected[] = [];
  const firstByText = new Map<string, SeedSource>();
  const files = await listSeedFiles(dir);
  const realDir = await realpath(dir);
  // A few files in flight hide the file system's latency (one at a time, a 10,000-file folder spent
  // most of its read waiting); a bounded window keeps memory to the kept texts, never a folder of bytes.
  const pending = new Map<number, Promise<ReadOneResult>>();
  const start = (at: number) => {
    if (at < files.length) pending.set(at, readSeedFile(dir, files[at], realDir));
  };
  for (let at = 0; at < READ_AHEAD; at++) start(at);
  for (const [at, file] of files.entries()) {
    const result = (await pending.get(at)) as ReadOneResult;
    pending.delete(at);
    start(at + READ_AHEAD);
    if (result.rejected) {
      rejected.push(result.rejected);
      continue;
    }
    const key = duplicateKey(result.source);
    const first = firstByText.get(key);
    if (first) first.duplicates.push(file);
    else {
      firstByText.set(key, result.source);
      sources.push(result.source);
    }
  }
  return { sources, rejected: rejected.sort((a, b) => compareCodePoints(a.file, b.file)) };
}
