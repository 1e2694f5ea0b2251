import { closeSync, openSync, renameSync, writeFileSync, writeSync } from "node:fs";

/**
 * Writes a cache file whole: never a half-written one, even if the build is killed. The text may come in
 * pieces, for a file too large to be one string without cost (the text terms: 86 MB at 50,000 articles,
 * which as one string and its UTF-8 copy were the peak of the build's memory).
 */
export function writeEntry(file: string, text: string | Iterable<string>): void {
  const temporary = `${file}.${process.pid}.tmp`;
  if (typeof text === "string") writeFileSync(temporary, text);
  else {
    const fd = openSync(temporary, "w");
    try {
      for (const piece of text) {
        const bytes = Buffer.from(piece);
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      }
    } finally {
      closeSync(fd);
    }
  }
  renameSync(temporary, file);
}
