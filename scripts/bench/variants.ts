/**
 * The two things the benchmark compares, each run as child processes so their memory and
 * start-up are measured as a user would see them: the full news-archive build, and the
 * floor (bare Eleventy + Pagefind over the same texts).
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMeasured } from "./process-tree.ts";
import { countHtmlFiles, diskUsageBytes } from "./site-stats.ts";
import { parseSummaryLine } from "./summary-line.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FLOOR_DIR = path.join(REPO_ROOT, "scripts/bench/floor");
const ELEVENTY_CLI = path.join(REPO_ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
const PAGEFIND_CLI = path.join(REPO_ROOT, "node_modules/.bin/pagefind");

export type Variant = "full" | "floor";

export interface RunResult {
  variant: Variant;
  ok: boolean;
  /** Seconds per stage. */
  stages: { ingest?: number; render?: number; index?: number };
  wallS: number;
  cpuS: number;
  pages: number;
  /** Articles the build published and seeds it rejected, from its summary line (full build only). */
  built?: number;
  rejected?: number;
  peakRssBytes: number;
  outputBytes: number;
  /** The failing command's last output lines, when !ok. */
  error?: string;
}

const tail = (text: string) => text.trim().split("\n").slice(-8).join("\n");

function siteFigures(outDir: string): { pages: number; outputBytes: number } {
  try {
    return { pages: countHtmlFiles(outDir), outputBytes: diskUsageBytes(outDir) };
  } catch {
    return { pages: 0, outputBytes: 0 };
  }
}

/**
 * The build keeps a content-hash cache of parsed seeds; each benchmark build gets its own,
 * next to its output, so runs neither share the project's `.cache` nor warm each other.
 * `fresh`: empty output and cache first (a cold build); otherwise rebuild over what is there.
 */
export async function runFullBuild(
  seedsDir: string,
  outDir: string,
  fresh = true,
  /** When given, the build runs under V8's CPU profiler, writing its profiles here (scripts/bench/profile.ts). */
  profileDir?: string,
): Promise<RunResult> {
  const cacheDir = `${outDir}.cache`;
  if (fresh) {
    await rm(outDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
  // The build's lock file sits next to the output, so the parent folder must exist.
  await mkdir(path.dirname(outDir), { recursive: true });
  const run = await runMeasured(
    process.execPath,
    [
      // As `npm run build` runs it (package.json): a young generation of 64 MiB, since the build allocates
      // many short-lived views and strings; V8's default collects them about 10% more slowly. A heap ceiling
      // of 8 GiB, since V8's default (about 4 GiB) is less than a 50,000-article build holds.
      "--max-semi-space-size=64",
      "--max-old-space-size=8192",
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      "--import",
      "tsx",
      path.join(REPO_ROOT, "scripts/build.ts"),
      "--seeds",
      seedsDir,
      "--out",
      outDir,
      "--cache",
      cacheDir,
    ],
    { cwd: REPO_ROOT },
  );
  const summary = parseSummaryLine(run.stdout);
  const stages = summary?.stages ?? {};
  const ok = run.exitCode === 0 && summary !== undefined;
  return {
    variant: "full",
    ok,
    stages: { ingest: stages.ingest, render: stages.render, index: stages.index },
    wallS: run.wallMs / 1000,
    cpuS: run.cpuMs / 1000,
    ...siteFigures(outDir),
    built: summary?.articles,
    rejected: summary?.rejected,
    peakRssBytes: run.peakRssBytes,
    error: ok ? undefined : tail(`${run.stdout}\n${run.stderr}`) || `exit code ${run.exitCode}`,
  };
}

export async function runFloor(corpusDir: string, outDir: string): Promise<RunResult> {
  await rm(outDir, { recursive: true, force: true });
  const render = await runMeasured(
    process.execPath,
    [
      ELEVENTY_CLI,
      `--config=${path.join(FLOOR_DIR, "eleventy.config.js")}`,
      `--input=${path.join(FLOOR_DIR, "site")}`,
      `--output=${outDir}`,
      "--quiet",
    ],
    { cwd: REPO_ROOT, env: { ...process.env, BENCH_CORPUS_DIR: path.resolve(corpusDir) } },
  );
  const index =
    render.exitCode === 0 ? await runMeasured(PAGEFIND_CLI, ["--site", outDir], { cwd: REPO_ROOT }) : undefined;
  const ok = render.exitCode === 0 && index?.exitCode === 0;
  const failed = render.exitCode !== 0 ? render : index;
  return {
    variant: "floor",
    ok,
    stages: { render: render.wallMs / 1000, index: index ? index.wallMs / 1000 : undefined },
    wallS: (render.wallMs + (index?.wallMs ?? 0)) / 1000,
    cpuS: (render.cpuMs + (index?.cpuMs ?? 0)) / 1000,
    ...siteFigures(outDir),
    // The two stages run one after the other, so the tree's peak is the larger of theirs.
    peakRssBytes: Math.max(render.peakRssBytes, index?.peakRssBytes ?? 0),
    error: ok || !failed ? undefined : tail(`${failed.stdout}\n${failed.stderr}`),
  };
}
