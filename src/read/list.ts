/**
 * Finds the seed files of a folder: text and markdown files, recursively, in an order
 * that does not depend on the file system (sorted by relative path, by code point), so
 * two builds of the same folder produce the same archive.
 */
import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";

const SEED_EXTENSIONS = new Set([".txt", ".md"]);

/** Hidden files and the swap/backup/lock files editors leave next to the file being edited. */
function isEditorOrHidden(name: string): boolean {
  return (
    name.startsWith(".") || // hidden, vim ".x.swp", emacs lock ".#x"
    name.endsWith("~") || // emacs/gedit backup "x.txt~", "x.txt.~1~"
    /\.sw[a-p]$/i.test(name) || // vim swap when not hidden
    (name.startsWith("#") && name.endsWith("#")) // emacs auto-save "#x.txt#"
  );
}

export function isSeedFileName(name: string): boolean {
  return !isEditorOrHidden(name) && SEED_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** UTF-8 byte order is code point order, unlike JavaScript's UTF-16 string comparison. */
export function compareCodePoints(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Relative POSIX paths of the seed files under `dir`. Symlinked files are listed (the reader
 * checks where they point); symlinked folders are not entered, which also rules out loops.
 */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries: Dirent[] = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!isEditorOrHidden(entry.name)) await walk(child);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isSeedFileName(entry.name)) {
        found.push(child);
      }
    }
  };
  await walk("");
  return found.sort(compareCodePoints);
}
