/**
 * `npm run bench -- --profile`: the full builds and the rebuild run with V8's CPU profiler
 * (node --cpu-prof), and each main-thread profile is summed up by pipeline stage — the folders of src/
 * (ingest, resolve, archive, render, search, pipeline), Eleventy, the garbage collector — with the
 * heaviest functions of the project's own code. The .cpuprofile files stay in .bench/profile-N/ for
 * Chrome DevTools (Performance → Load profile). Pagefind runs in processes of its own, which the profile
 * does not see: its share is the index stage's wall time less the search folder's CPU.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's time is booked: a stage folder of src/, a tool, or the engine itself. */
function bucketOf(url: string, name: string): string | null {
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(idle)") return "idle (waiting on files or child processes)";
  const stage = /\/src\/([a-z-]+)\//.exec(url)?.[1];
  if (stage && !url.includes("node_modules")) return `src/${stage}`;
  if (url.includes("node_modules/@11ty/")) return "Eleventy";
  if (url.includes("node_modules/nunjucks/")) return "Eleventy";
  return null;
}

export interface ProfileSummary {
  file: string;
  totalS: number;
  /** Seconds by stage: the innermost of the project's stage folders on each sampled stack. */
  stages: [string, number][];
  /** The project's functions by inclusive seconds. */
  functions: [string, number][];
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const stages = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    total += us;
    let stage: string | null = null;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      stage ??= bucketOf(url, functionName);
      if (/\/src\//.test(url) && !url.includes("node_modules")) {
        const name = `${functionName || "(anonymous)"} ${url.replace(/^.*\/src\//, "src/")}:${lineNumber + 1}`;
        if (!seen.has(name)) functions.set(name, (functions.get(name) ?? 0) + us);
        seen.add(name);
      }
    }
    const bucket = stage ?? "other (Node, libraries)";
    stages.set(bucket, (stages.get(bucket) ?? 0) + us);
  }
  const seconds = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, us / 1e6] as [string, number]);
  return { file, totalS: total / 1e6, stages: seconds(stages), functions: seconds(functions).slice(0, top) };
}

/** The main thread's profile in `dir`: the largest (workers write their own, smaller ones). */
export function mainProfileIn(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(dir, name));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? null;
}

export function profileLines(label: string, summary: ProfileSummary): string[] {
  const row = ([name, s]: [string, number]) => `  ${s.toFixed(2).padStart(7)} s  ${name}`;
  return [
    `${label}: ${summary.totalS.toFixed(1)} s sampled on the main thread (${path.basename(summary.file)})`,
    "  by stage (self time, each sample booked to the innermost stage on its stack):",
    ...summary.stages.map(row),
    "  heaviest functions of src/ (inclusive):",
    ...summary.functions.map(row),
  ];
}
