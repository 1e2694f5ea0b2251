/**
 * Stage 1 — read: every seed file of a folder becomes a decoded SeedSource, or a Rejected
 * with a one-line reason. One bad file never stops the others.
 */
import { createHash } from "node:crypto";
import { type BigIntStats, lstatSync } from "node:fs";
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { NewsArchiveError, SeedRejectedError } from "../errors.ts";
import type { Rejected, SeedSource } from "../types.ts";
import { decodeSeedBytes } from "./decode.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { type KnownSeed, settled, statSignature } from "./known-seeds.ts";
import { compareCodePoints, listSeedFiles } from "./list.ts";

export type { KnownSeed } from "./known-seeds.ts";
export { listSeedFiles } from "./list.ts";

export interface ReadOptions {
  /** Seeds an earlier read recorded (ReadResult.known): a file whose stat is unchanged is not read again. */
  known?: ReadonlyMap<string, KnownSeed>;
  /** How long before the read a file must have been written to be recorded (default READ.settleMs). */
  settleMs?: number;
}

export interface ReadResult {
  sources: SeedSource[];
  rejected: Rejected[];
  /**
   * The sources known by their stat (ReadOptions.known), whose text was not read: it is "" until the
   * caller reads the file (readSeedFile) for a record it does not have.
   */
  unread: Set<SeedSource>;
  /** What the next read can know each file by: the regular files read or known, less those just written. */
  known: Map<string, KnownSeed>;
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
 * path is `realDir`), with the stat of the path itself.
 */
async function resolveInside(
  dir: string,
  realDir: string,
  relativePath: string,
): Promise<{ real: string; entry: BigIntStats }> {
  const full = path.join(dir, relativePath);
  const entry = await lstat(full, { bigint: true }).catch(() => undefined);
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
  return { real, entry };
}

/** A seed read, and the stat of a regular file (none for a symlink), which the next read may know it by. */
async function readSource(
  dir: string,
  realDir: string,
  relativePath: string,
): Promise<{ source: SeedSource; info?: BigIntStats }> {
  const { real, entry } = await resolveInside(dir, realDir, relativePath);
  const info = entry.isSymbolicLink() ? await stat(real, { bigint: true }) : entry;
  if (!info.isFile()) throw new SeedRejectedError(relativePath, "not a regular file");
  if (info.size > BigInt(MAX_SEED_BYTES))
    throw new SeedRejectedError(
      relativePath,
      `file is ${formatMegabytes(Number(info.size))}, over the ${MAX_SEED_BYTES / (1024 * 1024)} MB limit`,
    );
  const bytes = await readFile(real);
  const { frontMatter, body, firstLine } = splitFrontMatter(decodeSeedBytes(bytes));
  if (body.trim() === "") throw new SeedRejectedError(relativePath, "no article text after the front matter");
  const source = {
    file: relativePath,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    text: body,
    firstLine,
    frontMatter,
    duplicates: [],
  };
  return entry.isSymbolicLink() ? { source } : { source, info };
}

/** A problem reading `relativePath` as the one-line entry of `rejected`. */
function rejection(relativePath: string, error: unknown): Rejected {
  if (error instanceof SeedRejectedError)
    return { file: relativePath, reason: error.reason, ...(error.line ? { line: error.line } : {}) };
  const code = (error as NodeJS.ErrnoException).code;
  return { file: relativePath, reason: code ? `cannot be read (${code})` : `cannot be read (${String(error)})` };
}

/**
 * Reads one seed (`relativePath` uses "/" and is relative to `dir`). Never throws for a bad
 * file: problems come back as `rejected`. Used by the full read and by watch mode. `realDir`: the real
 * path of `dir` when the caller has it (readSeeds resolves it once, not once per file).
 */
