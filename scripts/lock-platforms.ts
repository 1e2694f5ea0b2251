/**
 * `npx tsx scripts/lock-platforms.ts` — run after `npm install` changes package-lock.json.
 *
 * The npm registry this project is built against lacks some of Pagefind's platform packages
 * (@pagefind/darwin-*, windows-*, freebsd-* at the version we use); npm then leaves them out of
 * the lock file, and `npm ci` refuses a lock that misses an optional dependency. This adds them
 * back as entries for other platforms, which npm ci skips on Linux without fetching anything.
 */
import { readFileSync, writeFileSync } from "node:fs";

const PLATFORMS: Record<string, { os: string; cpu: string }> = {
  "@pagefind/darwin-arm64": { os: "darwin", cpu: "arm64" },
  "@pagefind/darwin-x64": { os: "darwin", cpu: "x64" },
  "@pagefind/freebsd-x64": { os: "freebsd", cpu: "x64" },
  "@pagefind/windows-arm64": { os: "win32", cpu: "arm64" },
  "@pagefind/windows-x64": { os: "win32", cpu: "x64" },
};

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const packages: Record<string, Record<string, unknown>> = lock.packages;
const version = packages["node_modules/pagefind"].version;
const added: string[] = [];
for (const [name, { os, cpu }] of Object.entries(PLATFORMS)) {
  const key = `node_modules/${name}`;
  if (packages[key]) continue;
  packages[key] = { version, cpu: [cpu], license: "MIT", optional: true, os: [os] };
  added.push(name);
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.join(", ")} at ${version}` : "lock file already complete");
