/** What a build left on disk: the pages it wrote and the space they take. */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

export function countHtmlFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) count++;
  }
  return count;
}

/** Disk usage as `du` reports it (allocated blocks, so 10,000 small pages cost what they really cost). */
export function diskUsageBytes(dir: string): number {
  const output = execFileSync("du", ["-s", "--block-size=1", path.resolve(dir)], { encoding: "utf8" });
  return Number(output.split("\t")[0]);
}