export async function readSeedFile(dir: string, relativePath: string, realDir?: string): Promise<ReadOneResult> {
  try {
    return { source: (await readSource(dir, realDir ?? (await realpath(dir)), relativePath)).source };
  } catch (error) {
    return { rejected: rejection(relativePath, error) };
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

/** Seed files read concurrently. */
export const READ_AHEAD = 32;

/** One seed file of a folder: read afresh, or known by its stat; either way with what the next read may know. */
type Outcome =
  | { rejected: Rejected }
  | { source: SeedSource; duplicateKey: string; unread: boolean; known: KnownSeed | undefined };

/**
 * A seed known by its stat: its source without its text, when the file's stat is the one `known` records. Asked
 * synchronously: the file was just listed, so its stat is in the system's memory, and at 50,000 files the
 * promises of asking each one asynchronously cost 0.8 s of the main thread against 0.1 s.
 */
function knownByStat(dir: string, file: string, known: KnownSeed): Outcome | undefined {
  let entry: BigIntStats | undefined;
  try {
    entry = lstatSync(path.join(dir, file), { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined; // read, which says what is wrong with it
  }
  if (!entry?.isFile() || statSignature(entry) !== known.stat) return undefined;
  // In SeedSource's own field order: the records made from it are written out as JSON.
  const { sha256, firstLine, frontMatter } = known;
  const source = { file, sha256, text: "", firstLine, frontMatter, duplicates: [] };
  return { source, duplicateKey: known.duplicateKey, unread: true, known };
}

/** One seed file read afresh: its source and what the next read may know it by, or its rejection. */
async function readAfresh(
  dir: string,
  realDir: string,
  file: string,
  startedMs: number,
  settleMs: number | undefined,
): Promise<Outcome> {
  try {
    const { source, info } = await readSource(dir, realDir, file);
    const key = duplicateKey(source);
    const { sha256, firstLine, frontMatter } = source;
    const next =
      info && settled(info, startedMs, settleMs)
        ? { sha256, firstLine, frontMatter, stat: statSignature(info), duplicateKey: key }
        : undefined;
    return { source, duplicateKey: key, unread: false, known: next };
  } catch (error) {
    return { rejected: rejection(file, error) };
  }
}

/**
 * Stage 1: reads every seed file of `dir` into a decoded SeedSource, rejecting bad files with a reason. A
 * file `options.known` records with its present stat is not read (src/read/known-seeds.ts): its source
 * comes back in `unread`, with no text.
 */
export async function readSeeds(dir: string, options: ReadOptions = {}): Promise<ReadResult> {
  const startedMs = Date.now();
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new NewsArchiveError(`seeds folder not found: ${dir}`);
  if (!info.isDirectory()) throw new NewsArchiveError(`seeds path is not a folder: ${dir}`);

  const sources: SeedSource[] = [];
  const rejected: Rejected[] = [];
  const unread = new Set<SeedSource>();
  const known = new Map<string, KnownSeed>();
  const firstByText = new Map<string, SeedSource>();
  const files = await listSeedFiles(dir);
  const realDir = await realpath(dir);
  // A few files in flight hide the file system's latency (one at a time, a 10,000-file folder spent
  // most of its read waiting); a bounded window keeps memory to the kept texts, never a folder of bytes.
  const pending = new Map<number, Outcome | Promise<Outcome>>();
  const start = (at: number) => {
    if (at < files.length) {
      const knownSeed = options.known?.get(files[at]);
      const outcome = knownSeed && knownByStat(dir, files[at], knownSeed);
      pending.set(at, outcome ?? readAfresh(dir, realDir, files[at], startedMs, options.settleMs));
    }
  };
  for (let at = 0; at < READ_AHEAD; at++) start(at);
  for (const [at, file] of files.entries()) {
    const outcome = (await pending.get(at)) as Outcome;
    pending.delete(at);
    start(at + READ_AHEAD);
    if ("rejected" in outcome) {
      rejected.push(outcome.rejected);
      continue;
    }
    if (outcome.known) known.set(file, outcome.known);
    const first = firstByText.get(outcome.duplicateKey);
    if (first) first.duplicates.push(file);
    else {
      firstByText.set(outcome.duplicateKey, outcome.source);
      sources.push(outcome.source);
      if (outcome.unread) unread.add(outcome.source);
    }
  }
  return { sources, rejected: rejected.sort((a, b) => compareCodePoints(a.file, b.file)), unread, known };
}
