/**
 * How the archive's records are laid out in files: each list (articles, stories, people, …) in JSON Lines
 * files of a few dozen records, which archive.json lists in order.
 *
 * A file's end is chosen by its records' content, not by their position, as in content-defined chunking
 * (rsync, restic): a record whose slug hashes to one in ARCHIVE.recordsPerFile starts a new file. Adding,
 * removing or moving one record thus changes the one file it lands in or leaves, and the files around it
 * keep their names and bytes: a rebuild after one new article rewrites a handful of files, not the archive.
 * Cutting every N records instead would shift every later file's records by one.
 */
import { hash } from "node:crypto";
import { ARCHIVE } from "../settings.ts";
import type { Archive } from "../types.ts";
import { fnv1a, mixed } from "../util/hash.ts";

/** The lists of records archive.json gives as files; its other fields (rejected files, …) it holds itself. */
export const RECORD_LISTS = [
  "articles",
  "stories",
  "people",
  "parties",
  "organizations",
  "places",
  "outlets",
] as const satisfies readonly (keyof Archive)[];

export type RecordList = (typeof RECORD_LISTS)[number];

/** The folder of a list's files, relative to the site folder. */
export const recordFolder = (list: RecordList) => `archive/${list}`;

/** Below this hash (of 2³²), a slug starts a file: one in ARCHIVE.recordsPerFile. */
const STARTS_FILE = 2 ** 32 / ARCHIVE.recordsPerFile;

/** Whether the record with this slug starts a file of its list. */
function startsFile(slug: string): boolean {
  return mixed(fnv1a(slug)) < STARTS_FILE;
}

/**
 * A list's records cut into the runs each file holds, in order: a run starts at the list's first record, at
 * a record whose slug starts a file, and after ARCHIVE.maxRecordsPerFile records.
 */
export function recordRuns<T extends { slug: string }>(records: readonly T[]): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (const record of records) {
    if (run.length > 0 && (run.length >= ARCHIVE.maxRecordsPerFile || startsFile(record.slug))) {
      runs.push(run);
      run = [];
    }
    run.push(record);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** A slug that is a file name as it is, on any file system: short, lowercase, no dot or space. */
const PLAIN_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * The file (relative to the site folder) holding the run of `list` that starts with the record `firstSlug`:
 * named by that slug, so a reader sees where each file starts. A slug that is not a safe file name (a long
 * one, or one a front matter wrote with capitals or dots) is named by its hash instead, in hex (a file system
 * may not tell capitals apart), behind a "_" no plain slug starts with.
 */
export function recordFile(list: RecordList, firstSlug: string): string {
  const name = PLAIN_SLUG.test(firstSlug) ? firstSlug : `_${hash("sha256", firstSlug, "hex").slice(0, 24)}`;
  return `${recordFolder(list)}/${name}.jsonl`;
}
