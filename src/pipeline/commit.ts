/**
 * Puts a build's staging folder in place of the live site.
 *
 * A build laid over the live site (src/render/site-overlay.ts) staged only what changed. The commit writes a
 * journal beside the site — the files to move in and the files to delete — then renames each staged file
 * over its live one and deletes the rest. Every file is replaced whole by a rename, so a reader never sees
 * half a file; if the build is killed mid-commit, the next build finds the journal and finishes it
 * (`finishInterruptedCommit`) before doing anything else. Until the journal is written, the live site is
 * untouched: a build that fails or is killed before then leaves the previous site exactly as it was.
 *
 * The site's file list is kept in the site (FILE_LIST), so the next commit knows what to delete without
 * walking tens of thousands of files.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteOverlay } from "../render/site-overlay.ts";
import { filesUnder } from "../util/files.ts";
import { compareStrings } from "../util/group.ts";

/** Every file of the site, one relative path per line, written by each commit. */
export const FILE_LIST = ".news-archive/files.txt";

/** The text of FILE_LIST for `files` (sorted). */
export const fileListText = (files: string[]) => `${files.join("\n")}\n`;

interface Journal {
  staging: string;
  moves: string[];
  deletes: string[];
}

export const journalPath = (outDir: string) => `${outDir}.commit.json`;

export interface CommitResult {
  /** Every file of the committed site, relative, sorted. */
  files: string[];
  moved: number;
  deleted: number;
}

const relativeFiles = (dir: string) =>
  filesUnder(dir).map((file) => path.relative(dir, file).split(path.sep).join("/"));

/** The live site's files: from its list when it has one that can be trusted, else by walking it. */
async function liveFiles(live: string): Promise<string[]> {
  try {
    const listed = (await readFile(path.join(live, FILE_LIST), "utf8")).split("\n").filter(Boolean);
    return listed;
  } catch {
    return existsSync(live) ? relativeFiles(live) : [];
  }
}

/** Moves `overlay.staging` into `overlay.live`: staged files replace live ones, files not kept go. */
export async function commitOverlay(overlay: SiteOverlay): Promise<CommitResult> {
  const { staging, live } = overlay;
  const staged = relativeFiles(staging).filter((file) => file !== FILE_LIST);
  const files = [...new Set([...staged, ...overlay.kept, FILE_LIST])].sort(compareStrings);
  const keep = new Set(files);
  // Everything of the old site that the new one lacks goes.
  const deletes = (await liveFiles(live)).filter((file) => !keep.has(file));
  await mkdir(path.dirname(path.join(staging, FILE_LIST)), { recursive: true });
  await writeFile(path.join(staging, FILE_LIST), fileListText(files));
  const journal: Journal = { staging, moves: [...staged, FILE_LIST], deletes };
  const journalFile = journalPath(live);
  await writeFile(`${journalFile}.tmp`, JSON.stringify(journal));
  await rename(`${journalFile}.tmp`, journalFile); // the commit point
  await applyJournal(live, journal);
  await rm(journalFile, { force: true });
  return { files, moved: journal.moves.length, deleted: deletes.length };
}

/** Finishes a commit a killed build began, if there is one; true when there was. */
export async function finishInterruptedCommit(live: string): Promise<boolean> {
  const journalFile = journalPath(live);
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(journalFile, "utf8")) as Journal;
  } catch {
    await rm(`${journalFile}.tmp`, { force: true }); // killed before the commit point: nothing happened
    return false;
  }
  await applyJournal(live, journal);
  await rm(journalFile, { force: true });
  return true;
}

/** Idempotent: a move whose staged file is gone was done already; deleting what is gone is nothing. */
async function applyJournal(live: string, journal: Journal): Promise<void> {
  const madeDirs = new Set<string>();
  for (const file of journal.moves) {
    const to = path.join(live, file);
    const dir = path.dirname(to);
    if (!madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      madeDirs.add(dir);
    }
    try {
      await rename(path.join(journal.staging, file), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  const emptied = new Set<string>();
  for (const file of journal.deletes) {
    await rm(path.join(live, file), { force: true });
    emptied.add(path.dirname(file));
  }
  await removeEmptyFolders(live, emptied);
  await rm(journal.staging, { recursive: true, force: true });
}

/** Removes the folders (and then their parents) left empty by deletions, deepest first. */
async function removeEmptyFolders(live: string, folders: Set<string>): Promise<void> {
  const candidates = new Set<string>();
  for (let folder of folders) {
    while (folder !== "." && folder !== "" && !candidates.has(folder)) {
      candidates.add(folder);
      folder = path.dirname(folder);
    }
  }
  const deepestFirst = [...candidates].sort((a, b) => b.split("/").length - a.split("/").length);
  for (const folder of deepestFirst) await rmdir(path.join(live, folder)).catch(() => {}); // not empty: stays
}
