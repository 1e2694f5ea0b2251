import { renameSync, writeFileSync } from "node:fs";

/** Writes a cache file whole: never a half-written one, even if the build is killed. */
export function writeEntry(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
