/** What a build left on disk: the pages it wrote and the space they take. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { filesUnder } from "../../src/util/files.ts";

export function countHtmlFiles(dir: string): number {
  return filesUnder(dir).filter((file) => file.endsWith(".html")).length;
}

/** Disk usage as `du` reports it (allocated blocks, so 10,000 small pages cost what they really cost). */
export function diskUsageBytes(dir: string): number {
  const output = execFileSync("du", ["-s", "--block-size=1", path.resolve(dir)], { encoding: "utf8" });
  return Number(output.split("\t")[0]);
}
